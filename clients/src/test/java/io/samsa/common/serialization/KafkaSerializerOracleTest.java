package io.samsa.common.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Kafka's serializers (kafka-clients 3.9.1, test scope) as the oracle: for many values, each of
 * Samsa's serializers writes the same bytes, each deserializer reads back the value (from an
 * array and from a buffer), and both agree on nulls.
 */
class KafkaSerializerOracleTest {

    private static final String TOPIC = "t";
    private final Random random = new Random(20240611);

    @Test
    void strings() {
        List<String> values = new ArrayList<>(List.of("", "a", "héllo wörld", "日本語", "\uD83D\uDE00 emoji", "\u0000"));
        for (int i = 0; i < 500; i++) {
            values.add(randomString());
        }
        check(values, new StringSerializer(), new StringDeserializer(),
                new org.apache.kafka.common.serialization.StringSerializer());
    }

    @Test
    void stringsInAConfiguredEncoding() {
        for (String charset : List.of("UTF-16", "ISO-8859-1", "UTF-16LE")) {
            for (boolean isKey : new boolean[] {true, false}) {
                Map<String, String> config = Map.of("serializer.encoding", charset, "deserializer.encoding", charset);
                StringSerializer samsa = new StringSerializer();
                samsa.configure(config, isKey);
                var kafka = new org.apache.kafka.common.serialization.StringSerializer();
                kafka.configure(config, isKey);
                StringDeserializer back = new StringDeserializer();
                back.configure(config, isKey);
                for (String s : List.of("abc", "Grüße", "x".repeat(40))) {
                    byte[] bytes = samsa.serialize(TOPIC, s);
                    assertArrayEquals(kafka.serialize(TOPIC, s), bytes, charset);
                    assertEquals(s, back.deserialize(TOPIC, bytes));
                }
            }
        }
    }

    @Test
    void keyAndValueEncodingsOverrideTheCommonOne() {
        Map<String, String> config = Map.of("serializer.encoding", "UTF-8", "key.serializer.encoding", "UTF-16",
                "value.serializer.encoding", "ISO-8859-1");
        StringSerializer key = new StringSerializer();
        key.configure(config, true);
        StringSerializer value = new StringSerializer();
        value.configure(config, false);
        assertArrayEquals("é".getBytes(StandardCharsets.UTF_16), key.serialize(TOPIC, "é"));
        assertArrayEquals("é".getBytes(StandardCharsets.ISO_8859_1), value.serialize(TOPIC, "é"));
    }

