package io.samsa.core.replication;

import io.samsa.common.Errors;

/**
 * The outcome of appending one partition's batches: the first and last assigned offsets, the log
 * append time (-1 for CreateTime topics) and the log start offset, or an error. Immutable.
 */
public record AppendResult(Errors error, String message, long baseOffset, long lastOffset, long logAppendTime,
                           long logStartOffset) {

    public static AppendResult error(Errors error, String message) {
        return new AppendResult(error, message, -1L, -1L, -1L, -1L);
    }

    /** The same append, now answered with {@code newError} (e.g. when waiting for replicas failed). */
    AppendResult withError(Errors newError, String newMessage) {
        return new AppendResult(newError, newMessage, baseOffset, lastOffset, logAppendTime, logStartOffset);
    }
}
