package io.samsa.common.serialization;

import io.samsa.common.header.Headers;
import java.io.Closeable;
import java.util.Map;

/**
 * Turns a key or value of type {@code T} into bytes for the producer. A producer calls one
 * serializer from every thread that sends, so implementations must be thread-safe once
 * configured; the ones in this package are (they hold only their configured charset).
 *
 * <p>Serializers named in the producer configuration are created with their no-argument
 * constructor and then {@link #configure configured} with the producer's properties; instances
 * passed to the producer's constructor are used as they are.
 *
 * @param <T> the type serialized
 */
public interface Serializer<T> extends Closeable {

    /**
     * Configures this serializer from the client's properties, once, before first use.
     *
     * @param configs the client's properties
     * @param isKey whether this serializer is for keys (else values)
     */
    default void configure(Map<String, ?> configs, boolean isKey) {
    }

    /**
     * The bytes of {@code data}, or null for a null {@code data} (a null key, or a tombstone).
     *
     * @param topic the topic the record goes to
     */
    byte[] serialize(String topic, T data);

    /**
     * As {@link #serialize(String, Object)}, with the record's headers, which a serializer may read
     * or add to (for example a schema id). By default ignores the headers.
     */
    default byte[] serialize(String topic, Headers headers, T data) {
        return serialize(topic, data);
    }

    /** Releases whatever the serializer holds. May be called more than once. */
    @Override
    default void close() {
    }
}
