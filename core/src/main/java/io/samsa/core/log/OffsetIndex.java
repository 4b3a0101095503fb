package io.samsa.core.log;

import java.io.File;
import java.io.IOException;
import java.nio.MappedByteBuffer;

/**
 * A segment's {@code .index} file: a sparse map from offset to the file position of the batch
 * holding it. Each 8-byte entry is a 4-byte offset relative to the segment's base offset and a
 * 4-byte position, both big-endian; an entry is added after every {@code index.interval.bytes}
 * of appended batches. A lookup gives the last entry at or below the target, from which a short
 * scan of batch headers finds the batch. Thread-safety as {@link AbstractIndex}: one appender,
 * lock-free lookups.
 */
public final class OffsetIndex extends AbstractIndex {

    static final int ENTRY_SIZE = 8;

    private volatile long lastOffset;

    public OffsetIndex(File file, long baseOffset, int maxIndexSize, boolean writable) throws IOException {
        super(file, baseOffset, maxIndexSize, writable);
        reloadLastEntry();
    }

    public OffsetIndex(File file, long baseOffset, int maxIndexSize) throws IOException {
        this(file, baseOffset, maxIndexSize, true);
    }

    @Override
    int entrySize() {
        return ENTRY_SIZE;
    }

    @Override
    long keyAt(MappedByteBuffer buf, int slot, SearchBy by) {
        return buf.getInt(slot * ENTRY_SIZE);
    }

    /** The largest offset indexed, or the base offset when there is no entry. */
    public long lastOffset() {
        return lastOffset;
    }

    /**
     * The last entry whose offset is at most {@code targetOffset}, or (base offset, 0) when there is
     * none: the position from which to scan for the target.
     */
    public OffsetPosition lookup(long targetOffset) {
        MappedByteBuffer buf = mapping();
        int count = entries();
        long relative = targetOffset - baseOffset;
        if (buf == null || count == 0 || relative < 0) {
            return new OffsetPosition(baseOffset, 0);
        }
        int slot = largestLowerBoundSlot(buf, count, Math.min(relative, Integer.MAX_VALUE), SearchBy.KEY);
        if (slot < 0) {
            return new OffsetPosition(baseOffset, 0);
        }
        return entryAt(buf, slot);
    }

    /** The entry in slot {@code n}. */
    public OffsetPosition entry(int n) {
        int count = entries();
        if (n < 0 || n >= count) {
            throw new IndexOutOfBoundsException("Slot " + n + " of " + count + " entries in " + file());
        }
        return entryAt(mapping(), n);
    }

    private OffsetPosition entryAt(MappedByteBuffer buf, int slot) {
        return new OffsetPosition(baseOffset + buf.getInt(slot * ENTRY_SIZE), buf.getInt(slot * ENTRY_SIZE + 4));
    }

    /** Adds an entry; offsets must increase. */
    public void append(long offset, int position) {
        checkWritable();
        lock.lock();
        try {
            if (isFull()) {
                throw new IllegalStateException("Index " + file() + " is full (" + entries() + " entries)");
            }
            if (entries() > 0 && offset <= lastOffset) {
                throw new IllegalStateException("Offset " + offset + " is not above the last indexed offset "
                        + lastOffset + " in " + file());
            }
            MappedByteBuffer buf = mapping();
            int slot = entries();
            buf.putInt(slot * ENTRY_SIZE, relativeOffset(offset));
            buf.putInt(slot * ENTRY_SIZE + 4, position);
            entryWritten();
            lastOffset = offset;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void truncateTo(long offset) {
        truncateToOffset(offset, SearchBy.KEY);
    }

    @Override
    void reloadLastEntry() {
        int count = entries();
        lastOffset = count == 0 ? baseOffset : baseOffset + mapping().getInt((count - 1) * ENTRY_SIZE);
    }

    @Override
    public void sanityCheck() {
        if (!lengthIsWholeEntries()) {
            throw new CorruptIndexException("Index file " + file() + " has length " + file().length()
                    + ", not a multiple of " + ENTRY_SIZE);
        }
        int count = entries();
        if (count > 0 && lastOffset < baseOffset) {
            throw new CorruptIndexException("Index file " + file() + " ends at offset " + lastOffset
                    + ", below its base offset " + baseOffset);
        }
        // A preallocated file left behind by a crash ends in zeroed slots, which do not increase.
        if (count > 1 && entry(count - 2).offset() >= lastOffset) {
            throw new CorruptIndexException("Index file " + file() + " has entries that do not increase");
        }
    }
}
