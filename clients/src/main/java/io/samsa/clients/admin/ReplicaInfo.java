package io.samsa.clients.admin;

/** One partition replica in a broker's log directory. Immutable. */
public class ReplicaInfo {

    private final long size;
    private final long offsetLag;
    private final boolean isFuture;

    public ReplicaInfo(long size, long offsetLag, boolean isFuture) {
        this.size = size;
        this.offsetLag = offsetLag;
        this.isFuture = isFuture;
    }

    /** Bytes in the replica's log segments. */
    public long size() {
        return size;
    }

    /**
     * How far the log end offset is behind the high watermark (a current replica) or behind the
     * current replica's log end offset (a future replica).
     */
    public long offsetLag() {
        return offsetLag;
    }

    /** Whether this is a future replica that AlterReplicaLogDirs is moving into this directory. */
    public boolean isFuture() {
        return isFuture;
    }

    @Override
    public String toString() {
        return "ReplicaInfo(size=" + size + ", offsetLag=" + offsetLag + ", isFuture=" + isFuture + ")";
    }
}
