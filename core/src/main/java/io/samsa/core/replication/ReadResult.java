package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.protocol.RecordsData;

/**
 * One partition's part of a fetch: the records (a file slice, sent by sendfile) and the offsets
 * a consumer needs, or an error. Immutable.
 */
public record ReadResult(Errors error, RecordsData records, int sizeInBytes, long highWatermark,
                         long lastStableOffset, long logStartOffset) {

    public static ReadResult error(Errors error) {
        return new ReadResult(error, null, 0, -1L, -1L, -1L);
    }
}
