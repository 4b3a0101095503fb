package io.samsa.common.config;

/** A configuration value that is missing or invalid. The message always names the key. */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConfigException(String key, Object value, String problem) {
        super("Invalid value " + value + " for configuration " + key + ": " + problem);
    }
}
