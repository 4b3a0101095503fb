package io.samsa.common.serialization;

/**
 * Writes 4-byte big-endian floats, as Kafka does: the raw IEEE 754 bits, so a NaN keeps its
 * payload. Stateless; thread-safe.
 */
public class FloatSerializer implements Serializer<Float> {

    @Override
    public byte[] serialize(String topic, Float data) {
        return data == null ? null : SerdeBytes.bigEndian(Float.floatToRawIntBits(data), 4);
    }
}
