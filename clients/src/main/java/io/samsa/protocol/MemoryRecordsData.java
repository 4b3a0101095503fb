package io.samsa.protocol;

import java.nio.ByteBuffer;

/**
 * Record batches held in memory: the bytes from {@code buffer}'s position to its limit. Writing
 * never moves the buffer's position. Immutable as long as nobody changes the buffer.
 */
public record MemoryRecordsData(ByteBuffer buffer) implements RecordsData {

    /**
     * The bytes of records that were read from a message (always in memory), or null for null.
     * The buffer is the view of the input the reader made: no copy.
     */
    public static ByteBuffer bufferOf(RecordsData records) {
        if (records == null) {
            return null;
        }
        if (records instanceof MemoryRecordsData m) {
            return m.buffer();
        }
        throw new IllegalArgumentException("Records held in " + records.getClass().getSimpleName() + ", not in memory");
    }

    @Override
    public int sizeInBytes() {
        return buffer.remaining();
    }
}
