package io.samsa.common.serialization;

/**
 * Writes 8-byte big-endian doubles, as Kafka does: the IEEE 754 bits with every NaN written as the
 * canonical NaN (unlike {@link FloatSerializer}, which keeps raw bits, also as Kafka does).
 * Stateless; thread-safe.
 */
public class DoubleSerializer implements Serializer<Double> {

    @Override
    public byte[] serialize(String topic, Double data) {
        return data == null ? null : SerdeBytes.bigEndian(Double.doubleToLongBits(data), 8);
    }
}
