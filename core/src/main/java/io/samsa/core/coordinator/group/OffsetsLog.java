package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;

import java.nio.ByteBuffer;

/**
 * The coordinator's narrow view of {@code __consumer_offsets}: append record batches to a
 * partition this broker leads, and replay a partition from its start. Implementations are
 * thread-safe.
 */
public interface OffsetsLog {

    /** Called once an append is acknowledged (error NONE, with the batch's base offset) or has failed. */
    interface AppendCallback {
        void onComplete(Errors error, long baseOffset);
    }

    /** Called for each record replayed, in offset order; a null value is a tombstone. */
    interface RecordVisitor {
        void visit(long offset, ByteBuffer key, ByteBuffer value);
    }

    /** Appends {@code records} (complete batches) as leader; acknowledged once committed. May call back on any thread. */
    void append(int partition, ByteBuffer records, AppendCallback callback);

    /**
     * Replays the partition's records from its log start up to its log end offset as it was when
     * the replay started (past the high watermark: a new leader's lags, but its whole log will be
     * committed). Returns false when this broker does not host the partition (any more).
     */
    boolean replay(int partition, RecordVisitor visitor);
}
