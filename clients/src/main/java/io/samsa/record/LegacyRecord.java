package io.samsa.record;

import java.nio.ByteBuffer;

/**
 * One logical record of a legacy message set, as a consumer sees it: an uncompressed message,
 * or one inner message of a wrapper with its offset made absolute and its timestamp resolved
 * against the wrapper (a LogAppendTime wrapper overrides the inner timestamps). Key and value are
 * views of the message bytes, or of the decompressed inner set, not copies. Immutable from the
 * outside; safe to share once published.
 */
public final class LegacyRecord extends KeyValueView {

    private final byte magic;
    private final long offset;
    private final long timestamp;
    private final TimestampType timestampType;

    LegacyRecord(byte magic, long offset, long timestamp, TimestampType timestampType, ByteBuffer key,
                 ByteBuffer value) {
        super(key, value);
        this.magic = magic;
        this.offset = offset;
        this.timestamp = timestamp;
        this.timestampType = timestampType;
    }

    /** The magic of the message (and of its wrapper, which must agree). */
    public byte magic() {
        return magic;
    }

    /** The absolute offset the message set assigns (meaningless in a produce request). */
    public long offset() {
        return offset;
    }

    /** The timestamp, or {@link BatchLayout#NO_TIMESTAMP} for magic 0. */
    public long timestamp() {
        return timestamp;
    }

    /** NO_TIMESTAMP_TYPE for magic 0; otherwise that of the message, or of its wrapper. */
    public TimestampType timestampType() {
        return timestampType;
    }

    @Override
    public String toString() {
        return "LegacyRecord(magic=" + magic + ", offset=" + offset + ", timestamp=" + timestamp + " ("
            + timestampType + "), keySize=" + keySize() + ", valueSize=" + valueSize() + ")";
    }
}
