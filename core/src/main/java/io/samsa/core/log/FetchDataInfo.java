package io.samsa.core.log;

import io.samsa.common.Errors;

/**
 * What a read of the log returns: the batches to send as a {@link FileSlice} of one segment file
 * (send it with sendfile; do not copy it), where the read started, and an error when the fetch
 * offset was outside the log. A read never spans two segments; the caller fetches again from the
 * next offset. Immutable.
 *
 * @param fetchOffsetMetadata  the fetch offset and the segment position it maps to
 * @param slice                the bytes; empty when there is nothing to return
 * @param firstEntryIncomplete true when the size limit cut the first batch short (the client
 *                             needs a larger fetch size)
 * @param error                {@link Errors#NONE}, or {@link Errors#OFFSET_OUT_OF_RANGE}
 */
public record FetchDataInfo(LogOffsetMetadata fetchOffsetMetadata, FileSlice slice, boolean firstEntryIncomplete,
                            Errors error) {

    public static FetchDataInfo of(LogOffsetMetadata fetchOffsetMetadata, FileSlice slice, boolean firstEntryIncomplete) {
        return new FetchDataInfo(fetchOffsetMetadata, slice, firstEntryIncomplete, Errors.NONE);
    }

    public static FetchDataInfo empty(LogOffsetMetadata fetchOffsetMetadata) {
        return new FetchDataInfo(fetchOffsetMetadata, FileSlice.EMPTY, false, Errors.NONE);
    }

    public static FetchDataInfo offsetOutOfRange(long fetchOffset) {
        return new FetchDataInfo(LogOffsetMetadata.offsetOnly(fetchOffset), FileSlice.EMPTY, false,
                Errors.OFFSET_OUT_OF_RANGE);
    }

    public boolean isEmpty() {
        return slice.size() == 0;
    }

    public long fetchOffset() {
        return fetchOffsetMetadata.messageOffset();
    }

    public java.nio.channels.FileChannel channel() {
        return slice.channel();
    }

    public long position() {
        return slice.position();
    }

    public int size() {
        return slice.size();
    }
}
