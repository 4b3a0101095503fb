package io.samsa.common.serialization;

import io.samsa.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Reads 4-byte big-endian ints; any other length throws
 * {@link io.samsa.common.errors.SerializationException}. Stateless; thread-safe.
 */
public class IntegerDeserializer implements Deserializer<Integer> {

    @Override
    public Integer deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        long bits = SerdeBytes.readBigEndian(data, 4, "Integer");
        return (int) bits;
    }

    @Override
    public Integer deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        SerdeBytes.requireSize(data.remaining(), 4, "Integer");
        return data.getInt(data.position());
    }
}
