package io.samsa.core.network;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.samsa.protocol.FileRecordsData;
import io.samsa.protocol.MemoryRecordsData;
import io.samsa.protocol.ProtocolSink;
import io.samsa.protocol.RecordsData;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects an encoded response as Netty messages: pooled buffers for the protocol fields and a
 * {@link SharedFileRegion} for every stored-records slice, so fetched data travels by
 * sendfile and never through the heap. Used by one thread at a time; the parts are handed to the
 * event loop when done.
 */
final class ResponseSink implements ProtocolSink {

    private final ByteBufAllocator allocator;
    private final List<Object> parts = new ArrayList<>(2);
    private ByteBuf current;
    private int remainingHint;

    /**
     * {@code expectedSize} is the exact encoded size, stored records included. Buffers start at
     * most {@value #MAX_INITIAL_CAPACITY} bytes and grow on demand: in a fetch answer most of the
     * size is file regions that never pass through a buffer.
     */
    ResponseSink(ByteBufAllocator allocator, int expectedSize) {
        this.allocator = allocator;
        this.remainingHint = expectedSize;
        this.current = newBuffer(expectedSize);
    }

    private static final int MAX_INITIAL_CAPACITY = 64 * 1024;

    private ByteBuf newBuffer(int hint) {
        return allocator.directBuffer(Math.max(64, Math.min(hint, MAX_INITIAL_CAPACITY)));
    }

    List<Object> finish() {
        if (current.isReadable()) {
            parts.add(current);
        } else {
            current.release();
        }
        current = null;
        return parts;
    }

    void release() {
        if (current != null) {
            current.release();
            current = null;
        }
        for (Object p : parts) {
            io.netty.util.ReferenceCountUtil.release(p);
        }
        parts.clear();
    }

    @Override
    public void writeByte(byte v) {
        current.writeByte(v);
    }

    @Override
    public void writeShort(short v) {
        current.writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        current.writeInt(v);
    }

    @Override
    public void writeLong(long v) {
        current.writeLong(v);
    }

    @Override
    public void writeDouble(double v) {
        current.writeDouble(v);
    }

    @Override
    public void writeBytes(byte[] bytes) {
        current.writeBytes(bytes);
    }

    @Override
    public void writeBytes(ByteBuffer bytes) {
        current.writeBytes(bytes.duplicate());
    }

    @Override
    public void writeRecords(RecordsData records) {
        if (records instanceof FileRecordsData file) {
            if (file.size() == 0) {
                return;
            }
            parts.add(current);
            parts.add(new SharedFileRegion(file.channel(), file.position(), file.size()));
            remainingHint -= current.readableBytes() + file.size();
            current = newBuffer(remainingHint);
        } else if (records instanceof MemoryRecordsData mem) {
            writeBytes(mem.buffer());
        } else {
            throw new IllegalArgumentException("Unknown records type " + records.getClass());
        }
    }
}
