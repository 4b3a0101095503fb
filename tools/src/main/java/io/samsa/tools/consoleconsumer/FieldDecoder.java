package io.samsa.tools.consoleconsumer;

import io.samsa.common.header.Headers;
import io.samsa.common.serialization.Deserializer;
import io.samsa.tools.cli.UsageException;

import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * How a key, value or header value is shown: its bytes as they are (the default), or, when a
 * deserializer is named ({@code key.deserializer=...LongDeserializer}), the text of what that
 * deserializer makes of them. A null field is the {@code null.literal}. Deserializers are Samsa's
 * ({@code io.samsa.common.serialization}); Kafka's class names of the same deserializers are
 * accepted and mean Samsa's. Immutable; used by the consumer's thread only.
 */
final class FieldDecoder {

    private static final String SAMSA_PACKAGE = "io.samsa.common.serialization.";
    private static final String KAFKA_PACKAGE = "org.apache.kafka.common.serialization.";

    private final Deserializer<?> deserializer;
    private final byte[] nullLiteral;

    private FieldDecoder(Deserializer<?> deserializer, byte[] nullLiteral) {
        this.deserializer = deserializer;
        this.nullLiteral = nullLiteral;
    }

    static FieldDecoder raw(String nullLiteral) {
        return new FieldDecoder(null, nullLiteral.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A decoder through the deserializer class {@code className} (null for raw bytes), configured
     * with the formatter settings under {@code <option>.} ({@code value.deserializer.encoding=...}).
     *
     * @throws UsageException when the class is not one of the deserializers there are
     */
    static FieldDecoder of(String option, String className, Map<String, String> settings, boolean isKey,
                           String nullLiteral) throws UsageException {
        if (className == null) {
            return raw(nullLiteral);
        }
        String name = className.trim();
        if (name.startsWith(KAFKA_PACKAGE)) {
            name = SAMSA_PACKAGE + name.substring(KAFKA_PACKAGE.length());
        } else if (!name.contains(".")) {
            name = SAMSA_PACKAGE + name;
        }
        Deserializer<?> d;
        try {
            Class<?> c = Class.forName(name);
            if (!Deserializer.class.isAssignableFrom(c)) {
                throw new UsageException(option + " " + className + " is not a deserializer");
            }
            d = (Deserializer<?>) c.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new UsageException(option + " " + className + ": no such deserializer (for example "
                    + KAFKA_PACKAGE + "LongDeserializer or StringDeserializer)");
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new UsageException(option + " " + className + ": cannot create it: " + e);
        }
        String prefix = option + ".";
        Map<String, Object> config = new java.util.HashMap<>();
        settings.forEach((k, v) -> {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                config.put(k.substring(prefix.length()), v);
            }
        });
        d.configure(config, isKey);
        return new FieldDecoder(d, nullLiteral.getBytes(StandardCharsets.UTF_8));
    }

    /** The bytes to print for {@code data} (null when the field is null). */
    byte[] decode(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return nullLiteral;
        }
        if (deserializer == null) {
            return data;
        }
        Object o = deserializer.deserialize(topic, headers, data);
        return String.valueOf(o).getBytes(StandardCharsets.UTF_8);
    }
}
