package io.samsa.common.serialization;

/** Writes 8-byte big-endian longs, as Kafka does. Stateless; thread-safe. */
public class LongSerializer implements Serializer<Long> {

    @Override
    public byte[] serialize(String topic, Long data) {
        return data == null ? null : SerdeBytes.bigEndian(data, 8);
    }
}
