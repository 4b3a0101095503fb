package io.samsa.common.serialization;

/** Serializes the only {@link Void} value, null, as null. Stateless; thread-safe. */
public class VoidSerializer implements Serializer<Void> {

    @Override
    public byte[] serialize(String topic, Void data) {
        return null;
    }
}
