package io.samsa.common.config;

import io.samsa.common.errors.SamsaException;

/**
 * A configuration value that is missing or invalid. The message always names the key. A
 * {@link SamsaException}, as Kafka's is a {@code KafkaException}, so that code catching the
 * client library's exceptions catches configuration mistakes too. Immutable once thrown.
 */
public class ConfigException extends SamsaException {

    private static final long serialVersionUID = 1L;

    /** With a message that names the key. */
    public ConfigException(String message) {
        super(message);
    }

    /** With a message that names the key, and the exception that caused this one. */
    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "Invalid value {@code value} for configuration {@code key}: {@code problem}". */
    public ConfigException(String key, Object value, String problem) {
        super("Invalid value " + value + " for configuration " + key + ": " + problem);
    }
}
