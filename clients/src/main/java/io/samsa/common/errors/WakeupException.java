package io.samsa.common.errors;

/**
 * Thrown by a blocking consumer call ({@code poll}, {@code commitSync}, ...) when another thread
 * called {@code wakeup()}: the usual way to break a consumer out of its loop to shut it down.
 * Immutable once thrown; safe to pass between threads.
 */
public class WakeupException extends SamsaException {

    private static final long serialVersionUID = 1L;

    /** Without a message. */
    public WakeupException() {
        super();
    }
}
