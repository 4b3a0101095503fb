package io.samsa.common.serialization;

import java.io.Closeable;
import java.util.Map;

/**
 * A serializer and a deserializer for the same type, kept together so that code which both
 * writes and reads a type names it once. As thread-safe as the two it holds.
 *
 * @param <T> the type
 */
public interface Serde<T> extends Closeable {

    /** Configures both halves; see {@link Serializer#configure}. */
    default void configure(Map<String, ?> configs, boolean isKey) {
    }

    /** Closes both halves. */
    @Override
    default void close() {
    }

    /** The serializer half. */
    Serializer<T> serializer();

    /** The deserializer half. */
    Deserializer<T> deserializer();
}
