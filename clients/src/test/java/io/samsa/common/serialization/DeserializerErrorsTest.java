package io.samsa.common.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.samsa.common.errors.SerializationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bytes of the wrong length or shape, and unknown encodings, throw {@link SerializationException}. */
class DeserializerErrorsTest {

    @Test
    void wrongLengthsThrow() {
        List<Deserializer<?>> fixed = List.of(new ShortDeserializer(), new IntegerDeserializer(), new LongDeserializer(),
                new FloatDeserializer(), new DoubleDeserializer());
        List<Integer> sizes = List.of(2, 4, 8, 4, 8);
        for (int i = 0; i < fixed.size(); i++) {
            Deserializer<?> d = fixed.get(i);
            int size = sizes.get(i);
            for (int wrong : new int[] {0, size - 1, size + 1}) {
                assertThrows(SerializationException.class, () -> d.deserialize("t", new byte[wrong]), d + " " + wrong);
                assertThrows(SerializationException.class, () -> d.deserialize("t", null, ByteBuffer.allocate(wrong)));
            }
        }
    }

    @Test
    void voidAcceptsOnlyNull() {
        assertThrows(SerializationException.class, () -> new VoidDeserializer().deserialize("t", new byte[0]));
        assertThrows(SerializationException.class, () -> new VoidDeserializer().deserialize("t", null, ByteBuffer.allocate(1)));
    }

    @Test
    void textThatIsNotAUuidThrows() {
        byte[] text = "not-a-uuid".getBytes(StandardCharsets.UTF_8);
        assertThrows(SerializationException.class, () -> new UUIDDeserializer().deserialize("t", text));
        assertThrows(SerializationException.class, () -> new UUIDDeserializer().deserialize("t", null, ByteBuffer.wrap(text)));
    }

    @Test
    void unknownEncodingThrowsWhenConfigured() {
        Map<String, String> bad = Map.of("serializer.encoding", "no-such-charset", "deserializer.encoding", "no-such-charset");
        assertThrows(SerializationException.class, () -> new StringSerializer().configure(bad, true));
        assertThrows(SerializationException.class, () -> new StringDeserializer().configure(bad, false));
        assertThrows(SerializationException.class, () -> new UUIDSerializer().configure(bad, false));
        assertThrows(SerializationException.class, () -> new UUIDDeserializer().configure(bad, true));
    }

    @Test
    void serdeFromRejectsTypesWithoutABuiltInSerde() {
        assertThrows(IllegalArgumentException.class, () -> Serdes.serdeFrom(Object.class));
    }

    @Test
    void defaultBufferDeserializationCopiesTheRemainingBytesOnly() {
        Deserializer<byte[]> d = (topic, data) -> data;
        ByteBuffer b = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
        b.position(1).limit(3);
        assertEquals(ByteBuffer.wrap(new byte[] {2, 3}), ByteBuffer.wrap(d.deserialize("t", null, b)));
        assertEquals(1, b.position());
    }
}
