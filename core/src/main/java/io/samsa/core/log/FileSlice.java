package io.samsa.core.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A byte range of a segment's {@code .log} file: what a fetch sends with sendfile. The channel is
 * owned by the segment and shared by all readers; a holder of a slice must never close it.
 * Immutable; thread-safe (positional reads only).
 *
 * @param channel  the segment file's channel
 * @param position the first byte, from the start of the file
 * @param size     the number of bytes
 */
public record FileSlice(FileChannel channel, long position, int size) {

    /** A slice of nothing. */
    public static final FileSlice EMPTY = new FileSlice(null, 0, 0);

    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Copies the bytes onto the heap. For tests and for transports that cannot use sendfile
     * (TLS); fetch over plaintext should transfer the channel region instead.
     */
    public ByteBuffer readFully() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(size);
        if (size > 0) {
            FileRecords.readFully(channel, buf, position);
        }
        return buf.flip();
    }

    /** Writes {@code count} bytes of the slice from {@code offset} within it; returns bytes written. */
    public long transferTo(WritableByteChannel target, long offset, long count) throws IOException {
        return channel.transferTo(position + offset, Math.min(count, size - offset), target);
    }
}
