package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.core.log.LogOffsetMetadata;
import io.samsa.protocol.RecordsData;

/**
 * One partition read for a fetch: the records (file regions), their size, the partition's high
 * watermark, last stable offset and log start offset, and where in the log the fetch offset lies
 * (so a waiting fetch can tell cheaply how much has arrived since), or an error. A follower whose
 * log diverged from the leader's gets, instead of records, the epoch and end offset to truncate to
 * ({@code divergingEpoch}, null otherwise). Immutable.
 */
public record ReadResult(Errors error, RecordsData records, int sizeInBytes, long highWatermark,
                         long lastStableOffset, long logStartOffset, LogOffsetMetadata fetchOffsetMetadata,
                         EpochEndOffset divergingEpoch) {

    public static ReadResult error(Errors error) {
        return new ReadResult(error, null, 0, -1L, -1L, -1L, null, null);
    }
}
