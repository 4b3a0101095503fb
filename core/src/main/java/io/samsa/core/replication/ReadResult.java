package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.core.log.LogOffsetMetadata;
import io.samsa.protocol.RecordsData;

/**
 * One partition read for a fetch: the records (file regions), their size, the partition's high
 * watermark, last stable offset and log start offset, and where in the log the fetch offset lies
 * (so a waiting fetch can tell cheaply how much has arrived since), or an error. Immutable.
 */
public record ReadResult(Errors error, RecordsData records, int sizeInBytes, long highWatermark,
                         long lastStableOffset, long logStartOffset, LogOffsetMetadata fetchOffsetMetadata) {

    public static ReadResult error(Errors error) {
        return new ReadResult(error, null, 0, -1L, -1L, -1L, null);
    }
}
