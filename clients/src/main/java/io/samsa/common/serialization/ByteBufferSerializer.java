package io.samsa.common.serialization;

import java.nio.ByteBuffer;

/**
 * Serializes a buffer's bytes from index 0 up to its limit, whatever its position: Kafka 3.9's
 * rule (its serializer rewinds the buffer first), kept so that the same buffer yields the same
 * bytes here and there. Unlike Kafka's, the buffer's position is left alone. When the buffer wraps
 * a whole array exactly, that array is returned without a copy. Stateless; thread-safe, as long as
 * no other thread changes the buffer meanwhile.
 */
public class ByteBufferSerializer implements Serializer<ByteBuffer> {

    @Override
    public byte[] serialize(String topic, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        ByteBuffer whole = data.duplicate();
        whole.rewind();
        if (whole.hasArray() && whole.arrayOffset() == 0 && whole.array().length == whole.remaining()) {
            return whole.array();
        }
        byte[] out = new byte[whole.remaining()];
        whole.get(out);
        return out;
    }
}
