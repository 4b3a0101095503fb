package io.samsa.common.serialization;

import io.samsa.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Reads 2-byte big-endian shorts; any other length throws
 * {@link io.samsa.common.errors.SerializationException}. Stateless; thread-safe.
 */
public class ShortDeserializer implements Deserializer<Short> {

    @Override
    public Short deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        long bits = SerdeBytes.readBigEndian(data, 2, "Short");
        return (short) bits;
    }

    @Override
    public Short deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        SerdeBytes.requireSize(data.remaining(), 2, "Short");
        return data.getShort(data.position());
    }
}
