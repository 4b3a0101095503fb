package io.samsa.core.log;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.record.BatchLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The idempotent producers of one partition: for each producer id its epoch and last batches, so
 * that a retried batch is answered with its original offsets instead of being written twice, a
 * sequence gap is refused and a fenced epoch rejected. The state lives with the log: it is
 * snapshotted to {@code <offset>.snapshot} files when a segment rolls and at clean shutdown, and
 * rebuilt from the newest snapshot plus the batch headers after it when the log is opened, so a
 * follower that becomes leader, or a broker restarted after kill -9, continues the same sequences.
 *
 * <p>Not thread-safe: every method is called under the owning {@link Log}'s lock.
 */
final class ProducerStateManager {

    private static final Logger LOG = LoggerFactory.getLogger(ProducerStateManager.class);

    /** The outcome of checking a leader append: accept, a duplicate of an earlier batch, or an error. */
    record Check(Errors error, String message, ProducerStateEntry.BatchMetadata duplicate) {
        static final Check ACCEPT = new Check(Errors.NONE, null, null);

        boolean isDuplicate() {
            return duplicate != null;
        }
    }

    private final File dir;
    private final TopicPartition tp;
    private final Map<Long, ProducerStateEntry> producers = new HashMap<>();

    ProducerStateManager(File dir, TopicPartition tp) {
        this.dir = dir;
        this.tp = tp;
    }

    int activeProducerCount() {
        return producers.size();
    }

    ProducerStateEntry entry(long producerId) {
        return producers.get(producerId);
    }

    /**
     * Checks the batches of a leader append (position to limit) against the producers' state. Only
     * batches with a producer id are checked; an idempotent request carries exactly one batch, as
     * Kafka requires, so that a retry is all or nothing.
     *
     * @param logEverEmpty nothing was ever appended to this log (its end offset is 0)
     */
    Check checkLeaderAppend(ByteBuffer batches, boolean logEverEmpty) {
        int start = batches.position();
        int end = batches.limit();
        int count = 0;
        boolean idempotent = false;
        for (int at = start; at < end; at += BatchHeaders.sizeInBytes(batches, at)) {
            count++;
            idempotent |= BatchHeaders.producerId(batches, at) >= 0;
        }
        if (!idempotent) {
            return Check.ACCEPT;
        }
        if (count > 1) {
            return new Check(Errors.INVALID_RECORD, "An idempotent produce request must carry exactly one batch per partition, got "
                    + count, null);
        }
        long pid = BatchHeaders.producerId(batches, start);
        short epoch = BatchHeaders.producerEpoch(batches, start);
        int firstSeq = BatchHeaders.baseSequence(batches, start);
        int lastSeq = incrementSequence(firstSeq, BatchHeaders.lastOffsetDelta(batches, start));
        ProducerStateEntry entry = producers.get(pid);
        if (entry == null) {
            if (logEverEmpty && firstSeq != 0) {
                // Nothing was ever written here, so the producer's earlier batches are missing, not expired: most
                // often its first batch was refused (the partition was not yet known here) and is being retried.
                // Accepting this one would put it before that batch; the producer retries it after.
                return new Check(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, "Producer " + pid + "'s first batch on " + tp
                        + " starts at sequence " + firstSeq + ", but nothing was ever written there: expected 0", null);
            }
            // Unknown producer (new, or its state expired or was removed with old segments): any sequence starts it.
            return Check.ACCEPT;
        }
        if (epoch < entry.epoch()) {
            return new Check(Errors.INVALID_PRODUCER_EPOCH, "Producer " + pid + "'s epoch " + epoch
                    + " is older than the current epoch " + entry.epoch() + " of " + tp, null);
        }
        ProducerStateEntry.BatchMetadata duplicate = entry.findDuplicate(epoch, firstSeq, lastSeq);
        if (duplicate != null) {
            return new Check(Errors.NONE, null, duplicate);
        }
        if (epoch > entry.epoch()) {
            if (firstSeq != 0) {
                return new Check(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, "Invalid sequence number " + firstSeq
                        + " for the new epoch " + epoch + " of producer " + pid + " on " + tp + ": expected 0", null);
            }
            return Check.ACCEPT;
        }
        int last = entry.lastSeq();
        if (last >= 0 && !inSequence(last, firstSeq)) {
            return new Check(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, "Out of order sequence number for producer " + pid
                    + " on " + tp + ": " + firstSeq + " (incoming seq. number), " + last + " (current end sequence number)", null);
        }
        return Check.ACCEPT;
    }

