package io.samsa.core.log;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A memory-mapped file of fixed-size entries sorted by a key, searched by binary search: the
 * common part of {@link OffsetIndex} and {@link TimeIndex}. The file of the active segment is
 * preallocated to the index's maximum size and trimmed to its entries when the segment stops
 * being active, so a closed index file is exactly its entries.
 *
 * <p>Thread-safety: mutations (append, truncate, resize, close) are serialized by a lock and
 * made by the log's appending thread; lookups take no lock. They read the mapping and the entry
 * count through volatile fields and use absolute gets, and an entry is fully written before the
 * count that exposes it is published. A resized-away mapping is left to the garbage collector
 * because a lookup may still be reading it; only close and delete unmap eagerly.
 */
abstract class AbstractIndex implements Closeable {

    /** What a binary search compares: the entry's key or, for the time index, its offset. */
    enum SearchBy { KEY, VALUE }

    /** Lookups for recent offsets touch only the last 8 KiB, which stays in the page cache. */
    private static final int WARM_BYTES = 8192;

    protected final long baseOffset;
    protected final ReentrantLock lock = new ReentrantLock();
    private final boolean writable;
    private volatile File file;
    private volatile int maxIndexSize;
    private volatile MappedByteBuffer mmap;
    private volatile int maxEntries;
    private volatile int entries;

    AbstractIndex(File file, long baseOffset, int maxIndexSize, boolean writable) throws IOException {
        this.file = file;
        this.baseOffset = baseOffset;
        this.maxIndexSize = maxIndexSize;
        this.writable = writable;
        boolean created = writable && file.createNewFile();
        try (RandomAccessFile raf = new RandomAccessFile(file, writable ? "rw" : "r")) {
            if (created) {
                raf.setLength(roundDown(maxIndexSize));
            }
            long length = raf.length();
            this.mmap = raf.getChannel().map(writable ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY,
                    0, length);
            this.maxEntries = (int) (length / entrySize());
            this.entries = created ? 0 : (int) (length / entrySize());
        }
    }

    abstract int entrySize();

    /** The search key of the entry in {@code slot} of {@code buf}. */
    abstract long keyAt(MappedByteBuffer buf, int slot, SearchBy by);

    /** Throws {@link CorruptIndexException} if the file cannot be a valid index. */
    abstract void sanityCheck();

    /** Drops every entry for an offset at or above {@code offset}. */
    abstract void truncateTo(long offset);

    /** Re-reads cached state (last entry) after the entry count changed. */
    abstract void reloadLastEntry();

    public File file() {
        return file;
    }

    public long baseOffset() {
        return baseOffset;
    }

    public int entries() {
        return entries;
    }

    public int maxEntries() {
        return maxEntries;
    }

    public int maxIndexSize() {
        return maxIndexSize;
    }

    public boolean isFull() {
        return entries >= maxEntries;
    }

    /** Bytes held by entries. */
    public int sizeInBytes() {
        return entries * entrySize();
    }

    /** The live mapping; read once per operation so a concurrent resize cannot split a lookup. */
    protected MappedByteBuffer mapping() {
        return mmap;
    }

    /** Publishes one more entry already written at slot {@code entries}. */
    protected void entryWritten() {
        entries = entries + 1;
    }

    protected void checkWritable() {
        if (!writable) {
            throw new IllegalStateException("Index " + file + " is read-only");
        }
    }

