package io.samsa.core.log;

import java.io.File;
import java.io.IOException;
import java.nio.MappedByteBuffer;

/**
 * A segment's {@code .timeindex} file: a sparse map from timestamp to offset. Each 12-byte entry
 * is an 8-byte timestamp and a 4-byte offset relative to the segment's base offset; timestamps
 * and offsets never decrease and an entry is only added when the segment's max timestamp grew.
 * A lookup gives the last entry whose timestamp is at most the target. The last slot is kept for
 * the entry written when the segment stops being active. Thread-safety as {@link AbstractIndex}.
 */
public final class TimeIndex extends AbstractIndex {

    static final int ENTRY_SIZE = 12;

    private volatile TimestampOffset lastEntry;

    public TimeIndex(File file, long baseOffset, int maxIndexSize, boolean writable) throws IOException {
        super(file, baseOffset, maxIndexSize, writable);
        reloadLastEntry();
    }

    public TimeIndex(File file, long baseOffset, int maxIndexSize) throws IOException {
        this(file, baseOffset, maxIndexSize, true);
    }

    @Override
    int entrySize() {
        return ENTRY_SIZE;
    }

    @Override
    long keyAt(MappedByteBuffer buf, int slot, SearchBy by) {
        return by == SearchBy.KEY ? buf.getLong(slot * ENTRY_SIZE) : buf.getInt(slot * ENTRY_SIZE + 8);
    }

    /** One slot stays free for {@link #maybeAppend}'s entry on roll. */
    @Override
    public boolean isFull() {
        return entries() >= maxEntries() - 1;
    }

    /** The last entry, or (no timestamp, base offset) when there is none. */
    public TimestampOffset lastEntry() {
        return lastEntry;
    }

    /**
     * The last entry with a timestamp at most {@code targetTimestamp}, or (no timestamp, base
     * offset) when there is none.
     */
    public TimestampOffset lookup(long targetTimestamp) {
        MappedByteBuffer buf = mapping();
        int count = entries();
        if (buf == null || count == 0) {
            return new TimestampOffset(TimestampOffset.NO_TIMESTAMP, baseOffset);
        }
        int slot = largestLowerBoundSlot(buf, count, targetTimestamp, SearchBy.KEY);
        return slot < 0 ? new TimestampOffset(TimestampOffset.NO_TIMESTAMP, baseOffset) : entryAt(buf, slot);
    }

    public TimestampOffset entry(int n) {
        int count = entries();
        if (n < 0 || n >= count) {
            throw new IndexOutOfBoundsException("Slot " + n + " of " + count + " entries in " + file());
        }
        return entryAt(mapping(), n);
    }

    private TimestampOffset entryAt(MappedByteBuffer buf, int slot) {
        return new TimestampOffset(buf.getLong(slot * ENTRY_SIZE), baseOffset + buf.getInt(slot * ENTRY_SIZE + 8));
    }

    /**
     * Adds (timestamp, offset) if the timestamp is above the last entry's.
     *
     * @param skipFullCheck true only for the entry written when the segment stops being active,
     *                      which may use the reserved last slot
     */
    public void maybeAppend(long timestamp, long offset, boolean skipFullCheck) {
        checkWritable();
        lock.lock();
        try {
            int count = entries();
            if (!skipFullCheck && isFull()) {
                throw new IllegalStateException("Time index " + file() + " is full (" + count + " entries)");
            }
            TimestampOffset last = lastEntry;
            if (count > 0 && offset < last.offset()) {
                throw new IllegalStateException("Offset " + offset + " is below the last time-indexed offset "
                        + last.offset() + " in " + file());
            }
            if (count > 0 && timestamp < last.timestamp()) {
                throw new IllegalStateException("Timestamp " + timestamp + " is below the last indexed timestamp "
                        + last.timestamp() + " in " + file());
            }
            if (timestamp > last.timestamp() && count < maxEntries()) {
                MappedByteBuffer buf = mapping();
                buf.putLong(count * ENTRY_SIZE, timestamp);
                buf.putInt(count * ENTRY_SIZE + 8, relativeOffset(offset));
                entryWritten();
                lastEntry = new TimestampOffset(timestamp, offset);
            }
        } finally {
            lock.unlock();
        }
    }

    public void maybeAppend(long timestamp, long offset) {
        maybeAppend(timestamp, offset, false);
    }

    @Override
    public void truncateTo(long offset) {
        truncateToOffset(offset, SearchBy.VALUE);
    }

    @Override
    void reloadLastEntry() {
        int count = entries();
        lastEntry = count == 0 ? new TimestampOffset(TimestampOffset.NO_TIMESTAMP, baseOffset)
                : entryAt(mapping(), count - 1);
    }

    @Override
    public void sanityCheck() {
        if (!lengthIsWholeEntries()) {
            throw new CorruptIndexException("Time index file " + file() + " has length " + file().length()
                    + ", not a multiple of " + ENTRY_SIZE);
        }
        int count = entries();
        if (count == 0) {
            return;
        }
        TimestampOffset last = lastEntry;
        if (last.offset() < baseOffset) {
            throw new CorruptIndexException("Time index file " + file() + " ends at offset " + last.offset()
                    + ", below its base offset " + baseOffset);
        }
        if (last.timestamp() < entry(0).timestamp()) {
            throw new CorruptIndexException("Time index file " + file() + " ends at timestamp " + last.timestamp()
                    + ", below its first timestamp " + entry(0).timestamp());
        }
        if (count > 1 && entry(count - 2).timestamp() >= last.timestamp()) {
            throw new CorruptIndexException("Time index file " + file() + " has timestamps that do not increase");
        }
    }
}
