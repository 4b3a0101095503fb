package io.samsa.common.errors;

/** The root of the client library's unchecked exceptions (Kafka's KafkaException). */
public class SamsaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SamsaException(String message) {
        super(message);
    }

    public SamsaException(String message, Throwable cause) {
        super(message, cause);
    }

    public SamsaException(Throwable cause) {
        super(cause);
    }
}
