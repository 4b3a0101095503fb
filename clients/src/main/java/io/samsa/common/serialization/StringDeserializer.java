package io.samsa.common.serialization;

import io.samsa.common.header.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Decodes strings from UTF-8, or from the charset named by {@code key.deserializer.encoding},
 * {@code value.deserializer.encoding} or {@code deserializer.encoding}. Thread-safe once
 * configured.
 */
public class StringDeserializer implements Deserializer<String> {

    private volatile Charset charset = StandardCharsets.UTF_8;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        charset = Encodings.configured(configs, isKey, "deserializer");
    }

    @Override
    public String deserialize(String topic, byte[] data) {
        return data == null ? null : new String(data, charset);
    }

    @Override
    public String deserialize(String topic, Headers headers, ByteBuffer data) {
        if (data == null) {
            return null;
        }
        if (data.hasArray()) {
            return new String(data.array(), data.arrayOffset() + data.position(), data.remaining(), charset);
        }
        return new String(SerdeBytes.copyRemaining(data), charset);
    }
}