    /**
     * Remaps the file at {@code newSize} (rounded down to whole entries), keeping the entries.
     *
     * @return true if the file size changed
     */
    public boolean resize(int newSize) throws IOException {
        lock.lock();
        try {
            int rounded = roundDown(newSize);
            MappedByteBuffer current = mmap;
            if (current == null) {
                throw new IllegalStateException("Index " + file + " is closed");
            }
            if (current.capacity() == rounded) {
                return false;
            }
            if (rounded < entries * entrySize()) {
                throw new IllegalArgumentException("Resizing " + file + " to " + rounded + " bytes would drop entries");
            }
            try (RandomAccessFile raf = new RandomAccessFile(file, "rw")) {
                raf.setLength(rounded);
                this.mmap = raf.getChannel().map(FileChannel.MapMode.READ_WRITE, 0, rounded);
                this.maxEntries = rounded / entrySize();
            }
            this.maxIndexSize = Math.max(maxIndexSize, rounded);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Shrinks the file to exactly its entries; done when the segment stops being active. */
    public void trimToValidSize() throws IOException {
        resize(sizeInBytes());
    }

    /** Drops every entry. */
    public void reset() {
        truncateToEntries(0);
    }

    /**
     * Removes the entries for offsets at or above {@code offset}; {@code by} names where an
     * entry keeps its offset (the key of the offset index, the value of the time index).
     */
    protected void truncateToOffset(long offset, SearchBy by) {
        lock.lock();
        try {
            MappedByteBuffer buf = mapping();
            int count = entries();
            long relative = offset - baseOffset;
            int keep;
            if (count == 0 || relative < 0) {
                keep = 0;
            } else {
                int slot = largestLowerBoundSlot(buf, count, Math.min(relative, Integer.MAX_VALUE), by);
                keep = slot < 0 ? 0 : keyAt(buf, slot, by) == relative ? slot : slot + 1;
            }
            truncateToEntries(keep);
        } finally {
            lock.unlock();
        }
    }

    protected void truncateToEntries(int count) {
        lock.lock();
        try {
            entries = Math.min(entries, count);
            reloadLastEntry();
        } finally {
            lock.unlock();
        }
    }

    public void flush() {
        lock.lock();
        try {
            MappedByteBuffer current = mmap;
            if (writable && current != null) {
                current.force();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The slot of the last entry whose key is at most {@code target}; -1 if every entry is
     * greater or there is none.
     */
    protected int largestLowerBoundSlot(MappedByteBuffer buf, int count, long target, SearchBy by) {
        if (count == 0) {
            return -1;
        }
        int warmEntries = WARM_BYTES / entrySize();
        int firstWarm = Math.max(0, count - 1 - warmEntries);
        if (keyAt(buf, firstWarm, by) < target) {
            return binarySearch(buf, target, by, firstWarm, count - 1);
        }
        if (keyAt(buf, 0, by) > target) {
            return -1;
        }
        return binarySearch(buf, target, by, 0, firstWarm);
    }

    private int binarySearch(MappedByteBuffer buf, long target, SearchBy by, int begin, int end) {
        int lo = begin;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            long found = keyAt(buf, mid, by);
            if (found == target) {
                return mid;
            } else if (found < target) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    protected int relativeOffset(long offset) {
        long relative = offset - baseOffset;
        if (relative < 0 || relative > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Offset " + offset + " cannot be stored relative to base offset "
                    + baseOffset + " in " + file);
        }
        return (int) relative;
    }

    public void renameTo(File target) throws IOException {
        lock.lock();
        try {
            if (file.exists()) {
                Files.move(file.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE);
            }
            file = target;
        } finally {
            lock.unlock();
        }
    }

    /** The file moved with its renamed directory. */
    void updateParentDir(File dir) {
        file = new File(dir, file.getName());
    }

    /** Trims the file to its entries and releases the mapping. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (mmap == null) {
                return;
            }
            if (writable && file.exists()) {
                trimToValidSize();
            }
            releaseMapping();
        } finally {
            lock.unlock();
        }
    }

    /** Releases the mapping and removes the file; true if a file was removed. */
    public boolean deleteIfExists() throws IOException {
        lock.lock();
        try {
            releaseMapping();
            return Files.deleteIfExists(file.toPath());
        } finally {
            lock.unlock();
        }
    }

    private void releaseMapping() {
        MappedByteBuffer current = mmap;
        // Hide the entries first so a stray lookup sees an empty index rather than unmapped memory.
        entries = 0;
        maxEntries = 0;
        mmap = null;
        if (current != null) {
            MappedBuffers.unmap(current);
        }
    }

    private int roundDown(int size) {
        return size - size % entrySize();
    }

    /** Whether the file's length is a whole number of entries. */
    protected boolean lengthIsWholeEntries() {
        return file.length() % entrySize() == 0;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + file + ", entries=" + entries + "/" + maxEntries + ")";
    }
}
