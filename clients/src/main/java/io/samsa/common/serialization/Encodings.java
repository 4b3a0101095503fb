package io.samsa.common.serialization;

import io.samsa.common.errors.SerializationException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

/**
 * Reads the charset of the string-based serializers from the client properties, with Kafka's
 * keys: {@code key.serializer.encoding} or {@code value.serializer.encoding}, falling back to
 * {@code serializer.encoding}, and UTF-8 when neither is set (the same with {@code deserializer}
 * for deserializers). Stateless; thread-safe.
 */
final class Encodings {

    private Encodings() {
    }

    /**
     * The configured charset.
     *
     * @param role "serializer" or "deserializer"
     * @throws SerializationException if the named charset is unknown or unsupported
     */
    static Charset configured(Map<String, ?> configs, boolean isKey, String role) {
        Object name = configs.get((isKey ? "key." : "value.") + role + ".encoding");
        if (name == null) {
            name = configs.get(role + ".encoding");
        }
        if (!(name instanceof String s)) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(s);
        } catch (UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw new SerializationException("Unsupported encoding " + s, e);
        }
    }
}
