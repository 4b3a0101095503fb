package io.samsa.common.serialization;

import io.samsa.common.errors.SerializationException;
import io.samsa.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Accepts only null data, for records whose key or value is always absent. Any bytes throw
 * {@link SerializationException} (Kafka throws {@code IllegalArgumentException} here; a
 * serialization exception is what every other deserializer in this package throws for data of
 * the wrong length). Stateless; thread-safe.
 */
public class VoidDeserializer implements Deserializer<Void> {

    @Override
    public Void deserialize(String topic, byte[] data) {
        if (data != null) {
            throw new SerializationException("Data should be null for a VoidDeserializer, got " + data.length + " bytes");
        }
        return null;
    }

    @Override
    public Void deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data != null) {
            throw new SerializationException("Data should be null for a VoidDeserializer, got " + data.remaining()
                    + " bytes");
        }
        return null;
    }
}
