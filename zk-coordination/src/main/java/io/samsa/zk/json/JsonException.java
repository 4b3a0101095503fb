package io.samsa.zk.json;

/** Malformed JSON text, or a JSON value that does not have the shape the reader expected. */
public class JsonException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }

    public JsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
