package io.samsa.core.log;

import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.record.BatchLayout;
import io.samsa.record.Record;
import io.samsa.record.RecordBatch;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compacts one log, Kafka's way. First the dirty part (from where the last cleaning stopped up
 * to a segment boundary below the active segment and the high watermark) is read into a
 * {@link SkimpyOffsetMap} of key to latest offset, as far as the map's memory allows. Then every
 * segment below that point is rewritten, a few at a time into one {@code .cleaned} segment no
 * bigger than {@code segment.bytes}, keeping only records that are the latest for their key and
 * tombstones whose delete horizon has not passed; the result is swapped in by
 * {@link Log#replaceSegments}.
 *
 * <p>Offsets never change: a batch whose records all stay is copied byte for byte; a batch that
 * loses some is rebuilt with its base and last offset, producer id, epoch and base sequence,
 * leader epoch, timestamp type and compression codec, and its remaining records with their
 * offsets, timestamps, keys, values and headers. A batch that loses all its records disappears,
 * unless it is its producer's last batch in the log (the producer's sequence state lives in it),
 * which stays as an empty batch. A batch that keeps a tombstone gets a delete horizon (now plus
 * {@code delete.retention.ms}, KIP-534) the first time it is cleaned; a cleaning after that
 * horizon drops the tombstone. Control batches and keyless records (which a compacted topic
 * refuses at produce time) are respectively kept and dropped, as in Kafka.
 *
 * <p>Not thread-safe: each cleaner thread has its own cleaner, with its own map and buffers.
 */
final class Cleaner {

    /** What one cleaning did. */
    record Result(long endOffset, long nextDeleteHorizon, Stats stats) {
    }

    /** Counters of one cleaning, for the log line. Not thread-safe. */
    static final class Stats {
        long bytesRead;
        long bytesWritten;
        long recordsRead;
        long recordsRetained;
        long mapRecords;
        int segments;
    }

    private final SkimpyOffsetMap map;
    private final Time time;
    private final LogCleanerManager manager;
    private final SwapObserver observer;
    private final SegmentBatchReader reader;
    private final List<Record> retained = new ArrayList<>();
    private ByteBuffer writeBuffer;

    Cleaner(SkimpyOffsetMap map, int ioBufferSize, Time time, LogCleanerManager manager, SwapObserver observer) {
        this.map = map;
        this.time = time;
        this.manager = manager;
        this.observer = observer;
        this.reader = new SegmentBatchReader(ioBufferSize);
        this.writeBuffer = ByteBuffer.allocate(ioBufferSize);
    }

    /**
     * Cleans the log up to as far as its dirty part fits the key map.
     *
     * @throws LogCleaningAbortedException if the partition's cleaning is aborted, or the log
     *                                     changed under the cleaner; nothing is lost either way
     */
    Result clean(LogToClean toClean) throws IOException {
        Log log = toClean.log();
        LogConfig config = log.config();
        long now = time.milliseconds();
        Stats stats = new Stats();
        map.clear();
        long endOffset = buildOffsetMap(log, toClean.firstDirtyOffset(), toClean.cleanableEnd(), stats);
        Map<Long, Long> lastBatchOfProducer = lastBatchOfEachProducer(log);
        LogSegment active = log.segments().active();
        List<LogSegment> segments = log.segments().overlapping(0, endOffset);
        segments.removeIf(s -> s == active);
        long horizon = Long.MAX_VALUE;
        for (List<LogSegment> group : groupBySize(log, segments, config.segmentBytes())) {
            horizon = Math.min(horizon, cleanSegments(log, group, endOffset, now, config, lastBatchOfProducer, stats));
        }
        return new Result(endOffset, horizon, stats);
    }

