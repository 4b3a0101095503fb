package io.samsa.protocol;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ProtocolSink} that leaves large in-memory record batches where they are: the request is
 * written as a list of buffers, small fields packed into one scratch buffer, each batch of at least
 * {@link #MIN_REFERENCED_BYTES} a view of the batch's own buffer. A producer's request is then sent
 * with one gathering write instead of being copied into a frame first. The batch buffers must not
 * change until the buffers are written. File regions are not supported. Not thread-safe.
 */
public final class GatheringSink implements ProtocolSink {

    /** Smaller batches are copied: a buffer of their own would cost more than the copy. */
    public static final int MIN_REFERENCED_BYTES = 1024;

    private final List<ByteBuffer> buffers = new ArrayList<>();
    private ByteBuffer scratch;
    private int segmentStart;

    /** {@code scratchBytes}: a guess of the bytes outside referenced batches; the scratch grows past it. */
    public GatheringSink(int scratchBytes) {
        this.scratch = ByteBuffer.allocate(Math.max(64, scratchBytes));
    }

    private ByteBuffer room(int bytes) {
        if (scratch.remaining() < bytes) {
            cut();
            scratch = ByteBuffer.allocate(Math.max(bytes, scratch.capacity() * 2));
            segmentStart = 0;
        }
        return scratch;
    }

    /** Ends the scratch segment written since the last cut. */
    private void cut() {
        if (scratch.position() > segmentStart) {
            buffers.add(scratch.duplicate().limit(scratch.position()).position(segmentStart).slice());
            segmentStart = scratch.position();
        }
    }

    @Override
    public void writeByte(byte value) {
        room(1).put(value);
    }

    @Override
    public void writeShort(short value) {
        room(2).putShort(value);
    }

    @Override
    public void writeInt(int value) {
        room(4).putInt(value);
    }

    @Override
    public void writeLong(long value) {
        room(8).putLong(value);
    }

    @Override
    public void writeDouble(double value) {
        room(8).putDouble(value);
    }

    @Override
    public void writeBytes(byte[] bytes) {
        room(bytes.length).put(bytes);
    }

    @Override
    public void writeBytes(ByteBuffer bytes) {
        room(bytes.remaining()).put(bytes.duplicate());
    }

    @Override
    public void writeRecords(RecordsData records) {
        if (!(records instanceof MemoryRecordsData memory)) {
            throw new IllegalArgumentException("Only in-memory records can be gathered, not " + records.getClass().getName());
        }
        ByteBuffer batch = memory.buffer();
        if (batch.remaining() < MIN_REFERENCED_BYTES) {
            writeBytes(batch);
            return;
        }
        cut();
        buffers.add(batch.duplicate());
    }

    /** The buffers to write, in order; the sink is done. */
    public ByteBuffer[] buffers() {
        cut();
        return buffers.toArray(new ByteBuffer[0]);
    }
}
