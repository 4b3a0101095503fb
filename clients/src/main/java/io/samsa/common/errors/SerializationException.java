package io.samsa.common.errors;

/**
 * A key or value could not be turned into bytes, or bytes back into a key or value: a
 * deserializer got data of the wrong length or shape, or an encoding is not supported. Not an
 * {@link ApiException}: it happens in the client, before or after the broker is involved.
 * Immutable once thrown; safe to pass between threads.
 */
public class SerializationException extends SamsaException {

    private static final long serialVersionUID = 1L;

    /** With a message, and the exception that caused this one. */
    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** With a message saying what went wrong. */
    public SerializationException(String message) {
        super(message);
    }

    /** Caused by another exception, with its message. */
    public SerializationException(Throwable cause) {
        super(cause);
    }

    /** Without a message. */
    public SerializationException() {
        super();
    }
}
