package io.samsa.core.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A partition's leader-epoch history: for each leader epoch, the first offset written in it,
 * kept in memory and in the {@code leader-epoch-checkpoint} file (rewritten on every change,
 * which happens once per leadership change, not per append). Replication uses it to answer
 * OffsetsForLeaderEpoch and to truncate a follower to where its log diverged. Thread-safe.
 */
public final class LeaderEpochFileCache {

    public static final int UNDEFINED_EPOCH = -1;
    public static final long UNDEFINED_EPOCH_OFFSET = -1L;

    private final LeaderEpochCheckpointFile checkpoint;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Integer, Long> epochs = new TreeMap<>();
    // Read on every leader append, so kept outside the lock.
    private volatile int latestEpoch = UNDEFINED_EPOCH;

    public LeaderEpochFileCache(LeaderEpochCheckpointFile checkpoint) throws IOException {
        this.checkpoint = checkpoint;
        for (EpochEntry e : checkpoint.read()) {
            epochs.put(e.epoch(), e.startOffset());
        }
        latestEpoch = epochs.isEmpty() ? UNDEFINED_EPOCH : epochs.lastKey();
    }

    /** The latest epoch, or {@link #UNDEFINED_EPOCH}. */
    public int latestEpoch() {
        return latestEpoch;
    }

    /**
     * Records that {@code epoch} starts at {@code startOffset}. A no-op for the current epoch at a
     * later offset; entries that the new one contradicts (an epoch at or above it, or a start
     * offset at or above its start) are dropped first, so the history stays monotonic.
     */
    public void assign(int epoch, long startOffset) {
        if (epoch < 0) {
            return;
        }
        if (!updateNeeded(epoch, startOffset)) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (!updateNeeded(epoch, startOffset)) {
                return;
            }
            Iterator<Map.Entry<Integer, Long>> it = epochs.descendingMap().entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Integer, Long> e = it.next();
                if (e.getKey() >= epoch || e.getValue() >= startOffset) {
                    it.remove();
                } else {
                    break;
                }
            }
            epochs.put(epoch, startOffset);
            flush();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private boolean updateNeeded(int epoch, long startOffset) {
        lock.readLock().lock();
        try {
            if (epochs.isEmpty()) {
                return true;
            }
            Map.Entry<Integer, Long> latest = epochs.lastEntry();
            return epoch != latest.getKey() || startOffset < latest.getValue();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The epoch whose range holds {@code offset}, or {@link #UNDEFINED_EPOCH}. */
    public int epochForOffset(long offset) {
        lock.readLock().lock();
        try {
            int found = UNDEFINED_EPOCH;
            for (Map.Entry<Integer, Long> e : epochs.entrySet()) {
                if (e.getValue() <= offset) {
                    found = e.getKey();
                } else {
                    break;
                }
            }
            return found;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * OffsetsForLeaderEpoch: the largest epoch at most {@code requestedEpoch} and the offset where
     * the next epoch starts (the log end offset for the latest epoch). (UNDEFINED, UNDEFINED) when
     * the requested epoch is undefined or above every known epoch.
     */
    public EpochEntry endOffsetFor(int requestedEpoch, long logEndOffset) {
        lock.readLock().lock();
        try {
            if (requestedEpoch == UNDEFINED_EPOCH || epochs.isEmpty()) {
                return new EpochEntry(UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET);
            }
            if (requestedEpoch == epochs.lastKey()) {
                return new EpochEntry(requestedEpoch, logEndOffset);
            }
            Map.Entry<Integer, Long> higher = epochs.higherEntry(requestedEpoch);
            if (higher == null) {
                return new EpochEntry(UNDEFINED_EPOCH, UNDEFINED_EPOCH_OFFSET);
            }
            Map.Entry<Integer, Long> floor = epochs.floorEntry(requestedEpoch);
            return new EpochEntry(floor == null ? requestedEpoch : floor.getKey(), higher.getValue());
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Drops the epochs that start at or after {@code endOffset} (the log was truncated there). */
    public void truncateFromEnd(long endOffset) {
        lock.writeLock().lock();
        try {
            if (endOffset < 0 || epochs.isEmpty() || epochs.lastEntry().getValue() < endOffset) {
                return;
            }
            epochs.entrySet().removeIf(e -> e.getValue() >= endOffset);
            flush();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Forgets history below a new log start offset: the epochs that start at or before it collapse
     * into the latest of them, now starting at {@code startOffset}.
     */
    public void truncateFromStart(long startOffset) {
        lock.writeLock().lock();
        try {
            NavigableMap<Integer, Long> covered = new TreeMap<>();
            for (Map.Entry<Integer, Long> e : epochs.entrySet()) {
                if (e.getValue() <= startOffset) {
                    covered.put(e.getKey(), e.getValue());
                }
            }
            if (covered.isEmpty()) {
                return;
            }
            Map.Entry<Integer, Long> last = covered.lastEntry();
            if (covered.size() == 1 && last.getValue() == startOffset) {
                return;
            }
            covered.keySet().forEach(epochs::remove);
            epochs.put(last.getKey(), startOffset);
            flush();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Forgets everything (the log was emptied). */
    public void clear() {
        lock.writeLock().lock();
        try {
            epochs.clear();
            flush();
        } finally {
            lock.writeLock().unlock();
        }
    }

    public List<EpochEntry> entries() {
        lock.readLock().lock();
        try {
            List<EpochEntry> out = new ArrayList<>(epochs.size());
            epochs.forEach((epoch, offset) -> out.add(new EpochEntry(epoch, offset)));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void flush() {
        latestEpoch = epochs.isEmpty() ? UNDEFINED_EPOCH : epochs.lastKey();
        try {
            checkpoint.write(entries());
        } catch (IOException e) {
            throw new StorageException("Could not write " + checkpoint.file(), e);
        }
    }
}