    /**
     * Maps the keys of [{@code start}, {@code end}) to their latest offsets, batch by batch while
     * the map has room.
     *
     * @return the offset after the last batch mapped: where the log will be clean up to
     */
    long buildOffsetMap(Log log, long start, long end, Stats stats) throws IOException {
        TopicPartition tp = log.topicPartition();
        long mapped = start;
        for (LogSegment segment : log.segments().overlapping(start, end)) {
            manager.checkCleaningAborted(tp);
            reader.reset(segment.log());
            while (reader.next()) {
                ByteBuffer batch = reader.batch();
                long last = BatchHeaders.lastOffset(batch, 0);
                if (last < start) {
                    continue;
                }
                if (BatchHeaders.baseOffset(batch, 0) >= end) {
                    return mapped;
                }
                int count = BatchHeaders.recordsCount(batch, 0);
                if (!map.hasRoomFor(count)) {
                    if (mapped == start) {
                        throw new IllegalStateException("The cleaner's key map (" + map.capacity() + " keys) cannot"
                                + " hold the " + count + " records of the batch at offset " + start + " of " + tp
                                + "; raise " + CleanerConfig.DEDUPE_BUFFER_SIZE);
                    }
                    return mapped;
                }
                if (!BatchHeaders.isControl(BatchHeaders.attributes(batch, 0))) {
                    for (Record r : new RecordBatch(batch)) {
                        stats.mapRecords++;
                        if (r.offset() >= start && r.hasKey()) {
                            map.put(r.key(), r.offset());
                        }
                    }
                }
                mapped = last + 1;
            }
        }
        return Math.max(mapped, end);
    }

    /** The last offset of each producer's last batch anywhere in the log, from batch headers only. */
    private static Map<Long, Long> lastBatchOfEachProducer(Log log) throws IOException {
        Map<Long, Long> last = new HashMap<>();
        for (LogSegment segment : log.segments().all()) {
            FileBatchCursor cursor = segment.log().batchesFrom(0);
            while (cursor.next()) {
                long producerId = cursor.producerId();
                if (producerId != BatchLayout.NO_PRODUCER_ID) {
                    last.put(producerId, cursor.lastOffset());
                }
            }
        }
        return last;
    }

    /**
     * Consecutive segments whose total size fits {@code segment.bytes} and whose offsets fit one
     * segment's 32-bit relative offsets.
     */
    private static List<List<LogSegment>> groupBySize(Log log, List<LogSegment> segments, int maxSize) {
        List<List<LogSegment>> groups = new ArrayList<>();
        int i = 0;
        while (i < segments.size()) {
            List<LogSegment> group = new ArrayList<>();
            LogSegment first = segments.get(i);
            group.add(first);
            long size = first.size();
            i++;
            while (i < segments.size()) {
                LogSegment candidate = segments.get(i);
                LogSegment after = log.segments().higher(candidate.baseOffset());
                long lastOffsetBound = after == null ? Long.MAX_VALUE : after.baseOffset() - 1;
                if (size + candidate.size() > maxSize || lastOffsetBound - first.baseOffset() > Integer.MAX_VALUE) {
                    break;
                }
                group.add(candidate);
                size += candidate.size();
                i++;
            }
            groups.add(group);
        }
        return groups;
    }

