package io.samsa.common.serialization;

import io.samsa.common.header.Headers;
import java.nio.ByteBuffer;

/**
 * Wraps fetched bytes in a buffer; given a buffer, returns it as it is (no copy). Stateless;
 * thread-safe.
 */
public class ByteBufferDeserializer implements Deserializer<ByteBuffer> {

    @Override
    public ByteBuffer deserialize(String topic, byte[] data) {
        return data == null ? null : ByteBuffer.wrap(data);
    }

    @Override
    public ByteBuffer deserialize(String topic, Headers headers, ByteBuffer data) {
        return data;
    }
}
