package io.samsa.common.serialization;

/** Writes 4-byte big-endian ints, as Kafka does. Stateless; thread-safe. */
public class IntegerSerializer implements Serializer<Integer> {

    @Override
    public byte[] serialize(String topic, Integer data) {
        return data == null ? null : SerdeBytes.bigEndian(data, 4);
    }
}
