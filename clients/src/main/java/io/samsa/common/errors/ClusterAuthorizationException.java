package io.samsa.common.errors;

/**
 * The client is not authorized for a cluster-level operation. Immutable once thrown; safe to pass
 * between threads.
 */
public class ClusterAuthorizationException extends AuthorizationException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public ClusterAuthorizationException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public ClusterAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
