package io.samsa.clients.admin;

/** What {@link Admin#deleteRecords} left of a partition: its new log start offset. Immutable. */
public class DeletedRecords {

    private final long lowWatermark;

    public DeletedRecords(long lowWatermark) {
        this.lowWatermark = lowWatermark;
    }

    /** The partition's log start offset after the deletion. */
    public long lowWatermark() {
        return lowWatermark;
    }

    @Override
    public String toString() {
        return "DeletedRecords(lowWatermark=" + lowWatermark + ")";
    }
}
