package io.samsa.common.errors;

/**
 * The connection to a broker closed before its answer arrived ({@code NETWORK_EXCEPTION}); the
 * client refreshes its metadata and retries, possibly on another broker. Immutable once thrown;
 * safe to pass between threads.
 */
public class NetworkException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public NetworkException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public NetworkException(String message, Throwable cause) {
        super(message, cause);
    }
}
