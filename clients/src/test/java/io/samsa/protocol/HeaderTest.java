package io.samsa.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.MessageUtil;
import org.junit.jupiter.api.Test;

class HeaderTest {

    @Test
    void parsesRequestHeaderV1() {
        ByteBuffer buf = ByteBuffer.allocate(64);
        buf.putShort((short) 0).putShort((short) 7).putInt(42);
        putClassicString(buf, "client-1");
        buf.putInt(0xCAFEBABE).flip();   // start of the body

        RequestHeader h = RequestHeader.parse(buf);
        assertEquals(0, h.apiKey());
        assertEquals(7, h.apiVersion());
        assertEquals(42, h.correlationId());
        assertEquals("client-1", h.clientId());
        assertEquals(1, h.headerVersion());
        assertEquals(ApiKeys.PRODUCE, h.api());
        assertTrue(h.isVersionSupported());
        assertEquals(0xCAFEBABE, buf.getInt(), "position is at the body");
    }

    @Test
    void parsesRequestHeaderV2WithNullClientIdAndUnknownTaggedField() {
        ByteBuffer buf = ByteBuffer.allocate(64);
        buf.putShort((short) 1).putShort((short) 16).putInt(-7).putShort((short) -1);
        buf.put((byte) 1).put((byte) 9).put((byte) 2).put((byte) 0xAA).put((byte) 0xBB);   // tag 9, 2 bytes
        buf.put((byte) 0x55).flip();

        RequestHeader h = RequestHeader.parse(buf);
        assertEquals(ApiKeys.FETCH, h.api());
        assertEquals(16, h.apiVersion());
        assertEquals(-7, h.correlationId());
        assertNull(h.clientId());
        assertEquals(2, h.headerVersion());
        assertEquals(0x55, buf.get());
        assertFalse(buf.hasRemaining());
    }

    @Test
    void clientIdStaysAClassicStringInHeaderV2() {
        RequestHeader h = new RequestHeader((short) 18, (short) 3, 5, "caf\u00e9");
        assertEquals(2, h.headerVersion());
        ByteBuffer buf = write(h);
        assertEquals(8 + 2 + 5 + 1, buf.remaining());
        assertEquals(5, buf.getShort(8), "int16 length, not a compact varint");
        RequestHeader back = RequestHeader.parse(buf);
        assertEquals("caf\u00e9", back.clientId());
        assertFalse(buf.hasRemaining());
    }

    @Test
    void requestHeaderBytesMatchKafka() {
        for (ApiKeys api : ApiKeys.values()) {
            for (short v = api.oldestVersion(); v <= api.latestVersion(); v++) {
                for (String clientId : new String[] {"producer-1", null, ""}) {
                    RequestHeader h = new RequestHeader(api.id(), v, 1234 + v, clientId);
                    RequestHeaderData kafka = new RequestHeaderData().setRequestApiKey(api.id()).setRequestApiVersion(v)
                        .setCorrelationId(1234 + v).setClientId(clientId);
                    short hv = org.apache.kafka.common.protocol.ApiKeys.forId(api.id()).requestHeaderVersion(v);
                    assertEquals(MessageUtil.toByteBuffer(kafka, hv), write(h), api + " v" + v);
                }
            }
        }
    }

    @Test
    void responseHeadersMatchKafkaAndApiVersionsAlwaysUsesV0() {
        for (short hv = 0; hv <= 1; hv++) {
            ByteBuffer ours = ByteBuffer.allocate(ResponseHeader.size(hv));
            ResponseHeader.write(new ByteBufferSink(ours), 99, hv);
            ours.flip();
            assertEquals(MessageUtil.toByteBuffer(new ResponseHeaderData().setCorrelationId(99), hv), ours);
            assertEquals(99, ResponseHeader.readCorrelationId(ours, hv));
            assertFalse(ours.hasRemaining());
        }
        for (short v = 0; v <= ApiKeys.API_VERSIONS.latestVersion() + 2; v++) {
            assertEquals(0, ApiKeys.API_VERSIONS.responseHeaderVersion(v));
        }
        assertEquals(1, ApiKeys.METADATA.responseHeaderVersion((short) 9));
        assertEquals(0, ApiKeys.METADATA.responseHeaderVersion((short) 8));
    }

    @Test
    void responseHeaderV1SkipsTaggedFields() {
        ByteBuffer buf = ByteBuffer.wrap(new byte[] {0, 0, 0, 5, 1, 3, 1, 7, 9});
        assertEquals(5, ResponseHeader.readCorrelationId(buf, (short) 1));
        assertEquals(9, buf.get());
    }

