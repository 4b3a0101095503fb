package io.samsa.common.serialization;

import io.samsa.common.header.Headers;
import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Turns the bytes of a fetched key or value back into a {@code T}. A consumer calls its
 * deserializers from the thread that polls; the ones in this package are thread-safe anyway
 * (they hold only their configured charset).
 *
 * <p>Deserializers named in the consumer configuration are created with their no-argument
 * constructor and then {@link #configure configured} with the consumer's properties; instances
 * passed to the consumer's constructor are used as they are.
 *
 * @param <T> the type deserialized
 */
public interface Deserializer<T> extends Closeable {

    /**
     * Configures this deserializer from the client's properties, once, before first use.
     *
     * @param configs the client's properties
     * @param isKey whether this deserializer is for keys (else values)
     */
    default void configure(Map<String, ?> configs, boolean isKey) {
    }

    /**
     * The value these bytes encode. {@code data} is null for a null key or value; implementations
     * should then return null (or a value) rather than throw.
     *
     * @param topic the topic the record came from
     * @throws io.samsa.common.errors.SerializationException if the bytes cannot be decoded
     */
    T deserialize(String topic, byte[] data);

    /**
     * As {@link #deserialize(String, byte[])}, with the record's headers (possibly empty). By
     * default ignores the headers.
     */
    default T deserialize(String topic, Headers headers, byte[] data) {
        return deserialize(topic, data);
    }

    /**
     * As {@link #deserialize(String, Headers, byte[])}, reading the remaining bytes of
     * {@code data} without moving its position. The default copies them into an array;
     * implementations that can read the buffer directly should override this.
     */
    default T deserialize(String topic, Headers headers, ByteBuffer data) {
        return deserialize(topic, headers, data == null ? null : SerdeBytes.copyRemaining(data));
    }

    /** Releases whatever the deserializer holds. May be called more than once. */
    @Override
    default void close() {
    }
}
