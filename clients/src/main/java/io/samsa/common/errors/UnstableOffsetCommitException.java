package io.samsa.common.errors;

/**
 * The group has offsets pending commit by an open transaction, so committed offsets cannot be
 * read yet. Immutable once thrown; safe to pass between threads.
 */
public class UnstableOffsetCommitException extends RetriableException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public UnstableOffsetCommitException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public UnstableOffsetCommitException(String message, Throwable cause) {
        super(message, cause);
    }
}
