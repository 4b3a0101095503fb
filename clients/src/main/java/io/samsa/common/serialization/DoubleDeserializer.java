package io.samsa.common.serialization;

import io.samsa.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Reads 8-byte big-endian doubles; any other length throws
 * {@link io.samsa.common.errors.SerializationException}. Stateless; thread-safe.
 */
public class DoubleDeserializer implements Deserializer<Double> {

    @Override
    public Double deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        long bits = SerdeBytes.readBigEndian(data, 8, "Double");
        return Double.longBitsToDouble(bits);
    }

    @Override
    public Double deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        SerdeBytes.requireSize(data.remaining(), 8, "Double");
        return data.getDouble(data.position());
    }
}
