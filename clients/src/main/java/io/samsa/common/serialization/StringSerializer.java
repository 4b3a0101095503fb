package io.samsa.common.serialization;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encodes strings in UTF-8, or in the charset named by {@code key.serializer.encoding},
 * {@code value.serializer.encoding} or {@code serializer.encoding}. Thread-safe once configured.
 */
public class StringSerializer implements Serializer<String> {

    private volatile Charset charset = StandardCharsets.UTF_8;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        charset = Encodings.configured(configs, isKey, "serializer");
    }

    @Override
    public byte[] serialize(String topic, String data) {
        return data == null ? null : data.getBytes(charset);
    }
}
