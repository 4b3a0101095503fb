package io.samsa.core.server.admin;

/**
 * One configuration value as DescribeConfigs and CreateTopics report it, with Kafka's source and
 * type codes. Immutable.
 */
public record ConfigEntry(String name, String value, boolean readOnly, byte source, boolean sensitive, byte type) {

    public static final byte SOURCE_DYNAMIC_TOPIC_CONFIG = 1;
    public static final byte SOURCE_STATIC_BROKER_CONFIG = 4;
    public static final byte SOURCE_DEFAULT_CONFIG = 5;

    public static final byte TYPE_UNKNOWN = 0;
    public static final byte TYPE_BOOLEAN = 1;
    public static final byte TYPE_STRING = 2;
    public static final byte TYPE_INT = 3;
    public static final byte TYPE_SHORT = 4;
    public static final byte TYPE_LONG = 5;
    public static final byte TYPE_DOUBLE = 6;
    public static final byte TYPE_LIST = 7;

    /** Kafka's text for a parsed value: lists comma-separated, null as null. */
    public static String format(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    public static byte typeOf(Object value) {
        if (value instanceof Boolean) {
            return TYPE_BOOLEAN;
        } else if (value instanceof Integer) {
            return TYPE_INT;
        } else if (value instanceof Short) {
            return TYPE_SHORT;
        } else if (value instanceof Long) {
            return TYPE_LONG;
        } else if (value instanceof Double) {
            return TYPE_DOUBLE;
        } else if (value instanceof java.util.List<?>) {
            return TYPE_LIST;
        } else if (value instanceof String) {
            return TYPE_STRING;
        }
        return TYPE_UNKNOWN;
    }
}
