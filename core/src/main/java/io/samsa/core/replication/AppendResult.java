package io.samsa.core.replication;

import io.samsa.common.Errors;

/**
 * The outcome of appending one partition's batches: the first assigned offset, the log append
 * time (-1 for CreateTime topics) and the log start offset, or an error. Immutable.
 */
public record AppendResult(Errors error, String message, long baseOffset, long logAppendTime, long logStartOffset) {

    public static AppendResult error(Errors error, String message) {
        return new AppendResult(error, message, -1L, -1L, -1L);
    }
}
