package io.samsa.common.errors;

/**
 * An error a broker answered with (or the client's own reading of such an answer). Each
 * {@link io.samsa.common.Errors} code maps to one subclass, or to this class itself for codes
 * without a dedicated one; see {@link io.samsa.common.Errors#exception(String)}. Immutable once
 * thrown; safe to pass between threads.
 *
 * <p>No stack trace is filled in: the error happened on a broker, so where the client created the
 * exception says nothing, and creating one per failed partition should stay cheap.
 */
public class ApiException extends SamsaException {

    private static final long serialVersionUID = 1L;

    /** With a message, and the exception that caused this one. */
    public ApiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** With a message saying what went wrong. */
    public ApiException(String message) {
        super(message);
    }

    /** Caused by another exception, with its message. */
    public ApiException(Throwable cause) {
        super(cause);
    }

    /** Without a message. */
    public ApiException() {
        super();
    }

    @Override
    public Throwable fillInStackTrace() {
        return this;
    }
}
