package io.samsa.common.errors;

/**
 * The calling thread was interrupted while it blocked in the client; the thread's interrupt flag is
 * set again so callers up the stack still see it.
 */
public class InterruptException extends SamsaException {

    private static final long serialVersionUID = 1L;

    public InterruptException(InterruptedException cause) {
        super(cause);
        Thread.currentThread().interrupt();
    }

    public InterruptException(String message, InterruptedException cause) {
        super(message, cause);
        Thread.currentThread().interrupt();
    }
}
