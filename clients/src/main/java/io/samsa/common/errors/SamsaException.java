package io.samsa.common.errors;

/**
 * The root of every exception the Samsa client library throws on purpose, the counterpart of
 * Kafka's {@code KafkaException}. Unchecked, so application code catches what it can handle and
 * lets the rest propagate. Instances are immutable once thrown; safe to pass between threads.
 */
public class SamsaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message, and the exception that caused this one. */
    public SamsaException(String message, Throwable cause) {
        super(message, cause);
    }

    /** With a message saying what went wrong. */
    public SamsaException(String message) {
        super(message);
    }

    /** Caused by another exception, with its message. */
    public SamsaException(Throwable cause) {
        super(cause);
    }

    /** Without a message. */
    public SamsaException() {
        super();
    }
}
