package io.samsa.zk.json;

import java.nio.charset.StandardCharsets;

/**
 * Entry point of Samsa's small JSON library (RFC 8259): {@link #parse} turns text into plain values
 * and {@link #write} turns them back into compact text. Stateless and thread-safe.
 *
 * <p>Value model, both ways: a JSON object is a {@link JsonObject} (keys keep their order), an array
 * is a {@code java.util.List<Object>}, a string a {@code String}, a number a {@code Long} when it is
 * an integer that fits, else a {@code java.math.BigInteger} or a {@code Double}, {@code true}/{@code false}
 * a {@code Boolean}, and {@code null} is Java {@code null}. The writer also accepts any
 * {@code Map<String, ?>}, {@code Collection}, {@code Integer}/{@code Short}/{@code Byte},
 * {@code Float}/{@code BigDecimal} and {@code int[]}.
 */
public final class Json {

    private Json() {
    }

    /** Parses one JSON value; trailing non-whitespace is an error. */
    public static Object parse(String text) {
        return new JsonParser(text).parseDocument();
    }

    /** Parses UTF-8 encoded JSON, as stored in ZooKeeper. */
    public static Object parse(byte[] utf8) {
        return parse(new String(utf8, StandardCharsets.UTF_8));
    }

    /** Parses text whose top-level value must be an object. */
    public static JsonObject parseObject(String text) {
        Object value = parse(text);
        if (value instanceof JsonObject object) {
            return object;
        }
        throw new JsonException("Expected a JSON object but got " + JsonObject.describe(value));
    }

    public static JsonObject parseObject(byte[] utf8) {
        return parseObject(new String(utf8, StandardCharsets.UTF_8));
    }

    /** Compact JSON text (no insignificant whitespace), as Jackson writes it by default. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(64);
        JsonWriter.write(value, out, 0);
        return out.toString();
    }

    public static byte[] writeBytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }
}