    @Test
    void numbers() {
        List<Short> shorts = new ArrayList<>(List.of((short) 0, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE));
        List<Integer> ints = new ArrayList<>(List.of(0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE, 255, 256));
        List<Long> longs = new ArrayList<>(List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40));
        List<Float> floats = new ArrayList<>(List.of(0f, -0f, Float.NaN, Float.MIN_VALUE, Float.MAX_VALUE,
                Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, Float.intBitsToFloat(0x7fc00001)));
        List<Double> doubles = new ArrayList<>(List.of(0d, -0d, Double.NaN, Double.MIN_VALUE, Double.MAX_VALUE,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.longBitsToDouble(0x7ff8000000000001L)));
        for (int i = 0; i < 1000; i++) {
            shorts.add((short) random.nextInt());
            ints.add(random.nextInt());
            longs.add(random.nextLong());
            floats.add(Float.intBitsToFloat(random.nextInt()));
            doubles.add(Double.longBitsToDouble(random.nextLong()));
        }
        check(shorts, new ShortSerializer(), new ShortDeserializer(), new org.apache.kafka.common.serialization.ShortSerializer());
        check(ints, new IntegerSerializer(), new IntegerDeserializer(),
                new org.apache.kafka.common.serialization.IntegerSerializer());
        check(longs, new LongSerializer(), new LongDeserializer(), new org.apache.kafka.common.serialization.LongSerializer());
        checkBytes(floats, new FloatSerializer(), new org.apache.kafka.common.serialization.FloatSerializer());
        checkBytes(doubles, new DoubleSerializer(), new org.apache.kafka.common.serialization.DoubleSerializer());
        roundTripBits(floats, new FloatSerializer(), new FloatDeserializer(), f -> (long) Float.floatToRawIntBits(f));
        // Doubles go through doubleToLongBits, which makes every NaN the canonical one, as in Kafka.
        roundTripBits(doubles, new DoubleSerializer(), new DoubleDeserializer(), Double::doubleToLongBits);
    }

    @Test
    void uuids() {
        List<UUID> values = new ArrayList<>(List.of(new UUID(0, 0), new UUID(-1, -1)));
        for (int i = 0; i < 300; i++) {
            values.add(new UUID(random.nextLong(), random.nextLong()));
        }
        check(values, new UUIDSerializer(), new UUIDDeserializer(), new org.apache.kafka.common.serialization.UUIDSerializer());
    }

    @Test
    void byteArrays() {
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            values.add(randomBytes(random.nextInt(100)));
        }
        ByteArraySerializer samsa = new ByteArraySerializer();
        var kafka = new org.apache.kafka.common.serialization.ByteArraySerializer();
        ByteArrayDeserializer back = new ByteArrayDeserializer();
        for (byte[] v : values) {
            assertArrayEquals(kafka.serialize(TOPIC, v), samsa.serialize(TOPIC, v));
            assertArrayEquals(v, back.deserialize(TOPIC, samsa.serialize(TOPIC, v)));
            assertArrayEquals(v, back.deserialize(TOPIC, null, ByteBuffer.wrap(v)));
        }
        assertNull(samsa.serialize(TOPIC, null));
        assertNull(back.deserialize(TOPIC, (byte[]) null));
    }

    @Test
    void byteBuffersOfEveryShape() {
        ByteBufferSerializer samsa = new ByteBufferSerializer();
        var kafka = new org.apache.kafka.common.serialization.ByteBufferSerializer();
        for (int i = 0; i < 300; i++) {
            byte[] array = randomBytes(1 + random.nextInt(64));
            int from = random.nextInt(array.length);
            int to = from + random.nextInt(array.length - from + 1);
            List<ByteBuffer> shapes = new ArrayList<>();
            shapes.add(ByteBuffer.wrap(array));
            shapes.add(ByteBuffer.wrap(array, from, to - from));
            shapes.add(ByteBuffer.wrap(array, from, to - from).slice());
            ByteBuffer direct = ByteBuffer.allocateDirect(array.length).put(array);
            direct.position(from).limit(to);
            shapes.add(direct);
            shapes.add(ByteBuffer.wrap(array).asReadOnlyBuffer());
            for (ByteBuffer shape : shapes) {
                int position = shape.position();
                // Kafka rewinds the buffer it serializes, so each side gets its own duplicate.
                byte[] expected = kafka.serialize(TOPIC, shape.duplicate());
                assertArrayEquals(expected, samsa.serialize(TOPIC, shape), shape.toString());
                assertEquals(position, shape.position(), "the position is left alone");
                assertEquals(ByteBuffer.wrap(expected), new ByteBufferDeserializer().deserialize(TOPIC, expected));
            }
        }
        assertNull(samsa.serialize(TOPIC, null));
    }

    @Test
    void voids() {
        assertNull(new VoidSerializer().serialize(TOPIC, null));
        assertNull(new org.apache.kafka.common.serialization.VoidSerializer().serialize(TOPIC, null));
        assertNull(new VoidDeserializer().deserialize(TOPIC, (byte[]) null));
        assertNull(new VoidDeserializer().deserialize(TOPIC, null, (ByteBuffer) null));
    }

    @Test
    void serdesPairTheSameClasses() {
        assertSerde(Serdes.String(), StringSerializer.class, StringDeserializer.class);
        assertSerde(Serdes.Long(), LongSerializer.class, LongDeserializer.class);
        assertSerde(Serdes.serdeFrom(Integer.class), IntegerSerializer.class, IntegerDeserializer.class);
        assertSerde(Serdes.serdeFrom(byte[].class), ByteArraySerializer.class, ByteArrayDeserializer.class);
        assertSerde(Serdes.serdeFrom(ByteBuffer.class), ByteBufferSerializer.class, ByteBufferDeserializer.class);
        assertSerde(Serdes.serdeFrom(UUID.class), UUIDSerializer.class, UUIDDeserializer.class);
        assertSerde(Serdes.serdeFrom(Void.class), VoidSerializer.class, VoidDeserializer.class);
    }

    private static void assertSerde(Serde<?> serde, Class<?> serializer, Class<?> deserializer) {
        assertEquals(serializer, serde.serializer().getClass());
        assertEquals(deserializer, serde.deserializer().getClass());
    }

    /** Same bytes as Kafka; back to an equal value from an array, a heap buffer and a direct buffer. */
    private static <T> void check(List<T> values, Serializer<T> samsa, Deserializer<T> back,
                                  org.apache.kafka.common.serialization.Serializer<T> kafka) {
        checkBytes(values, samsa, kafka);
        for (T v : values) {
            byte[] bytes = samsa.serialize(TOPIC, v);
            assertEquals(v, back.deserialize(TOPIC, bytes));
            assertEquals(v, back.deserialize(TOPIC, null, bytes));
            ByteBuffer inMiddle = ByteBuffer.allocate(bytes.length + 6).put(new byte[3]).put(bytes).put(new byte[3]);
            inMiddle.position(3).limit(3 + bytes.length);
            assertEquals(v, back.deserialize(TOPIC, null, inMiddle));
            assertEquals(3, inMiddle.position(), "reading must not move the buffer");
            assertEquals(v, back.deserialize(TOPIC, null, inMiddle.slice()));
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
            assertEquals(v, back.deserialize(TOPIC, null, direct));
        }
        assertNull(back.deserialize(TOPIC, (byte[]) null));
        assertNull(back.deserialize(TOPIC, null, (ByteBuffer) null));
    }

    private static <T> void checkBytes(List<T> values, Serializer<T> samsa,
                                       org.apache.kafka.common.serialization.Serializer<T> kafka) {
        for (T v : values) {
            assertArrayEquals(kafka.serialize(TOPIC, v), samsa.serialize(TOPIC, v), () -> String.valueOf(v));
            assertArrayEquals(kafka.serialize(TOPIC, v), samsa.serialize(TOPIC, null, v));
        }
        assertNull(samsa.serialize(TOPIC, null));
        assertNull(kafka.serialize(TOPIC, null));
    }

    private static <T> void roundTripBits(List<T> values, Serializer<T> samsa, Deserializer<T> back,
                                          Function<T, Long> bits) {
        for (T v : values) {
            byte[] bytes = samsa.serialize(TOPIC, v);
            assertEquals(bits.apply(v), bits.apply(back.deserialize(TOPIC, bytes)));
            assertEquals(bits.apply(v), bits.apply(back.deserialize(TOPIC, null, ByteBuffer.wrap(bytes))));
        }
    }

    private String randomString() {
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            int cp = random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x10000 - 0x80) : 0x20 + random.nextInt(0x5f);
            if (Character.isSurrogate((char) cp)) {
                sb.appendCodePoint(0x1F600 + random.nextInt(50));
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
