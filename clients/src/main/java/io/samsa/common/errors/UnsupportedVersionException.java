package io.samsa.common.errors;

/** The broker does not speak a version of the API this operation needs. */
public class UnsupportedVersionException extends ApiException {

    private static final long serialVersionUID = 1L;

    public UnsupportedVersionException(String message) {
        super(message);
    }

    public UnsupportedVersionException(String message, Throwable cause) {
        super(message, cause);
    }

    public UnsupportedVersionException(Throwable cause) {
        super(cause);
    }
}
