package io.samsa.common.serialization;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Factory of the built-in {@link Serde}s, named as Kafka names them ({@code Serdes.String()},
 * {@code Serdes.Long()}, ...). Each call returns a new, unconfigured serde. Stateless;
 * thread-safe.
 */
public final class Serdes {

    private Serdes() {
    }

    /**
     * A serde made of a given serializer and deserializer; configuring or closing it configures or
     * closes both. As thread-safe as the two it holds.
     *
     * @param <T> the type
     */
    public static class WrapperSerde<T> implements Serde<T> {
        private final Serializer<T> serializer;
        private final Deserializer<T> deserializer;

        /** A serde of these two; neither may be null. */
        public WrapperSerde(Serializer<T> serializer, Deserializer<T> deserializer) {
            this.serializer = Objects.requireNonNull(serializer, "serializer");
            this.deserializer = Objects.requireNonNull(deserializer, "deserializer");
        }

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            serializer.configure(configs, isKey);
            deserializer.configure(configs, isKey);
        }

        @Override
        public void close() {
            serializer.close();
            deserializer.close();
        }

        @Override
        public Serializer<T> serializer() {
            return serializer;
        }

        @Override
        public Deserializer<T> deserializer() {
            return deserializer;
        }
    }

    /** A serde of a given serializer and deserializer. */
    public static <T> Serde<T> serdeFrom(Serializer<T> serializer, Deserializer<T> deserializer) {
        return new WrapperSerde<>(serializer, deserializer);
    }

    /**
     * The built-in serde for a type: String, Short, Integer, Long, Float, Double, byte[],
     * ByteBuffer, UUID or Void.
     *
     * @throws IllegalArgumentException for any other type
     */
    @SuppressWarnings("unchecked")
    public static <T> Serde<T> serdeFrom(Class<T> type) {
        Serde<?> serde;
        if (type == String.class) {
            serde = String();
        } else if (type == Short.class) {
            serde = Short();
        } else if (type == Integer.class) {
            serde = Integer();
        } else if (type == Long.class) {
            serde = Long();
        } else if (type == Float.class) {
            serde = Float();
        } else if (type == Double.class) {
            serde = Double();
        } else if (type == byte[].class) {
            serde = ByteArray();
        } else if (ByteBuffer.class.isAssignableFrom(type)) {
            serde = ByteBuffer();
        } else if (type == UUID.class) {
            serde = UUID();
        } else if (type == Void.class) {
            serde = Void();
        } else {
            throw new IllegalArgumentException("Unknown class for built-in serializer. Supported types are: "
                    + "String, Short, Integer, Long, Float, Double, ByteArray, ByteBuffer, UUID, Void");
        }
        return (Serde<T>) serde;
    }

    // Capitalised like Kafka's, so code written against Kafka's Serdes reads the same.

    /** Strings in UTF-8 (or the configured encoding). */
    public static Serde<String> String() {
        return serdeFrom(new StringSerializer(), new StringDeserializer());
    }

    /** 2-byte big-endian shorts. */
    public static Serde<Short> Short() {
        return serdeFrom(new ShortSerializer(), new ShortDeserializer());
    }

    /** 4-byte big-endian ints. */
    public static Serde<Integer> Integer() {
        return serdeFrom(new IntegerSerializer(), new IntegerDeserializer());
    }

    /** 8-byte big-endian longs. */
    public static Serde<Long> Long() {
        return serdeFrom(new LongSerializer(), new LongDeserializer());
    }

    /** 4-byte big-endian floats. */
    public static Serde<Float> Float() {
        return serdeFrom(new FloatSerializer(), new FloatDeserializer());
    }

    /** 8-byte big-endian doubles. */
    public static Serde<Double> Double() {
        return serdeFrom(new DoubleSerializer(), new DoubleDeserializer());
    }

    /** Byte arrays as they are. */
    public static Serde<byte[]> ByteArray() {
        return serdeFrom(new ByteArraySerializer(), new ByteArrayDeserializer());
    }

    /** Byte buffers. */
    public static Serde<ByteBuffer> ByteBuffer() {
        return serdeFrom(new ByteBufferSerializer(), new ByteBufferDeserializer());
    }

    /** UUIDs as their text form. */
    public static Serde<UUID> UUID() {
        return serdeFrom(new UUIDSerializer(), new UUIDDeserializer());
    }

    /** Always-null keys or values. */
    public static Serde<Void> Void() {
        return serdeFrom(new VoidSerializer(), new VoidDeserializer());
    }
}
