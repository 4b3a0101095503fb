package io.samsa.core.log;

import java.io.Closeable;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A segment's {@code .log} file: record batches back to back, exactly as they arrived. Appends
 * write the caller's bytes straight into the channel; reads are positional, so readers never
 * disturb the writer. Thread-safety: one appending thread at a time (the log's lock); size,
 * slices and reads are safe from any thread.
 */
public final class FileRecords implements Closeable {

    private volatile File file;
    private final FileChannel channel;
    // Published after each write completes, so readers only see whole batches.
    private volatile int size;

    private FileRecords(File file, FileChannel channel, int size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** Opens (creating if absent) a segment file for reading and appending at its end. */
    public static FileRecords open(File file) throws IOException {
        FileChannel channel = FileChannel.open(file.toPath(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        long length = channel.size();
        if (length > Integer.MAX_VALUE) {
            channel.close();
            throw new IOException("Segment file " + file + " is larger than 2 GiB: " + length);
        }
        channel.position(length);
        return new FileRecords(file, channel, (int) length);
    }

    /**
     * Opens an existing segment file for reading only, for tools that inspect a log without
     * changing it (even one a running broker is appending to); appending to it fails.
     */
    public static FileRecords openReadOnly(File file) throws IOException {
        FileChannel channel = FileChannel.open(file.toPath(), StandardOpenOption.READ);
        long length = channel.size();
        if (length > Integer.MAX_VALUE) {
            channel.close();
            throw new IOException("Segment file " + file + " is larger than 2 GiB: " + length);
        }
        return new FileRecords(file, channel, (int) length);
    }

    public File file() {
        return file;
    }

    public FileChannel channel() {
        return channel;
    }

    public int sizeInBytes() {
        return size;
    }

    /**
     * Appends every remaining byte of {@code batches} (its position moves to its limit).
     *
     * @return the number of bytes written
     */
    public int append(ByteBuffer batches) throws IOException {
        int written = batches.remaining();
        if ((long) size + written > Integer.MAX_VALUE) {
            throw new IOException("Appending " + written + " bytes would make " + file + " larger than 2 GiB");
        }
        while (batches.hasRemaining()) {
            channel.write(batches);
        }
        size += written;
        return written;
    }

    /** A zero-copy view of {@code length} bytes at {@code position}, clipped to the file's size. */
    public FileSlice slice(int position, int length) {
        int end = size;
        if (position < 0 || position > end) {
            throw new IllegalArgumentException("Slice position " + position + " outside " + file + " of size " + end);
        }
        int clipped = Math.min(length, end - position);
        return clipped <= 0 ? new FileSlice(channel, position, 0) : new FileSlice(channel, position, clipped);
    }

    /** A cursor over the batch headers in [{@code start}, size). */
    public FileBatchCursor batchesFrom(int start) {
        return new FileBatchCursor(channel, start, size);
    }

    /** Fills {@code dst} from {@code position}; throws EOFException at the end of the file. */
    public void readInto(ByteBuffer dst, long position) throws IOException {
        readFully(channel, dst, position);
    }

    public void flush() throws IOException {
        channel.force(true);
    }

    /**
     * Cuts the file to {@code targetSize} bytes.
     *
     * @return the number of bytes removed
     */
    public int truncateTo(int targetSize) throws IOException {
        int current = size;
        if (targetSize < 0 || targetSize > current) {
            throw new IllegalArgumentException("Cannot truncate " + file + " of size " + current + " to " + targetSize);
        }
        if (targetSize < channel.size()) {
            channel.truncate(targetSize);
        }
        channel.position(targetSize);
        size = targetSize;
        return current - targetSize;
    }

    public long lastModified() {
        return file.lastModified();
    }

    public void setLastModified(long ms) {
        file.setLastModified(ms);
    }

    /** Renames the file; the open channel keeps working. */
    public void renameTo(File target) throws IOException {
        Files.move(file.toPath(), target.toPath(), StandardCopyOption.ATOMIC_MOVE);
        this.file = target;
    }

    /** The file moved with its renamed directory. */
    void updateParentDir(File dir) {
        this.file = new File(dir, file.getName());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Closes the channel and removes the file; true if a file was removed. */
    public boolean deleteIfExists() throws IOException {
        close();
        return Files.deleteIfExists(file.toPath());
    }

    @Override
    public String toString() {
        return "FileRecords(" + file + ", size=" + size + ")";
    }

    static void readFully(FileChannel channel, ByteBuffer dst, long position) throws IOException {
        long at = position;
        while (dst.hasRemaining()) {
            int n = channel.read(dst, at);
            if (n < 0) {
                throw new EOFException("End of file at " + at + " with " + dst.remaining() + " bytes still wanted");
            }
            at += n;
        }
    }
}
