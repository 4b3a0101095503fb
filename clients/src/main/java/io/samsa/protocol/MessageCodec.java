package io.samsa.protocol;

import java.nio.ByteBuffer;

/** Encodes whole messages into buffers, for clients and tests. Stateless; thread-safe. */
public final class MessageCodec {

    private MessageCodec() {
    }

    /** Sizes, allocates and writes; the returned heap buffer is flipped, ready to read. */
    public static ByteBuffer toBuffer(Message message, short version) {
        int size = message.size(version);
        ByteBuffer buf = ByteBuffer.allocate(size);
        message.write(new ByteBufferSink(buf), version);
        if (buf.hasRemaining()) {
            throw new IllegalStateException(message.getClass().getSimpleName() + " v" + version + ": sized " + size
                + " bytes but wrote " + buf.position());
        }
        return buf.flip();
    }
}
