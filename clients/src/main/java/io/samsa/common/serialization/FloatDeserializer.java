package io.samsa.common.serialization;

import io.samsa.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Reads 4-byte big-endian floats; any other length throws
 * {@link io.samsa.common.errors.SerializationException}. Stateless; thread-safe.
 */
public class FloatDeserializer implements Deserializer<Float> {

    @Override
    public Float deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        long bits = SerdeBytes.readBigEndian(data, 4, "Float");
        return Float.intBitsToFloat((int) bits);
    }

    @Override
    public Float deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        SerdeBytes.requireSize(data.remaining(), 4, "Float");
        return data.getFloat(data.position());
    }
}