    @Test
    void unknownApiKeyStillYieldsKeyVersionAndCorrelationId() {
        ByteBuffer buf = ByteBuffer.allocate(16).putShort((short) 999).putShort((short) 3).putInt(77).putShort((short) 0);
        buf.flip();
        assertEquals(999, RequestHeader.peekApiKey(buf));
        assertEquals(3, RequestHeader.peekApiVersion(buf));
        assertEquals(77, RequestHeader.peekCorrelationId(buf));
        assertEquals(0, buf.position(), "peeking does not move");
        RequestHeader h = RequestHeader.parse(buf);
        assertFalse(h.isKnownApi());
        assertFalse(h.isVersionSupported());
        assertEquals(999, h.apiKey());
        assertEquals(3, h.apiVersion());
        assertEquals(77, h.correlationId());
        assertEquals(8, buf.position());
    }

    @Test
    void tooNewApiVersionsRequestParsesWithExtrapolatedHeaderVersion() {
        RequestHeader sent = new RequestHeader((short) 18, (short) 9, 3, "future-client");
        assertEquals(2, sent.headerVersion());
        RequestHeader h = RequestHeader.parse(write(sent));
        assertEquals(ApiKeys.API_VERSIONS, h.api());
        assertFalse(h.isVersionSupported());
        assertEquals("future-client", h.clientId());
        assertEquals(3, h.correlationId());
    }

    @Test
    void controlledShutdownV0UsesHeaderV0WithoutClientId() {
        assertEquals(0, ApiKeys.CONTROLLED_SHUTDOWN.requestHeaderVersion((short) 0));
        RequestHeader sent = new RequestHeader((short) 7, (short) 0, 8, "ignored");
        assertEquals(8, sent.size());
        RequestHeader h = RequestHeader.parse(write(sent));
        assertNull(h.clientId());
        assertEquals(8, h.correlationId());
    }

    @Test
    void truncatedOrGarbageHeadersThrowProtocolException() {
        assertThrows(ProtocolException.class, () -> RequestHeader.parse(ByteBuffer.allocate(5)));
        assertThrows(ProtocolException.class, () -> RequestHeader.peekCorrelationId(ByteBuffer.allocate(7)));
        // Client id length points beyond the buffer.
        ByteBuffer longId = ByteBuffer.allocate(14).putShort((short) 3).putShort((short) 1).putInt(1).putShort((short) 300);
        assertThrows(ProtocolException.class, () -> RequestHeader.parse(longId.flip()));
        // Negative client id length other than -1.
        ByteBuffer negative = ByteBuffer.allocate(10).putShort((short) 3).putShort((short) 1).putInt(1).putShort((short) -5);
        assertThrows(ProtocolException.class, () -> RequestHeader.parse(negative.flip()));
        // Client id length field itself cut off.
        ByteBuffer cut = ByteBuffer.allocate(9).putShort((short) 3).putShort((short) 1).putInt(1).put((byte) 0);
        assertThrows(ProtocolException.class, () -> RequestHeader.parse(cut.flip()));
        // Header v2 whose tagged section is missing or lies about its size.
        ByteBuffer noTags = ByteBuffer.allocate(10).putShort((short) 18).putShort((short) 3).putInt(1).putShort((short) -1);
        assertThrows(ProtocolException.class, () -> RequestHeader.parse(noTags.flip()));
        ByteBuffer badTag = ByteBuffer.allocate(14).putShort((short) 18).putShort((short) 3).putInt(1).putShort((short) -1)
            .put((byte) 1).put((byte) 0).put((byte) 100);
        assertThrows(ProtocolException.class, () -> RequestHeader.parse(badTag.flip()));
        assertThrows(ProtocolException.class, () -> ResponseHeader.readCorrelationId(ByteBuffer.allocate(3), (short) 0));
        assertThrows(ProtocolException.class, () -> ResponseHeader.readCorrelationId(ByteBuffer.allocate(4), (short) 1));
        ByteBuffer endlessVarint = ByteBuffer.wrap(new byte[] {0, 0, 0, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1});
        assertThrows(ProtocolException.class, () -> ResponseHeader.readCorrelationId(endlessVarint, (short) 1));
    }

    private static ByteBuffer write(RequestHeader h) {
        ByteBuffer buf = ByteBuffer.allocate(h.size());
        h.writeTo(new ByteBufferSink(buf));
        assertFalse(buf.hasRemaining(), "size() matches what writeTo wrote");
        return buf.flip();
    }

    private static void putClassicString(ByteBuffer buf, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        buf.putShort((short) b.length).put(b);
    }
}
