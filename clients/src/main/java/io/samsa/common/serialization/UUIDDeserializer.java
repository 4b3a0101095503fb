package io.samsa.common.serialization;

import io.samsa.common.errors.SerializationException;
import io.samsa.common.header.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a UUID from its text form in UTF-8 or the charset configured as for
 * {@link StringDeserializer}; text that is not a UUID throws {@link SerializationException}.
 * Thread-safe once configured.
 */
public class UUIDDeserializer implements Deserializer<UUID> {

    private volatile Charset charset = StandardCharsets.UTF_8;

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        charset = Encodings.configured(configs, isKey, "deserializer");
    }

    @Override
    public UUID deserialize(String topic, byte[] data) {
        return data == null ? null : parse(new String(data, charset));
    }

    @Override
    public UUID deserialize(String topic, Headers headers, ByteBuffer data) {
        return data == null ? null : parse(new String(SerdeBytes.copyRemaining(data), charset));
    }

    private static UUID parse(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Error parsing data into UUID", e);
        }
    }
}
