package io.samsa.common.errors;

/**
 * The client is not authorized for a cluster-level operation. Immutable once thrown; safe to pass
 * between threads.
 */
public class ClusterAuthorizationException extends AuthorizationException {

    private static final long serialVersionUID = 1L;

    public ClusterAuthorizationException(String message) {
        super(message);
    }

    public ClusterAuthorizationException(String message, Throwable cause) {
        super(message, cause);
    }
}
