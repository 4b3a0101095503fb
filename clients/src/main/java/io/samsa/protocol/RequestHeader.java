package io.samsa.protocol;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The header in front of every request body. Version 0: api key, api version, correlation id;
 * version 1 adds the client id (a classic nullable string even in flexible requests); version 2
 * adds a tagged-field section. Which version an (API, version) uses comes from
 * {@link ApiKeys#requestHeaderVersion}.
 *
 * <p>{@link #parse} always reads the first eight bytes (key, version, correlation id), so the
 * broker can answer an unsupported ApiVersions request with error 35 or log and close for an
 * unknown API; see {@link #isKnownApi()} and {@link #isVersionSupported()}. Immutable.
 */
public final class RequestHeader {

    /** Bytes of api key + api version + correlation id, the part every header version shares. */
    public static final int FIXED_PREFIX_SIZE = 8;

    private final short apiKey;
    private final short apiVersion;
    private final int correlationId;
    private final String clientId;
    private final short headerVersion;

    public RequestHeader(short apiKey, short apiVersion, int correlationId, String clientId) {
        this(apiKey, apiVersion, correlationId, clientId, headerVersionFor(apiKey, apiVersion));
    }

    private RequestHeader(short apiKey, short apiVersion, int correlationId, String clientId, short headerVersion) {
        this.apiKey = apiKey;
        this.apiVersion = apiVersion;
        this.correlationId = correlationId;
        this.clientId = clientId;
        this.headerVersion = headerVersion;
    }

    /**
     * Reads a header from the buffer's position, leaving the position at the body. For an unknown
     * API key only the fixed prefix is consumed (client id null, {@link #headerVersion()} -1); for
     * a known key with a version outside the schema range the header version is extrapolated
     * from the API's flexible versions, as Kafka does. Truncated or malformed input throws
     * {@link ProtocolException}.
     */
    public static RequestHeader parse(ByteBuffer buf) {
        if (buf.remaining() < FIXED_PREFIX_SIZE) {
            throw new ProtocolException("Request header needs " + FIXED_PREFIX_SIZE + " bytes, got " + buf.remaining());
        }
        short key = buf.getShort();
        short version = buf.getShort();
        int correlationId = buf.getInt();
        ApiKeys api = ApiKeys.forId(key);
        if (api == null) {
            return new RequestHeader(key, version, correlationId, null, (short) -1);
        }
        short headerVersion = api.requestHeaderVersion(version);
        String clientId = null;
        try {
            if (headerVersion >= 1) {
                clientId = readNullableString(buf);
            }
            if (headerVersion >= 2) {
                WireFormat.skipTaggedFields(buf);
            }
        } catch (BufferUnderflowException e) {
            throw new ProtocolException("Truncated request header", e);
        }
        return new RequestHeader(key, version, correlationId, clientId, headerVersion);
    }

    /** The api key at the buffer's position, without moving it. */
    public static short peekApiKey(ByteBuffer buf) {
        checkPrefix(buf);
        return buf.getShort(buf.position());
    }

    /** The api version at the buffer's position, without moving it. */
    public static short peekApiVersion(ByteBuffer buf) {
        checkPrefix(buf);
        return buf.getShort(buf.position() + 2);
    }

    /** The correlation id at the buffer's position, without moving it. */
    public static int peekCorrelationId(ByteBuffer buf) {
        checkPrefix(buf);
        return buf.getInt(buf.position() + 4);
    }

    private static void checkPrefix(ByteBuffer buf) {
        if (buf.remaining() < FIXED_PREFIX_SIZE) {
            throw new ProtocolException("Request header needs " + FIXED_PREFIX_SIZE + " bytes, got " + buf.remaining());
        }
    }

    private static String readNullableString(ByteBuffer buf) {
        short length = buf.getShort();
        if (length == -1) {
            return null;
        }
        if (length < 0) {
            throw new ProtocolException("client_id: negative length " + length);
        }
        WireFormat.ensureRemaining(buf, length, "client_id");
        return WireFormat.readUtf8(buf, length);
    }

    private static short headerVersionFor(short apiKey, short apiVersion) {
        ApiKeys api = ApiKeys.forId(apiKey);
        return api == null ? 1 : api.requestHeaderVersion(apiVersion);
    }

    public short apiKey() {
        return apiKey;
    }

    public short apiVersion() {
        return apiVersion;
    }

    public int correlationId() {
        return correlationId;
    }

    public String clientId() {
        return clientId;
    }

    /** 0, 1 or 2; -1 when parsed for an unknown API key. */
    public short headerVersion() {
        return headerVersion;
    }

    /** The API, or null if Samsa does not know this key. */
    public ApiKeys api() {
        return ApiKeys.forId(apiKey);
    }

    public boolean isKnownApi() {
        return ApiKeys.forId(apiKey) != null;
    }

    /** Whether the key is known and its schema can parse this version. */
    public boolean isVersionSupported() {
        ApiKeys api = ApiKeys.forId(apiKey);
        return api != null && apiVersion >= api.oldestVersion() && apiVersion <= api.latestVersion();
    }

    public void writeTo(ProtocolSink sink) {
        sink.writeShort(apiKey);
        sink.writeShort(apiVersion);
        sink.writeInt(correlationId);
        if (headerVersion >= 1) {
            if (clientId == null) {
                sink.writeShort((short) -1);
            } else {
                byte[] bytes = clientId.getBytes(StandardCharsets.UTF_8);
                sink.writeShort((short) bytes.length);
                sink.writeBytes(bytes);
            }
        }
        if (headerVersion >= 2) {
            sink.writeUnsignedVarint(0);
        }
    }

    public int size() {
        int size = FIXED_PREFIX_SIZE;
        if (headerVersion >= 1) {
            size += 2 + (clientId == null ? 0 : WireFormat.utf8Length(clientId));
        }
        if (headerVersion >= 2) {
            size += 1;
        }
        return size;
    }

    @Override
    public String toString() {
        ApiKeys api = api();
        return "RequestHeader(" + (api == null ? "key " + apiKey : api.name()) + " v" + apiVersion
            + ", correlationId=" + correlationId + ", clientId=" + clientId + ")";
    }
}
