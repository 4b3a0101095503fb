package io.samsa.common.errors;

/** A failure that may go away if the operation is tried again. */
public class RetriableException extends ApiException {

    private static final long serialVersionUID = 1L;

    public RetriableException(String message) {
        super(message);
    }

    public RetriableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RetriableException(Throwable cause) {
        super(cause);
    }
}
