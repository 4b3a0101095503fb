package io.samsa.core.log;

import io.samsa.common.Time;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One segment of a partition log: the {@code .log} file of batches starting at the segment's
 * base offset, with its sparse {@code .index} (offset to position) and {@code .timeindex}
 * (timestamp to offset). Appends add an index entry after every {@code index.interval.bytes};
 * reads translate an offset to a file position through the index plus a short header scan and
 * return a zero-copy slice.
 *
 * <p>Thread-safety: append, truncate, recover and roll-related calls come from the log's
 * appending thread (under the log's lock). Reads, size and timestamp queries are safe from any
 * thread concurrently with one appender.
 */
public final class LogSegment implements Closeable {

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final FileRecords log;
    private final OffsetIndex offsetIndex;
    private final TimeIndex timeIndex;
    private final long baseOffset;
    private final int indexIntervalBytes;
    private final long rollJitterMs;
    private final Time time;

    // Owned by the appending thread.
    private int bytesSinceLastIndexEntry;
    private volatile long created;
    private volatile long maxTimestampSoFar = UNKNOWN;
    private volatile long offsetOfMaxTimestampSoFar = UNKNOWN;
    // The first batch's max timestamp, which segment.ms rolling counts from; UNKNOWN until read.
    private volatile long firstBatchTimestamp = UNKNOWN;

    LogSegment(FileRecords log, OffsetIndex offsetIndex, TimeIndex timeIndex, long baseOffset, int indexIntervalBytes,
               long rollJitterMs, Time time) {
        this.log = log;
        this.offsetIndex = offsetIndex;
        this.timeIndex = timeIndex;
        this.baseOffset = baseOffset;
        this.indexIntervalBytes = indexIntervalBytes;
        this.rollJitterMs = rollJitterMs;
        this.time = time;
        this.created = time.milliseconds();
    }

    /**
     * Opens the segment at {@code baseOffset} in {@code dir}, creating its files if absent. Indexes
     * of an existing segment are mapped as they are on disk; call {@link #sanityCheck} or
     * {@link #recover} before trusting them.
     */
    public static LogSegment open(File dir, long baseOffset, LogConfig config, Time time) throws IOException {
        return open(dir, baseOffset, config, time, "");
    }

    /** As {@link #open(File, long, LogConfig, Time)}, for files carrying an extra suffix (e.g. {@code .swap}). */
    static LogSegment open(File dir, long baseOffset, LogConfig config, Time time, String suffix) throws IOException {
        FileRecords log = FileRecords.open(new File(LogFileNames.logFile(dir, baseOffset).getPath() + suffix));
        OffsetIndex offsetIndex = null;
        try {
            offsetIndex = new OffsetIndex(new File(LogFileNames.offsetIndexFile(dir, baseOffset).getPath() + suffix),
                    baseOffset, config.segmentIndexBytes());
            TimeIndex timeIndex = new TimeIndex(new File(LogFileNames.timeIndexFile(dir, baseOffset).getPath() + suffix),
                    baseOffset, config.segmentIndexBytes());
            long jitter = config.segmentJitterMs() > 0
                    ? ThreadLocalRandom.current().nextLong(Math.min(config.segmentJitterMs(), config.segmentMs()))
                    : 0L;
            LogSegment segment = new LogSegment(log, offsetIndex, timeIndex, baseOffset, config.indexIntervalBytes(),
                    jitter, time);
            segment.loadMaxTimestampFromIndex();
            return segment;
        } catch (IOException | RuntimeException e) {
            log.close();
            if (offsetIndex != null) {
                offsetIndex.close();
            }
            throw e;
        }
    }

    public long baseOffset() {
        return baseOffset;
    }

    public FileRecords log() {
        return log;
    }

    public OffsetIndex offsetIndex() {
        return offsetIndex;
    }

    public TimeIndex timeIndex() {
        return timeIndex;
    }

    public int size() {
        return log.sizeInBytes();
    }

    /**
     * Appends batches whose offsets are already assigned.
     *
     * @param largestOffset        the last offset in {@code batches}
     * @param largestTimestamp     the largest max timestamp among them
     * @param offsetOfMaxTimestamp the offset the time index records for it
     * @param batches              whole batches from position to limit; consumed
     */
    public void append(long largestOffset, long largestTimestamp, long offsetOfMaxTimestamp, ByteBuffer batches)
            throws IOException {
        if (!batches.hasRemaining()) {
            return;
        }
        if (!canConvertToRelativeOffset(largestOffset)) {
            throw new IllegalArgumentException("Offset " + largestOffset + " does not fit segment " + baseOffset);
        }
        int start = batches.position();
        int end = batches.limit();
        int physicalPosition = log.sizeInBytes();
        if (physicalPosition == 0) {
            firstBatchTimestamp = BatchHeaders.maxTimestamp(batches, start);
        }
        log.append(batches);
        if (largestTimestamp > maxTimestampSoFar()) {
            offsetOfMaxTimestampSoFar = offsetOfMaxTimestamp;
            maxTimestampSoFar = largestTimestamp;
        }
        for (int at = start; at < end; ) {
            int size = BatchHeaders.sizeInBytes(batches, at);
            // A multi-batch append can meet a full index mid-way; the index just gets sparser.
            if (bytesSinceLastIndexEntry > indexIntervalBytes && !offsetIndex.isFull()) {
                offsetIndex.append(BatchHeaders.lastOffset(batches, at), physicalPosition);
                if (!timeIndex.isFull()) {
                    timeIndex.maybeAppend(maxTimestampSoFar(), offsetOfMaxTimestampSoFar());
                }
                bytesSinceLastIndexEntry = 0;
            }
            physicalPosition += size;
            bytesSinceLastIndexEntry += size;
            at += size;
        }
    }

    /**
     * Reads from the batch holding {@code startOffset}.
     *
     * @param maxSize        bytes wanted at most
     * @param maxPosition    the file position not to read past (bounds reads to committed data)
     * @param minOneMessage  return the whole first batch even if it exceeds {@code maxSize}
     * @return the slice, or null if no batch of this segment holds {@code startOffset} or later
     */
    public FetchDataInfo read(long startOffset, int maxSize, long maxPosition, boolean minOneMessage)
            throws IOException {
        if (maxSize < 0) {
            throw new IllegalArgumentException("Invalid max size " + maxSize + " for a read of segment " + baseOffset);
        }
        FileBatchCursor batch = translateOffset(startOffset, 0);
        if (batch == null) {
            return null;
        }
        int startPosition = batch.position();
        int firstBatchSize = batch.sizeInBytes();
        LogOffsetMetadata fetchOffset = new LogOffsetMetadata(startOffset, baseOffset, startPosition);
        int adjustedMaxSize = minOneMessage ? Math.max(maxSize, firstBatchSize) : maxSize;
        if (adjustedMaxSize == 0 || maxPosition <= startPosition) {
            return FetchDataInfo.empty(fetchOffset);
        }
        int fetchSize = (int) Math.min(maxPosition - startPosition, adjustedMaxSize);
        return FetchDataInfo.of(fetchOffset, log.slice(startPosition, fetchSize), adjustedMaxSize < firstBatchSize);
    }

    /**
     * The first batch at or after {@code startingPosition} whose last offset is at least
     * {@code offset}, as a cursor positioned on it, or null if there is none.
     */
    FileBatchCursor translateOffset(long offset, int startingPosition) throws IOException {
        OffsetPosition mapping = offsetIndex.lookup(offset);
        FileBatchCursor cursor = log.batchesFrom(Math.max(mapping.position(), startingPosition));
        while (cursor.next()) {
            if (cursor.lastOffset() >= offset) {
                return cursor;
            }
        }
        return null;
    }

    /** The file position of the batch holding {@code offset}, or the segment size if it is past the end. */
    public int positionOf(long offset) throws IOException {
        FileBatchCursor batch = translateOffset(offset, 0);
        return batch == null ? log.sizeInBytes() : batch.position();
    }

    /**
     * Re-validates every batch (magic, size, CRC-32C, offsets increasing within the segment),
     * rebuilds both indexes, records leader epochs in {@code epochCache} (if not null), and cuts
     * the file at the first invalid batch.
     *
     * @return the number of bytes truncated
     */
    public int recover(LeaderEpochFileCache epochCache) throws IOException {
        offsetIndex.reset();
        timeIndex.reset();
        offsetIndex.resize(offsetIndex.maxIndexSize());
        timeIndex.resize(timeIndex.maxIndexSize());
        int validBytes = 0;
        int lastIndexEntry = 0;
        long maxTimestamp = TimestampOffset.NO_TIMESTAMP;
        long offsetOfMax = UNKNOWN;
        long previousLastOffset = baseOffset - 1;
        FileBatchCursor cursor = log.batchesFrom(0);
        while (cursor.next()) {
            long batchBase = cursor.baseOffset();
            long batchLast = cursor.lastOffset();
            if (batchBase <= previousLastOffset || batchLast < batchBase || !canConvertToRelativeOffset(batchLast)
                    || !cursor.isValid()) {
                break;
            }
            if (cursor.maxTimestamp() > maxTimestamp) {
                maxTimestamp = cursor.maxTimestamp();
                offsetOfMax = batchLast;
            }
            if (validBytes - lastIndexEntry > indexIntervalBytes) {
                offsetIndex.append(batchLast, validBytes);
                timeIndex.maybeAppend(maxTimestamp, offsetOfMax);
                lastIndexEntry = validBytes;
            }
            int epoch = cursor.partitionLeaderEpoch();
            if (epochCache != null && epoch >= 0 && epoch > epochCache.latestEpoch()) {
                epochCache.assign(epoch, batchBase);
            }
            validBytes += cursor.sizeInBytes();
            previousLastOffset = batchLast;
        }
        int truncated = log.sizeInBytes() - validBytes;
        if (truncated > 0) {
            log.truncateTo(validBytes);
        }
        maxTimestampSoFar = maxTimestamp;
        offsetOfMaxTimestampSoFar = maxTimestamp == TimestampOffset.NO_TIMESTAMP ? UNKNOWN : offsetOfMax;
        firstBatchTimestamp = UNKNOWN;
        bytesSinceLastIndexEntry = validBytes - lastIndexEntry;
        offsetIndex.trimToValidSize();
        if (maxTimestamp != TimestampOffset.NO_TIMESTAMP) {
            timeIndex.maybeAppend(maxTimestamp, offsetOfMax, true);
        }
        timeIndex.trimToValidSize();
        return truncated;
    }

    /**
     * Throws {@link CorruptIndexException} if an index file is malformed; the caller then rebuilds
     * the indexes with {@link #recover}.
     */
    public void sanityCheck() {
        offsetIndex.sanityCheck();
        timeIndex.sanityCheck();
    }

    /**
     * Removes every batch from the one holding {@code offset} on, and the index entries for them.
     *
     * @return the number of bytes removed
     */
    public int truncateTo(long offset) throws IOException {
        FileBatchCursor batch = translateOffset(offset, 0);
        offsetIndex.truncateTo(offset);
        timeIndex.truncateTo(offset);
        // The segment is (or is about to become) the active one again, so give its indexes room.
        offsetIndex.resize(offsetIndex.maxIndexSize());
        timeIndex.resize(timeIndex.maxIndexSize());
        if (batch == null) {
            return 0;
        }
        int removed = log.truncateTo(batch.position());
        if (log.sizeInBytes() == 0) {
            created = time.milliseconds();
            firstBatchTimestamp = UNKNOWN;
        }
        bytesSinceLastIndexEntry = 0;
        reloadMaxTimestamp();
        return removed;
    }

    /** The offset after the last batch of this segment (its base offset when empty). */
    public long readNextOffset() throws IOException {
        OffsetPosition last = offsetIndex.lookup(offsetIndex.lastOffset());
        FileBatchCursor cursor = log.batchesFrom(last.position());
        long next = baseOffset;
        while (cursor.next()) {
            next = cursor.lastOffset() + 1;
        }
        return next;
    }

    /**
     * The first record at or after {@code timestamp} with an offset at least {@code startingOffset},
     * or null if this segment has none. The exact record is found, inside compressed batches too;
     * in a LogAppendTime batch every record carries the batch's timestamp, so it is the batch's
     * first eligible offset.
     */
    public TimestampOffset findOffsetByTimestamp(long timestamp, long startingOffset) throws IOException {
        TimestampOffset fromIndex = timeIndex.lookup(timestamp);
        int position = offsetIndex.lookup(Math.max(fromIndex.offset(), startingOffset)).position();
        FileBatchCursor cursor = log.batchesFrom(position);
        while (cursor.next()) {
            if (cursor.maxTimestamp() < timestamp || cursor.lastOffset() < startingOffset) {
                continue;
            }
            long first = Math.max(cursor.baseOffset(), startingOffset);
            short attributes = cursor.attributes();
            if (BatchHeaders.isLogAppendTime(attributes)) {
                return new TimestampOffset(cursor.maxTimestamp(), first);
            }
            TimestampOffset exact = firstRecordAtOrAfter(cursor.loadBatch(), timestamp, startingOffset);
            return exact != null ? exact : new TimestampOffset(cursor.maxTimestamp(), first);
        }
        return null;
    }

    /**
     * The first record of one batch at or after both targets. ListOffsets is not a hot path, so
     * the records are read (decompressed when needed) to answer at record precision, as Kafka does.
     * Null when no record qualifies or the batch does not parse.
     */
    private static TimestampOffset firstRecordAtOrAfter(java.nio.ByteBuffer batch, long timestamp, long startingOffset) {
        try {
            for (io.samsa.record.Record r : new io.samsa.record.RecordBatch(batch)) {
                if (r.offset() >= startingOffset && r.timestamp() >= timestamp) {
                    return new TimestampOffset(r.timestamp(), r.offset());
                }
            }
        } catch (io.samsa.record.RecordFormatException e) {
            return null;
        }
        return null;
    }

    /**
     * Whether to start a new segment before appending {@code messagesSize} bytes whose largest
     * offset and timestamp are given: the segment would exceed {@code segment.bytes}, its first
     * batch is older than {@code segment.ms} (less jitter), an index is full, or the offsets no
     * longer fit relative to the base offset.
     */
    public boolean shouldRoll(LogConfig config, long maxTimestampInMessages, long maxOffsetInMessages,
                              int messagesSize, long now) throws IOException {
        int size = size();
        boolean reachedRollMs = size > 0
                && timeWaitedForRoll(now, maxTimestampInMessages) > config.maxSegmentMs() - rollJitterMs;
        return size > config.segmentBytes() - messagesSize
                || reachedRollMs
                || offsetIndex.isFull()
                || timeIndex.isFull()
                || !canConvertToRelativeOffset(maxOffsetInMessages);
    }

    /** Time since the segment's first batch, by batch timestamps when they exist, else by the clock. */
    long timeWaitedForRoll(long now, long messageTimestamp) throws IOException {
        long first = firstBatchTimestamp();
        return first >= 0 ? messageTimestamp - first : now - created;
    }

    /** The first batch's max timestamp, -1 if it has none or the segment is empty. */
    long firstBatchTimestamp() throws IOException {
        long first = firstBatchTimestamp;
        if (first == UNKNOWN && log.sizeInBytes() > 0) {
            FileBatchCursor cursor = log.batchesFrom(0);
            first = cursor.next() ? cursor.maxTimestamp() : TimestampOffset.NO_TIMESTAMP;
            firstBatchTimestamp = first;
        }
        return first;
    }

    boolean canConvertToRelativeOffset(long offset) {
        long relative = offset - baseOffset;
        return relative >= 0 && relative <= Integer.MAX_VALUE;
    }

    /** The largest timestamp appended, or -1 if none. */
    public long maxTimestampSoFar() {
        long ts = maxTimestampSoFar;
        return ts == UNKNOWN ? TimestampOffset.NO_TIMESTAMP : ts;
    }

    /** The offset the time index records for the largest timestamp, or -1. */
    public long offsetOfMaxTimestampSoFar() {
        long offset = offsetOfMaxTimestampSoFar;
        return offset == UNKNOWN ? -1L : offset;
    }

    /** What retention ages the segment by: its largest timestamp, or the file's mtime if it has none. */
    public long largestTimestamp() {
        long ts = maxTimestampSoFar();
        return ts >= 0 ? ts : log.lastModified();
    }

    /** Done when a newer segment takes over appends: records the final max timestamp and trims the indexes. */
    public void onBecomeInactiveSegment() throws IOException {
        long ts = maxTimestampSoFar();
        if (ts >= 0) {
            timeIndex.maybeAppend(ts, offsetOfMaxTimestampSoFar(), true);
        }
        offsetIndex.trimToValidSize();
        timeIndex.trimToValidSize();
    }

    /** Gives both indexes room for {@code size} bytes (the segment became the active one). */
    public void resizeIndexes(int size) throws IOException {
        offsetIndex.resize(size);
        timeIndex.resize(size);
    }

    public void flush() throws IOException {
        log.flush();
        offsetIndex.flush();
        timeIndex.flush();
    }

    /** Renames the segment's files from {@code oldSuffix} to {@code newSuffix} (e.g. "" to ".deleted"). */
    public void changeFileSuffixes(String oldSuffix, String newSuffix) throws IOException {
        log.renameTo(swapSuffix(log.file(), oldSuffix, newSuffix));
        offsetIndex.renameTo(swapSuffix(offsetIndex.file(), oldSuffix, newSuffix));
        timeIndex.renameTo(swapSuffix(timeIndex.file(), oldSuffix, newSuffix));
    }

    private static File swapSuffix(File file, String oldSuffix, String newSuffix) {
        String path = file.getPath();
        String stem = oldSuffix.isEmpty() || !path.endsWith(oldSuffix) ? path : path.substring(0, path.length() - oldSuffix.length());
        return new File(stem + newSuffix);
    }

    /** Closes the files, first recording the max timestamp and trimming the indexes. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        try {
            long ts = maxTimestampSoFar();
            if (ts >= 0 && timeIndex.maxEntries() > 0) {
                timeIndex.maybeAppend(ts, offsetOfMaxTimestampSoFar(), true);
            }
        } catch (RuntimeException e) {
            failure = new IOException("Could not record the max timestamp of segment " + baseOffset, e);
        }
        failure = closeQuietly(offsetIndex, failure);
        failure = closeQuietly(timeIndex, failure);
        failure = closeQuietly(log, failure);
        if (failure != null) {
            throw failure;
        }
    }

    /** Closes the files and removes them. */
    public void deleteIfExists() throws IOException {
        IOException failure = null;
        try {
            log.deleteIfExists();
        } catch (IOException e) {
            failure = e;
        }
        try {
            offsetIndex.deleteIfExists();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        try {
            timeIndex.deleteIfExists();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        if (failure != null) {
            throw failure;
        }
    }

    public long lastModified() {
        return log.lastModified();
    }

    /** Points the segment's files at a renamed partition directory (the files moved with it). */
    void updateParentDir(File dir) {
        log.updateParentDir(dir);
        offsetIndex.updateParentDir(dir);
        timeIndex.updateParentDir(dir);
    }

    public void setLastModified(long ms) {
        log.setLastModified(ms);
        offsetIndex.file().setLastModified(ms);
        timeIndex.file().setLastModified(ms);
    }

    private void loadMaxTimestampFromIndex() {
        TimestampOffset last = timeIndex.lastEntry();
        if (timeIndex.entries() > 0) {
            maxTimestampSoFar = last.timestamp();
            offsetOfMaxTimestampSoFar = last.offset();
        }
    }

    /** After a truncation: the last surviving time index entry, then any later batch. */
    private void reloadMaxTimestamp() throws IOException {
        TimestampOffset last = timeIndex.lastEntry();
        long maxTs = timeIndex.entries() > 0 ? last.timestamp() : TimestampOffset.NO_TIMESTAMP;
        long offsetOfMax = timeIndex.entries() > 0 ? last.offset() : UNKNOWN;
        FileBatchCursor cursor = log.batchesFrom(offsetIndex.lookup(timeIndex.entries() > 0 ? last.offset() : baseOffset)
                .position());
        while (cursor.next()) {
            if (cursor.maxTimestamp() > maxTs) {
                maxTs = cursor.maxTimestamp();
                offsetOfMax = cursor.lastOffset();
            }
        }
        maxTimestampSoFar = maxTs == TimestampOffset.NO_TIMESTAMP ? UNKNOWN : maxTs;
        offsetOfMaxTimestampSoFar = maxTs == TimestampOffset.NO_TIMESTAMP ? UNKNOWN : offsetOfMax;
    }

    private static IOException closeQuietly(Closeable c, IOException failure) {
        try {
            c.close();
        } catch (IOException e) {
            return failure == null ? e : failure;
        }
        return failure;
    }

    @Override
    public String toString() {
        return "LogSegment(baseOffset=" + baseOffset + ", size=" + size() + ", file=" + log.file() + ")";
    }
}
