package io.samsa.common.errors;

/**
 * The broker does not support a version of the API the client needs, or a feature the request
 * asks for. The client-side counterpart of the wire-level {@link
 * io.samsa.protocol.UnsupportedVersionException}, which means a message cannot be encoded at a
 * version. Immutable once thrown; safe to pass between threads.
 */
public class UnsupportedVersionException extends ApiException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public UnsupportedVersionException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public UnsupportedVersionException(String message, Throwable cause) {
        super(message, cause);
    }
}
