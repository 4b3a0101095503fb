package io.samsa.protocol;

import java.nio.ByteBuffer;

/**
 * Record batches held in memory: the bytes from {@code buffer}'s position to its limit. Writing
 * never moves the buffer's position. Immutable as long as nobody changes the buffer.
 */
public record MemoryRecordsData(ByteBuffer buffer) implements RecordsData {

    @Override
    public int sizeInBytes() {
        return buffer.remaining();
    }
}
