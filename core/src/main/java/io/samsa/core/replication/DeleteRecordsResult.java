package io.samsa.core.replication;

import io.samsa.common.Errors;

/** One partition's answer to DeleteRecords: its new low watermark, or an error. Immutable. */
public record DeleteRecordsResult(Errors error, long lowWatermark) {

    public static DeleteRecordsResult error(Errors error) {
        return new DeleteRecordsResult(error, -1L);
    }
}
