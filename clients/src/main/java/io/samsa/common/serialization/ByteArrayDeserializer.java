package io.samsa.common.serialization;

/** Returns the fetched bytes unchanged. Stateless; thread-safe. */
public class ByteArrayDeserializer implements Deserializer<byte[]> {

    @Override
    public byte[] deserialize(String topic, byte[] data) {
        return data;
    }
}
