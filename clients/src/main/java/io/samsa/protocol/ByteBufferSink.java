package io.samsa.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * A {@link ProtocolSink} over a heap or direct {@link ByteBuffer}, advancing its position.
 * Records are copied into the buffer, file regions read from their channel: fine for tests,
 * clients and small responses, not for the broker's fetch path. Not thread-safe.
 */
public final class ByteBufferSink implements ProtocolSink {

    private final ByteBuffer out;

    public ByteBufferSink(ByteBuffer out) {
        this.out = out;
    }

    public ByteBuffer buffer() {
        return out;
    }

    @Override
    public void writeByte(byte value) {
        out.put(value);
    }

    @Override
    public void writeShort(short value) {
        out.putShort(value);
    }

    @Override
    public void writeInt(int value) {
        out.putInt(value);
    }

    @Override
    public void writeLong(long value) {
        out.putLong(value);
    }

    @Override
    public void writeDouble(double value) {
        out.putDouble(value);
    }

    @Override
    public void writeBytes(byte[] bytes) {
        out.put(bytes);
    }

    @Override
    public void writeBytes(ByteBuffer bytes) {
        out.put(bytes.duplicate());
    }

    @Override
    public void writeRecords(RecordsData records) {
        if (records instanceof MemoryRecordsData memory) {
            out.put(memory.buffer().duplicate());
        } else if (records instanceof FileRecordsData file) {
            copyFileRegion(file);
        } else {
            throw new IllegalArgumentException("Unsupported records type " + records.getClass().getName());
        }
    }

    private void copyFileRegion(FileRecordsData file) {
        ByteBuffer window = out.duplicate();
        window.limit(out.position() + file.size());
        long position = file.position();
        try {
            while (window.hasRemaining()) {
                int n = file.channel().read(window, position);
                if (n < 0) {
                    throw new IllegalStateException("File region ends early: wanted " + file.size()
                        + " bytes from position " + file.position());
                }
                position += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a file region of " + file.size() + " bytes", e);
        }
        out.position(window.position());
    }
}
