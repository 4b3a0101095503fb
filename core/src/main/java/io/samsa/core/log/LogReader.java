package io.samsa.core.log;

import io.samsa.common.TopicPartition;

import java.io.IOException;

/**
 * The read side of a partition log: turns a fetch offset into a zero-copy slice of the segment
 * holding it, locates an offset's file position, and answers ListOffsets by searching segments by
 * timestamp. It works from the offsets the caller passes in (one volatile snapshot per read) and
 * takes no lock. Thread-safe.
 */
final class LogReader {

    private final TopicPartition topicPartition;
    private final LogSegments segments;
    private final LeaderEpochFileCache epochCache;

    LogReader(TopicPartition topicPartition, LogSegments segments, LeaderEpochFileCache epochCache) {
        this.topicPartition = topicPartition;
        this.segments = segments;
        this.epochCache = epochCache;
    }

    /**
     * Reads from {@code offset}, never past {@code bound}.
     *
     * @param end the log end offset snapshot; offsets outside [{@code logStartOffset}, end] are out of range
     */
    FetchDataInfo read(long offset, int maxBytes, LogOffsetMetadata bound, long logStartOffset, LogOffsetMetadata end,
                       boolean minOneMessage) {
        if (offset == end.messageOffset()) {
            return FetchDataInfo.empty(end);
        }
        if (offset < logStartOffset || offset > end.messageOffset()) {
            return FetchDataInfo.offsetOutOfRange(offset);
        }
        if (offset >= bound.messageOffset()) {
            return FetchDataInfo.empty(LogOffsetMetadata.offsetOnly(offset));
        }
        try {
            LogSegment segment = segments.floor(offset);
            while (segment != null && segment.baseOffset() <= bound.segmentBaseOffset()) {
                // The bound's segment is read only up to the bound; older segments are complete.
                long maxPosition = segment.baseOffset() == bound.segmentBaseOffset()
                        ? bound.relativePositionInSegment() : segment.size();
                FetchDataInfo info = segment.read(offset, maxBytes, maxPosition, minOneMessage);
                if (info != null) {
                    return info;
                }
                segment = segments.higher(segment.baseOffset());
            }
            return FetchDataInfo.empty(LogOffsetMetadata.offsetOnly(offset));
        } catch (IOException e) {
            throw new StorageException("Error reading " + topicPartition + " at offset " + offset, e);
        }
    }

    /** The segment and file position of {@code offset}, which is below the log end {@code end}. */
    LogOffsetMetadata withPosition(long offset, LogOffsetMetadata end) {
        if (offset >= end.messageOffset()) {
            return end;
        }
        LogSegment segment = segments.floor(offset);
        if (segment == null) {
            return new LogOffsetMetadata(offset, segments.first().baseOffset(), 0);
        }
        try {
            return new LogOffsetMetadata(offset, segment.baseOffset(), segment.positionOf(offset));
        } catch (IOException e) {
            throw new StorageException("Error locating offset " + offset + " of " + topicPartition, e);
        }
    }

    /** As {@link Log#offsetForTimestamp}, for a log that holds [{@code logStartOffset}, {@code logEndOffset}). */
    TimestampAndOffset offsetForTimestamp(long timestamp, long logStartOffset, long logEndOffset) {
        if (timestamp == ListOffsetsTimestamps.EARLIEST) {
            return new TimestampAndOffset(TimestampOffset.NO_TIMESTAMP, logStartOffset,
                    epochCache.epochForOffset(logStartOffset));
        }
        if (timestamp == ListOffsetsTimestamps.LATEST) {
            return new TimestampAndOffset(TimestampOffset.NO_TIMESTAMP, logEndOffset, epochCache.latestEpoch());
        }
        if (timestamp == ListOffsetsTimestamps.MAX_TIMESTAMP) {
            return maxTimestampAndOffset();
        }
        return firstAtOrAfter(timestamp, logStartOffset);
    }

    /** The first record at or after {@code timestamp} with an offset at least {@code logStartOffset}, or null. */
    private TimestampAndOffset firstAtOrAfter(long timestamp, long logStartOffset) {
        try {
            for (LogSegment segment : segments.all()) {
                if (segment.maxTimestampSoFar() < timestamp) {
                    continue;
                }
                TimestampOffset found = segment.findOffsetByTimestamp(timestamp, logStartOffset);
                if (found != null) {
                    return new TimestampAndOffset(found.timestamp(), found.offset(),
                            epochCache.epochForOffset(found.offset()));
                }
            }
            return null;
        } catch (IOException e) {
            throw new StorageException("Error searching " + topicPartition + " by timestamp", e);
        }
    }

    /**
     * The largest timestamp in the log and the first offset holding it, or null if no batch has a
     * timestamp. Segments and the time index remember only the batch that first reached the
     * largest timestamp (by its last offset); Kafka 3.9 answers the first record carrying that
     * timestamp (the batch's first record under LogAppendTime), so that batch's records are read
     * with the same record-precision search as a by-timestamp lookup: within the segment, the
     * first record at or after the largest timestamp is the first record at it.
     */
    private TimestampAndOffset maxTimestampAndOffset() {
        LogSegment holder = null;
        long maxTs = TimestampOffset.NO_TIMESTAMP;
        for (LogSegment segment : segments.all()) {
            // Strictly greater: on a tie the earlier segment, holding the first occurrence, wins.
            if (segment.maxTimestampSoFar() > maxTs) {
                maxTs = segment.maxTimestampSoFar();
                holder = segment;
            }
        }
        if (holder == null || holder.offsetOfMaxTimestampSoFar() < 0) {
            return null;
        }
        try {
            TimestampOffset first = holder.findOffsetByTimestamp(maxTs, holder.baseOffset());
            // Null only if a truncation removed the batch meanwhile; answer what the segment recorded.
            long offset = first != null ? first.offset() : holder.offsetOfMaxTimestampSoFar();
            return new TimestampAndOffset(maxTs, offset, epochCache.epochForOffset(offset));
        } catch (IOException e) {
            throw new StorageException("Error searching " + topicPartition + " for its largest timestamp", e);
        }
    }
}
