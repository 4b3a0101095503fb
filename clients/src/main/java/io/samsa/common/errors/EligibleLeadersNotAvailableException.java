package io.samsa.common.errors;

/**
 * A leader election could not run because no replica eligible to lead the partition is available.
 * Immutable once thrown; safe to pass between threads.
 */
public class EligibleLeadersNotAvailableException extends InvalidMetadataException {

    private static final long serialVersionUID = 1L;

    /** With a message saying what went wrong. */
    public EligibleLeadersNotAvailableException(String message) {
        super(message);
    }

    /** With a message, and the exception that caused this one. */
    public EligibleLeadersNotAvailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
