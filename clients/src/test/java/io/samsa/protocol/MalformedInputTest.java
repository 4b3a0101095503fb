package io.samsa.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.samsa.protocol.message.ApiVersionsRequest;
import io.samsa.protocol.message.MetadataRequest;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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
        ByteBuffer full = new RandomMessageBytes(api.id() + version).message(MessageCatalog.spec(api, request), version);
        for (int len = 0; len < full.remaining(); len++) {
            ByteBuffer cut = full.duplicate().limit(len);
            int at = len;
            assertThrows(ProtocolException.class, () -> MessageCatalog.parse(api, request, cut, version), () -> "cut at " + at);
        }
    }

    @ParameterizedTest(name = "{0} v{1} request={2}")
    @MethodSource("everyMessageVersion")
    void garbageNeverEscapesAsAnotherException(ApiKeys api, short version, boolean request) {
        Random random = new Random(api.id() * 31L + version);
        ByteBuffer valid = new RandomMessageBytes(version).message(MessageCatalog.spec(api, request), version);
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
                MessageCatalog.parse(api, request, input, version);
            } catch (ProtocolException expected) {
                // fine
            } catch (RuntimeException e) {
                fail(api + " v" + version + " let " + e + " escape", e);
            }
        }
    }

    @Test
    void lengthPointingBeyondTheBufferIsAProtocolException() {
        ByteBuffer buf = ByteBuffer.allocate(64);
        buf.putShort((short) -1).putShort((short) 1).putInt(1000);   // transactional_id null, acks, timeout
        buf.putInt(1).putShort((short) 1).put((byte) 't');           // one topic "t"
        buf.putInt(1).putInt(0).putInt(1_000_000);                   // one partition, records of 1 MB
        buf.put(new byte[10]).flip();
        ProtocolException e = assertThrows(ProtocolException.class, () -> ApiKeys.PRODUCE.parseRequest(buf, (short) 3));
        assertTrue(e.getMessage().contains("records"), e.getMessage());

        // Metadata v0: one topic whose name claims 200 bytes.
        ByteBuffer name = ByteBuffer.allocate(16).putInt(1).putShort((short) 200).put(new byte[4]).flip();
        e = assertThrows(ProtocolException.class, () -> ApiKeys.METADATA.parseRequest(name, (short) 0));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
    }

    @Test
    void negativeLengthOfANonNullableArrayIsAProtocolException() {
        for (int count : new int[] {-1, -2, Integer.MIN_VALUE}) {
            ByteBuffer buf = ByteBuffer.allocate(32).putShort((short) -1).putShort((short) 1).putInt(1000).putInt(count);
            assertThrows(ProtocolException.class, () -> ApiKeys.PRODUCE.parseRequest(buf.flip(), (short) 3));
        }
        // Metadata v0 topics is not nullable, v1 is.
        ByteBuffer v0 = ByteBuffer.allocate(4).putInt(-1).flip();
        assertThrows(ProtocolException.class, () -> ApiKeys.METADATA.parseRequest(v0, (short) 0));
        ByteBuffer v1 = ByteBuffer.allocate(4).putInt(-1).flip();
        assertEquals(null, ((MetadataRequest) ApiKeys.METADATA.parseRequest(v1, (short) 1)).topics());
        // Produce v9: transactional_id null, acks, timeout, then topic_data as compact "null" (0).
        assertThrows(ProtocolException.class, () -> ApiKeys.PRODUCE.parseRequest(
            ByteBuffer.wrap(new byte[] {0, 0, 1, 0, 0, 0, 0, 0}), (short) 9));
    }

    @Test
    void hugeArrayCountIsRejectedBeforeAllocating() {
        ByteBuffer buf = ByteBuffer.allocate(16).putInt(Integer.MAX_VALUE).putInt(0).flip();
        ProtocolException e = assertThrows(ProtocolException.class,
            () -> ApiKeys.METADATA.parseRequest(buf, (short) 1));
        assertTrue(e.getMessage().contains("topics"), e.getMessage());
    }

    @Test
    void taggedFieldSizeBeyondTheBufferIsAProtocolException() {
        // ApiVersions v3 request: two empty compact strings, then one tag claiming 50 bytes.
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {1, 1, 1, 7, 50, 0});
        assertThrows(ProtocolException.class, () -> ApiKeys.API_VERSIONS.parseRequest(buf, (short) 3));
    }

    @Test
    @Timeout(5)
    void aHugeTaggedFieldCountIsRefusedBeforeLooping() {
        // ApiVersions v3 request: two empty compact strings, then 2^31-1 tagged fields in 9 bytes.
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {1, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 0, 0x7A, 0, 0});
        assertThrows(ProtocolException.class, () -> ApiKeys.API_VERSIONS.parseRequest(buf, (short) 3));
        ByteBuffer header = ByteBuffer.wrap(new byte[] {0, 18, 0, 3, 0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 0});
        assertThrows(ProtocolException.class, () -> RequestHeader.parse(header));
    }

    @Test
    @Timeout(5)
    void aNegativeTaggedFieldSizeIsAProtocolException() {
        // One unknown tagged field whose size is a five-byte varint with bit 31 set (-6 as an int):
        // read as a size it would move the reader backwards.
        byte[] negativeSize = {(byte) 0xFA, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
        ByteBuffer body = ByteBuffer.allocate(16).put(new byte[] {1, 1, 1, 9}).put(negativeSize).put(new byte[] {0, 0}).flip();
        assertThrows(ProtocolException.class, () -> ApiKeys.API_VERSIONS.parseRequest(body, (short) 3));
        ByteBuffer skipped = ByteBuffer.allocate(16).put(new byte[] {1, 9}).put(negativeSize).put(new byte[] {0, 0}).flip();
        assertThrows(ProtocolException.class, () -> WireFormat.skipTaggedFields(skipped));
    }

    @Test
    void unknownTaggedFieldsAreSkipped() {
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {3, 'a', 'b', 2, 'c', 2, 40, 2, 9, 9, 41, 0});
        ApiVersionsRequest r = (ApiVersionsRequest) ApiKeys.API_VERSIONS.parseRequest(buf, (short) 3);
        assertEquals("ab", r.clientSoftwareName());
        assertEquals("c", r.clientSoftwareVersion());
        assertFalse(buf.hasRemaining());
    }

    @Test
    void knownTaggedFieldThatOverrunsItsSizeIsAProtocolException() {
        // ApiVersions v3 response, tag 1 (finalized_features_epoch, an int64) declared as 2 bytes.
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {0, 0, 1, 0, 0, 0, 0, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0});
        assertThrows(ProtocolException.class, () -> ApiKeys.API_VERSIONS.parseResponse(buf, (short) 3));
    }

    @Test
    void unsupportedVersionIsAProtocolExceptionOnRead() {
        assertThrows(ProtocolException.class, () -> ApiKeys.METADATA.parseRequest(ByteBuffer.allocate(10), (short) 13));
        assertThrows(UnsupportedVersionException.class, () -> new MetadataRequest(ByteBuffer.allocate(10), (short) -1));
    }
}
