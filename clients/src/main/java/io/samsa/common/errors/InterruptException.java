package io.samsa.common.errors;

/**
 * A blocking client call was interrupted. It carries the {@link InterruptedException} as its
 * cause and sets the calling thread's interrupt flag again when it is created, so code further up
 * the stack still sees the interrupt even though the exception is unchecked. Immutable once
 * thrown; create it on the interrupted thread, since the constructor marks the current thread.
 */
public class InterruptException extends SamsaException {

    private static final long serialVersionUID = 1L;

    /** Wrapping the interruption; marks the current thread interrupted again. */
    public InterruptException(InterruptedException cause) {
        super(cause);
        Thread.currentThread().interrupt();
    }

    /** With a message, wrapping the interruption; marks the current thread interrupted again. */
    public InterruptException(String message, InterruptedException cause) {
        super(message, cause);
        Thread.currentThread().interrupt();
    }

    /** With a message saying what went wrong. */
    public InterruptException(String message) {
        this(message, new InterruptedException(message));
    }
}
