package io.samsa.protocol;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A region of a log segment file, {@code size} bytes from {@code position}. The broker's network
 * sink sends it with zero copy (a file region); {@link ByteBufferSink} reads it into its buffer.
 * Immutable; the channel must stay open until the message has been written.
 */
public record FileRecordsData(FileChannel channel, long position, int size) implements RecordsData {

    @Override
    public int sizeInBytes() {
        return size;
    }

    /** The region's bytes, read into a new heap buffer (for the rare answers that must rewrite them). */
    public ByteBuffer read() {
        ByteBuffer out = ByteBuffer.allocate(size);
        new ByteBufferSink(out).writeRecords(this);
        return out.flip();
    }
}
