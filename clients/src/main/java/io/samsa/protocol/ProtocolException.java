package io.samsa.protocol;

/**
 * Bytes on the wire do not form a valid message: truncated input, a length that points past the
 * end of the buffer, a negative count where none is allowed, a null where the schema forbids it.
 * The broker answers it by closing the connection. Immutable.
 */
public class ProtocolException extends RuntimeException {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