    /**
     * Writes the retained batches of {@code group} into one {@code .cleaned} segment and swaps it
     * in.
     *
     * @return the earliest delete horizon of the tombstones kept, or Long.MAX_VALUE
     */
    private long cleanSegments(Log log, List<LogSegment> group, long endOffset, long now, LogConfig config,
                               Map<Long, Long> lastBatchOfProducer, Stats stats) throws IOException {
        TopicPartition tp = log.topicPartition();
        File dir = log.dir();
        long base = group.get(0).baseOffset();
        deleteCleanedFiles(dir, base);
        LogSegment cleaned = LogSegment.open(dir, base, config, time, LogFileNames.CLEANED_SUFFIX);
        // Until the log takes the cleaned segment, a failure deletes it; an Error (the JVM going
        // down) leaves the files for the next startup to sort out, as a crash would.
        boolean handedOver = false;
        try {
            List<Integer> sizes = new ArrayList<>(group.size());
            long horizon = Long.MAX_VALUE;
            long lastModified = 0;
            for (LogSegment source : group) {
                manager.checkCleaningAborted(tp);
                sizes.add(source.size());
                lastModified = Math.max(lastModified, source.lastModified());
                horizon = Math.min(horizon, cleanInto(tp, source, cleaned, endOffset, now, config,
                        lastBatchOfProducer, stats));
            }
            cleaned.onBecomeInactiveSegment();
            cleaned.flush();
            // Retention by time falls back on mtime for batches without timestamps; keep the sources' age.
            cleaned.setLastModified(lastModified);
            observer.reached(SwapObserver.Step.CLEANED_WRITTEN);
            manager.checkCleaningAborted(tp);
            handedOver = true;
            if (!log.replaceSegments(cleaned, group, sizes, observer)) {
                handedOver = false;
                cleaned.deleteIfExists();
                throw new LogCleaningAbortedException("The log " + tp + " changed while it was being cleaned");
            }
            stats.segments += group.size();
            return horizon;
        } catch (IOException | RuntimeException e) {
            if (!handedOver) {
                try {
                    cleaned.deleteIfExists();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static void deleteCleanedFiles(File dir, long base) throws IOException {
        for (File f : List.of(LogFileNames.logFile(dir, base), LogFileNames.offsetIndexFile(dir, base),
                LogFileNames.timeIndexFile(dir, base))) {
            Files.deleteIfExists(new File(f.getPath() + LogFileNames.CLEANED_SUFFIX).toPath());
        }
    }

    /** Copies what {@code source} retains into {@code dest}; returns the earliest kept tombstone's horizon. */
    private long cleanInto(TopicPartition tp, LogSegment source, LogSegment dest, long endOffset, long now,
                           LogConfig config, Map<Long, Long> lastBatchOfProducer, Stats stats) throws IOException {
        long horizonMin = Long.MAX_VALUE;
        Output out = new Output(dest);
        reader.reset(source.log());
        int batches = 0;
        while (reader.next()) {
            if (++batches % 1024 == 0) {
                manager.checkCleaningAborted(tp);
            }
            ByteBuffer bytes = reader.batch();
            stats.bytesRead += bytes.remaining();
            RecordBatch batch = new RecordBatch(bytes);
            if (batch.baseOffset() >= endOffset || batch.isControlBatch()) {
                out.write(bytes, batch);
                continue;
            }
            boolean hasHorizon = batch.hasDeleteHorizon();
            boolean retainDeletes = !hasHorizon || now < batch.deleteHorizonMs();
            retained.clear();
            boolean tombstoneKept = false;
            int count = 0;
            for (Record r : batch) {
                count++;
                if (shouldRetain(r, endOffset, retainDeletes)) {
                    retained.add(r);
                    tombstoneKept |= !r.hasValue();
                }
            }
            stats.recordsRead += count;
            stats.recordsRetained += retained.size();
            long horizon = hasHorizon ? batch.deleteHorizonMs()
                    : tombstoneKept ? saturatedAdd(now, config.deleteRetentionMs()) : BatchLayout.NO_TIMESTAMP;
            if (tombstoneKept) {
                horizonMin = Math.min(horizonMin, horizon);
            }
            if (retained.size() == count && (hasHorizon || !tombstoneKept)) {
                out.write(bytes, batch);
            } else if (retained.isEmpty()) {
                if (batch.hasProducerId() && lastBatchOfProducer.getOrDefault(batch.producerId(), -1L) == batch.lastOffset()) {
                    out.write(emptyBatch(batch), batch);
                }
            } else {
                out.write(BatchRebuilder.rebuild(batch, retained, batch.compressionType(),
                        batch.compressionType().defaultLevel(), horizon), batch);
            }
        }
        out.flush();
        stats.bytesWritten += out.written;
        retained.clear();
        return horizonMin;
    }

    private boolean shouldRetain(Record r, long endOffset, boolean retainDeletes) {
        if (r.offset() >= endOffset) {
            return true;
        }
        if (!r.hasKey()) {
            return false;
        }
        if (map.get(r.key()) > r.offset()) {
            return false;
        }
        return r.hasValue() || retainDeletes;
    }

    /** A batch with no records that keeps the producer state fields (and offsets) of {@code batch}. */
    static ByteBuffer emptyBatch(RecordBatch batch) {
        ByteBuffer out = ByteBuffer.allocate(BatchLayout.HEADER_SIZE);
        int attributes = batch.attributes() & (BatchLayout.TIMESTAMP_TYPE_MASK | BatchLayout.TRANSACTIONAL_FLAG_MASK);
        out.putLong(BatchLayout.BASE_OFFSET_OFFSET, batch.baseOffset());
        out.putInt(BatchLayout.LENGTH_OFFSET, BatchLayout.HEADER_SIZE - BatchLayout.LOG_OVERHEAD);
        out.putInt(BatchLayout.PARTITION_LEADER_EPOCH_OFFSET, batch.partitionLeaderEpoch());
        out.put(BatchLayout.MAGIC_OFFSET, BatchLayout.MAGIC_V2);
        out.putShort(BatchLayout.ATTRIBUTES_OFFSET, (short) attributes);
        out.putInt(BatchLayout.LAST_OFFSET_DELTA_OFFSET, batch.lastOffsetDelta());
        out.putLong(BatchLayout.BASE_TIMESTAMP_OFFSET, batch.maxTimestamp());
        out.putLong(BatchLayout.MAX_TIMESTAMP_OFFSET, batch.maxTimestamp());
        out.putLong(BatchLayout.PRODUCER_ID_OFFSET, batch.producerId());
        out.putShort(BatchLayout.PRODUCER_EPOCH_OFFSET, batch.producerEpoch());
        out.putInt(BatchLayout.BASE_SEQUENCE_OFFSET, batch.baseSequence());
        out.putInt(BatchLayout.RECORDS_COUNT_OFFSET, 0);
        out.putInt(BatchLayout.CRC_OFFSET, BatchHeaders.computeCrc(out, 0, BatchLayout.HEADER_SIZE));
        return out;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    /** Buffers retained batches and appends them to the cleaned segment. */
    private final class Output {
        private final LogSegment dest;
        private long largestOffset = -1;
        private long maxTimestamp = TimestampOffset.NO_TIMESTAMP;
        private long offsetOfMaxTimestamp = -1;
        private long written;

        Output(LogSegment dest) {
            this.dest = dest;
            writeBuffer.clear();
        }

        /** Appends {@code bytes} (one whole batch, position to limit), which replaces {@code source}. */
        void write(ByteBuffer bytes, RecordBatch source) throws IOException {
            int size = bytes.remaining();
            if (size > writeBuffer.remaining()) {
                flush();
                if (size > writeBuffer.capacity()) {
                    writeBuffer = ByteBuffer.allocate(size);
                }
            }
            long batchMaxTimestamp = BatchHeaders.maxTimestamp(bytes, bytes.position());
            writeBuffer.put(bytes.duplicate());
            largestOffset = source.lastOffset();
            if (batchMaxTimestamp > maxTimestamp) {
                maxTimestamp = batchMaxTimestamp;
                offsetOfMaxTimestamp = source.lastOffset();
            }
        }

        void flush() throws IOException {
            if (writeBuffer.position() == 0) {
                return;
            }
            writeBuffer.flip();
            written += writeBuffer.remaining();
            dest.append(largestOffset, maxTimestamp, offsetOfMaxTimestamp, writeBuffer);
            writeBuffer.clear();
            maxTimestamp = TimestampOffset.NO_TIMESTAMP;
            offsetOfMaxTimestamp = -1;
        }
    }
}
