package io.samsa.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever the bytes, reading either succeeds or throws ProtocolException; nothing else escapes. */
class MalformedInputTest {

    static List<Arguments> everyMessageVersion() {
        return MessageCatalog.everyMessageVersion();
    }

    @ParameterizedTest(name = "{0} v{1} request={2}")
    @MethodSource("everyMessageVersion")
    void everyTruncationIsAProtocolException(ApiKeys api, short version, boolean request) {
        MessageSpec spec = MessageCatalog.spec(api, request);
        ByteBuffer full = MessageCodec.toBuffer(spec, version, new RandomStructs(api.id() + version).message(spec, version));
        for (int len = 0; len < full.remaining(); len++) {
            ByteBuffer cut = full.duplicate().limit(len);
            int at = len;
            assertThrows(ProtocolException.class, () -> MessageCodec.read(spec, version, cut), () -> "cut at " + at);
        }
    }

    @ParameterizedTest(name = "{0} v{1} request={2}")
    @MethodSource("everyMessageVersion")
    void garbageNeverEscapesAsAnotherException(ApiKeys api, short version, boolean request) {
        MessageSpec spec = MessageCatalog.spec(api, request);
        Random random = new Random(api.id() * 31L + version);
        ByteBuffer valid = MessageCodec.toBuffer(spec, version, new RandomStructs(version).message(spec, version));
        for (int i = 0; i < 200; i++) {
            ByteBuffer input;
            if (i % 2 == 0 || valid.remaining() == 0) {
                byte[] b = new byte[random.nextInt(64)];
                random.nextBytes(b);
                input = ByteBuffer.wrap(b);
            } else {
                // A valid message with a few bytes flipped: reaches deeper than pure noise.
                byte[] b = new byte[valid.remaining()];
                valid.duplicate().get(b);
                for (int k = 0; k < 3; k++) {
                    b[random.nextInt(b.length)] = (byte) random.nextInt();
                }
                input = ByteBuffer.wrap(b);
            }
            try {
                MessageCodec.read(spec, version, input);
            } catch (ProtocolException expected) {
                // fine
            } catch (RuntimeException e) {
                fail(spec.name() + " v" + version + " let " + e + " escape", e);
            }
        }
    }

    @Test
    void lengthPointingBeyondTheBufferIsAProtocolException() {
        MessageSpec spec = ApiKeys.PRODUCE.requestSpec();
        ByteBuffer buf = ByteBuffer.allocate(64);
        buf.putShort((short) -1).putShort((short) 1).putInt(1000);   // transactional_id null, acks, timeout
        buf.putInt(1).putShort((short) 1).put((byte) 't');           // one topic "t"
        buf.putInt(1).putInt(0).putInt(1_000_000);                   // one partition, records of 1 MB
        buf.put(new byte[10]).flip();
        ProtocolException e = assertThrows(ProtocolException.class, () -> MessageCodec.read(spec, (short) 3, buf));
        assertTrue(e.getMessage().contains("records"), e.getMessage());

        // Metadata v0: one topic whose name claims 200 bytes.
        ByteBuffer name = ByteBuffer.allocate(16).putInt(1).putShort((short) 200).put(new byte[4]).flip();
        e = assertThrows(ProtocolException.class, () -> MessageCodec.read(ApiKeys.METADATA.requestSpec(), (short) 0, name));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }

    @Test
    void negativeLengthOfANonNullableArrayIsAProtocolException() {
        MessageSpec spec = ApiKeys.PRODUCE.requestSpec();
        for (int count : new int[] {-1, -2, Integer.MIN_VALUE}) {
            ByteBuffer buf = ByteBuffer.allocate(32).putShort((short) -1).putShort((short) 1).putInt(1000).putInt(count);
            assertThrows(ProtocolException.class, () -> MessageCodec.read(spec, (short) 3, buf.flip()));
        }
        // Metadata v0 topics is not nullable, v1 is.
        ByteBuffer v0 = ByteBuffer.allocate(4).putInt(-1).flip();
        assertThrows(ProtocolException.class, () -> MessageCodec.read(ApiKeys.METADATA.requestSpec(), (short) 0, v0));
        ByteBuffer v1 = ByteBuffer.allocate(4).putInt(-1).flip();
        assertEquals(null, MessageCodec.read(ApiKeys.METADATA.requestSpec(), (short) 1, v1).get("topics"));
        // Produce v9: transactional_id null, acks, timeout, then topic_data as compact "null" (0).
        assertThrows(ProtocolException.class, () -> MessageCodec.read(ApiKeys.PRODUCE.requestSpec(), (short) 9,
            ByteBuffer.wrap(new byte[] {0, 0, 1, 0, 0, 0, 0, 0})));
    }

    @Test
    void hugeArrayCountIsRejectedBeforeAllocating() {
        ByteBuffer buf = ByteBuffer.allocate(16).putInt(Integer.MAX_VALUE).putInt(0).flip();
        ProtocolException e = assertThrows(ProtocolException.class,
            () -> MessageCodec.read(ApiKeys.METADATA.requestSpec(), (short) 1, buf));
        assertTrue(e.getMessage().contains("topics"), e.getMessage());
    }

    @Test
    void taggedFieldSizeBeyondTheBufferIsAProtocolException() {
        // ApiVersions v3 request: two empty compact strings, then one tag claiming 50 bytes.
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {1, 1, 1, 7, 50, 0});
        assertThrows(ProtocolException.class, () -> MessageCodec.read(ApiKeys.API_VERSIONS.requestSpec(), (short) 3, buf));
    }

    @Test
    void unknownTaggedFieldsAreSkipped() {
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {3, 'a', 'b', 2, 'c', 2, 40, 2, 9, 9, 41, 0});
        Struct s = MessageCodec.read(ApiKeys.API_VERSIONS.requestSpec(), (short) 3, buf);
        assertEquals("ab", s.getString("client_software_name"));
        assertEquals("c", s.getString("client_software_version"));
        assertFalse(buf.hasRemaining());
    }

    @Test
    void knownTaggedFieldThatOverrunsItsSizeIsAProtocolException() {
        // ApiVersions v3 response, tag 1 (finalized_features_epoch, an int64) declared as 2 bytes.
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {0, 0, 1, 0, 0, 0, 0, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThrows(ProtocolException.class, () -> MessageCodec.read(ApiKeys.API_VERSIONS.responseSpec(), (short) 3, buf));
    }

    @Test
    void unsupportedVersionIsAProtocolExceptionOnReadAndIllegalArgumentOnWrite() {
        MessageSpec spec = ApiKeys.METADATA.requestSpec();
        assertThrows(ProtocolException.class, () -> MessageCodec.read(spec, (short) 13, ByteBuffer.allocate(10)));
        assertThrows(IllegalArgumentException.class, () -> MessageCodec.toBuffer(spec, (short) -1, spec.newStruct()));
    }
}
