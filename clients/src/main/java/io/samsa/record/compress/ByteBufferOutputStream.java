package io.samsa.record.compress;

import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * A growable heap buffer that is also an OutputStream: compressors write into it as a stream
 * while the batch builder writes headers and uncompressed records into {@link #buffer()}
 * directly. Growth doubles the capacity, so appends are amortised O(1). Not thread-safe.
 */
public final class ByteBufferOutputStream extends OutputStream {

    private ByteBuffer buffer;

    public ByteBufferOutputStream(int initialCapacity) {
        this.buffer = ByteBuffer.allocate(Math.max(16, initialCapacity));
    }

    /** Writes into {@code buffer} from its start until it is outgrown. */
    public ByteBufferOutputStream(ByteBuffer buffer) {
        this.buffer = buffer.clear();
    }

    /** The current backing buffer; its position is the write position. Replaced on growth. */
    public ByteBuffer buffer() {
        return buffer;
    }

    public int position() {
        return buffer.position();
    }

    public void position(int position) {
        ensureCapacity(position);
        buffer.position(position);
    }

    /** Makes sure {@code bytes} more bytes fit after the position, growing if needed. */
    public void ensureRemaining(int bytes) {
        ensureCapacity(buffer.position() + bytes);
    }

    private void ensureCapacity(int capacity) {
        if (capacity < 0) {
            throw new IllegalStateException("Buffer would exceed 2 GiB");
        }
        if (capacity <= buffer.capacity()) {
            return;
        }
        long doubled = Math.max((long) buffer.capacity() * 2, capacity);
        ByteBuffer grown = ByteBuffer.allocate((int) Math.min(doubled, Integer.MAX_VALUE - 8));
        buffer.flip();
        grown.put(buffer);
        buffer = grown;
    }

    @Override
    public void write(int b) {
        ensureRemaining(1);
        buffer.put((byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensureRemaining(len);
        buffer.put(b, off, len);
    }

    public void write(ByteBuffer src) {
        ensureRemaining(src.remaining());
        buffer.put(src);
    }
}
