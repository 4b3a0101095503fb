package io.samsa.common.serialization;

/** Writes 2-byte big-endian shorts, as Kafka does. Stateless; thread-safe. */
public class ShortSerializer implements Serializer<Short> {

    @Override
    public byte[] serialize(String topic, Short data) {
        return data == null ? null : SerdeBytes.bigEndian(data, 2);
    }
}
