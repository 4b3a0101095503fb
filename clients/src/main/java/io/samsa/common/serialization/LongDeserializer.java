package io.samsa.common.serialization;

import io.samsa.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Reads 8-byte big-endian longs; any other length throws
 * {@link io.samsa.common.errors.SerializationException}. Stateless; thread-safe.
 */
public class LongDeserializer implements Deserializer<Long> {

    @Override
    public Long deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        long bits = SerdeBytes.readBigEndian(data, 8, "Long");
        return bits;
    }

    @Override
    public Long deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        SerdeBytes.requireSize(data.remaining(), 8, "Long");
        return data.getLong(data.position());
    }
}