    /** Records the producers' batches among {@code batches} (position to limit), whose offsets are final. */
    void onAppended(ByteBuffer batches) {
        int end = batches.limit();
        for (int at = batches.position(); at < end; at += BatchHeaders.sizeInBytes(batches, at)) {
            long pid = BatchHeaders.producerId(batches, at);
            if (pid >= 0) {
                apply(pid, BatchHeaders.producerEpoch(batches, at), BatchHeaders.baseSequence(batches, at),
                        BatchHeaders.lastOffsetDelta(batches, at), BatchHeaders.baseOffset(batches, at),
                        BatchHeaders.maxTimestamp(batches, at), BatchHeaders.isControl(BatchHeaders.attributes(batches, at)));
            }
        }
    }

    private void apply(long pid, short epoch, int baseSeq, int lastOffsetDelta, long baseOffset, long maxTimestamp,
                       boolean control) {
        ProducerStateEntry entry = producers.computeIfAbsent(pid, id -> new ProducerStateEntry(id, epoch));
        if (control || baseSeq == BatchLayout.NO_SEQUENCE) {
            // Transaction markers carry no sequence; they only move the epoch forward.
            if (epoch > entry.epoch()) {
                entry.addBatch(epoch, -1, -1, baseOffset, baseOffset + lastOffsetDelta, maxTimestamp);
            }
            return;
        }
        entry.addBatch(epoch, baseSeq, incrementSequence(baseSeq, lastOffsetDelta), baseOffset, baseOffset + lastOffsetDelta,
                maxTimestamp);
    }

    /** Writes the state as of {@code offset} (the log end offset at the time) to {@code <offset>.snapshot}. */
    void takeSnapshot(long offset) throws IOException {
        List<ProducerSnapshotFile.Entry> rows = new ArrayList<>(producers.size());
        for (ProducerStateEntry e : producers.values()) {
            ProducerStateEntry.BatchMetadata last = e.lastBatch();
            if (last == null) {
                continue;
            }
            rows.add(new ProducerSnapshotFile.Entry(e.producerId, e.epoch(), last.lastSeq(), last.lastOffset(),
                    (int) (last.lastOffset() - last.firstOffset()), last.timestamp(), e.coordinatorEpoch()));
        }
        ProducerSnapshotFile.write(snapshotFile(offset), rows);
    }

    /**
     * Rebuilds the state for a log holding [{@code logStartOffset}, {@code logEndOffset}): loads the
     * newest readable snapshot at or below the end, then replays the batch headers after it.
     * Snapshots above the end (left by a truncation or a torn tail) are removed.
     */
    void recover(LogSegments segments, long logStartOffset, long logEndOffset) throws IOException {
        producers.clear();
        long replayFrom = logStartOffset;
        for (Map.Entry<Long, File> snap : snapshotFiles().descendingMap().entrySet()) {
            long offset = snap.getKey();
            if (offset > logEndOffset) {
                Files.deleteIfExists(snap.getValue().toPath());
                continue;
            }
            try {
                for (ProducerSnapshotFile.Entry e : ProducerSnapshotFile.read(snap.getValue())) {
                    ProducerStateEntry entry = new ProducerStateEntry(e.producerId(), e.epoch());
                    entry.coordinatorEpoch(e.coordinatorEpoch());
                    int firstSeq = e.lastSequence() < 0 ? -1 : incrementSequence(e.lastSequence(), -e.offsetDelta());
                    entry.addBatch(e.epoch(), firstSeq, e.lastSequence(), e.lastOffset() - e.offsetDelta(), e.lastOffset(),
                            e.timestamp());
                    producers.put(e.producerId(), entry);
                }
                replayFrom = Math.max(offset, logStartOffset);
                break;
            } catch (IOException e) {
                LOG.warn("Ignoring unreadable producer snapshot {} of {}: {}", snap.getValue(), tp, e.getMessage());
                Files.deleteIfExists(snap.getValue().toPath());
                producers.clear();
            }
        }
        replay(segments, replayFrom, logEndOffset);
    }

