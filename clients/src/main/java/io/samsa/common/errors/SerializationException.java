package io.samsa.common.errors;

/**
 * A key or value could not be turned into bytes, or bytes back into a key or value: a
 * deserializer got data of the wrong length or shape, or an encoding is not supported. Not an
 * {@link ApiException}: it happens in the client, before or after the broker is involved.
 * Immutable once thrown; safe to pass between threads.
 */
public class SerializationException extends SamsaException {

    private static final long serialVersionUID = 1L;

    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }

    public SerializationException(String message) {
        super(message);
    }

    public SerializationException(Throwable cause) {
        super(cause);
    }

    public SerializationException() {
        super();
    }
}
