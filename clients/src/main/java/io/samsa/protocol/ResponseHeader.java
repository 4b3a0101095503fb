package io.samsa.protocol;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * The header in front of every response body: version 0 is the correlation id alone, version 1
 * adds an (empty, on our side) tagged-field section. ApiVersions responses always use version 0
 * so that a client that sent a too-new request can still read the error. Stateless helpers.
 */
public final class ResponseHeader {

    private ResponseHeader() {
    }

    public static void write(ProtocolSink sink, int correlationId, short headerVersion) {
        sink.writeInt(correlationId);
        if (headerVersion >= 1) {
            sink.writeUnsignedVarint(0);
        }
    }

    public static int size(short headerVersion) {
        return headerVersion >= 1 ? 5 : 4;
    }

    /** Reads the header from the buffer's position, leaving the position at the body. */
    public static int readCorrelationId(ByteBuffer buf, short headerVersion) {
        try {
            int correlationId = buf.getInt();
            if (headerVersion >= 1) {
                WireFormat.skipTaggedFields(buf);
            }
            return correlationId;
        } catch (BufferUnderflowException e) {
            throw new ProtocolException("Truncated response header", e);
        }
    }
}