    private void replay(LogSegments segments, long from, long to) throws IOException {
        if (segments.isEmpty()) {
            return;
        }
        LogSegment floor = segments.floor(from);
        for (LogSegment segment : segments.from(floor == null ? segments.first().baseOffset() : floor.baseOffset())) {
            if (segment.baseOffset() >= to) {
                break;
            }
            FileBatchCursor cursor = segment.log().batchesFrom(0);
            while (cursor.next()) {
                if (cursor.lastOffset() < from) {
                    continue;
                }
                if (cursor.baseOffset() >= to) {
                    break;
                }
                long pid = cursor.producerId();
                if (pid >= 0) {
                    apply(pid, cursor.producerEpoch(), cursor.baseSequence(), (int) (cursor.lastOffset() - cursor.baseOffset()),
                            cursor.baseOffset(), cursor.maxTimestamp(), BatchHeaders.isControl(cursor.attributes()));
                }
            }
        }
    }

    /** Forgets producers silent for {@code expirationMs} ({@code producer.id.expiration.ms}). */
    int removeExpired(long nowMs, long expirationMs) {
        int before = producers.size();
        producers.values().removeIf(e -> nowMs - e.lastTimestamp() >= expirationMs);
        return before - producers.size();
    }

    /** Removes snapshots below {@code offset} except the newest of them (segments below it are gone). */
    void deleteSnapshotsBelow(long offset) throws IOException {
        TreeMap<Long, File> files = snapshotFiles();
        Long keep = files.floorKey(offset);
        for (Map.Entry<Long, File> e : files.headMap(offset, false).entrySet()) {
            if (!e.getKey().equals(keep)) {
                Files.deleteIfExists(e.getValue().toPath());
            }
        }
    }

    private TreeMap<Long, File> snapshotFiles() {
        TreeMap<Long, File> files = new TreeMap<>();
        File[] all = dir.listFiles((d, name) -> name.endsWith(LogFileNames.SNAPSHOT_SUFFIX));
        if (all != null) {
            for (File f : all) {
                try {
                    files.put(LogFileNames.offsetFromFileName(f.getName()), f);
                } catch (NumberFormatException e) {
                    LOG.warn("Ignoring file {}: not a producer snapshot name", f);
                }
            }
        }
        return files;
    }

    private File snapshotFile(long offset) {
        return new File(dir, LogFileNames.filenamePrefixFromOffset(offset) + LogFileNames.SNAPSHOT_SUFFIX);
    }

    /** {@code seq + delta} in sequence space, which wraps from Integer.MAX_VALUE to 0. */
    static int incrementSequence(int seq, int delta) {
        long next = (long) seq + delta;
        if (next > Integer.MAX_VALUE) {
            return (int) (next - Integer.MAX_VALUE - 1);
        }
        if (next < 0) {
            return (int) (next + Integer.MAX_VALUE + 1);
        }
        return (int) next;
    }

    static boolean inSequence(int lastSeq, int nextSeq) {
        return nextSeq == lastSeq + 1L || (nextSeq == 0 && lastSeq == Integer.MAX_VALUE);
    }
}
