package io.samsa.common.serialization;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a UUID as its 36-character text form ({@link UUID#toString()}) in UTF-8 or the charset
 * configured as for {@link StringSerializer}. Thread-safe once configured.
 */
public class UUIDSerializer implements Serializer<UUID> {

    private volatile Charset charset = StandardCharsets.UTF_8;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        charset = Encodings.configured(configs, isKey, "serializer");
    }

    @Override
    public byte[] serialize(String topic, UUID data) {
        return data == null ? null : data.toString().getBytes(charset);
    }
}
