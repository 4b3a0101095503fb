package io.samsa.common.config;

import java.util.ArrayList;
import java.util.List;

/**
 * How a configuration value is parsed from a string, or checked and converted when it is given
 * as a Java object (a client's {@code Map} may hold an {@code Integer}, a {@code List} or a
 * {@code Class}). Errors name the key. Immutable.
 */
public enum ConfigType {
    BOOLEAN, INT, SHORT, LONG, DOUBLE, STRING, LIST, PASSWORD,
    /**
     * A class, given as a {@code Class} or by name; parsed to the {@code Class}. Kafka's class
     * names are read as their Samsa counterparts (see {@link ClassNames}), since client
     * configurations are often copied from Kafka's.
     */
    CLASS;

    Object parse(String key, String raw) {
        String v = raw.trim();
        try {
            return switch (this) {
                case BOOLEAN -> {
                    if (v.equalsIgnoreCase("true")) {
                        yield Boolean.TRUE;
                    }
                    if (v.equalsIgnoreCase("false")) {
                        yield Boolean.FALSE;
                    }
                    throw new ConfigException(key, raw, "expected true or false");
                }
                case INT -> Integer.parseInt(v);
                case SHORT -> Short.parseShort(v);
                case LONG -> Long.parseLong(v);
                case DOUBLE -> Double.parseDouble(v);
                case STRING, PASSWORD -> v;
                case CLASS -> ClassNames.load(key, v);
                case LIST -> {
                    List<String> out = new ArrayList<>();
                    if (!v.isEmpty()) {
                        for (String part : v.split(",")) {
                            String p = part.trim();
                            if (!p.isEmpty()) {
                                out.add(p);
                            }
                        }
                    }
                    yield List.copyOf(out);
                }
            };
        } catch (NumberFormatException e) {
            throw new ConfigException(key, raw, "expected " + name().toLowerCase() + " number");
        }
    }

    /**
     * Checks a value given as an object rather than a string, converting it where no information
     * is lost: any whole number of the right range for INT, SHORT and LONG, any number for DOUBLE,
     * a list of strings or classes (stored as names) for LIST, a class or class name for CLASS.
     *
     * @throws ConfigException naming the key for a value of another type
     */
    Object coerce(String key, Object value) {
        switch (this) {
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                break;
            case INT:
                if (isWhole(value) && fits(value, Integer.MIN_VALUE, Integer.MAX_VALUE)) {
                    return ((Number) value).intValue();
                }
                break;
            case SHORT:
                if (isWhole(value) && fits(value, Short.MIN_VALUE, Short.MAX_VALUE)) {
                    return ((Number) value).shortValue();
                }
                break;
            case LONG:
                if (isWhole(value)) {
                    return ((Number) value).longValue();
                }
                break;
            case DOUBLE:
                if (value instanceof Number n) {
                    return n.doubleValue();
                }
                break;
            case STRING:
            case PASSWORD:
                if (value instanceof String) {
                    return value;
                }
                break;
            case LIST:
                if (value instanceof List<?> list) {
                    List<String> out = new ArrayList<>(list.size());
                    for (Object each : list) {
                        if (each instanceof String s) {
                            out.add(s.trim());
                        } else if (each instanceof Class<?> c) {
                            out.add(c.getName());
                        } else {
                            throw new ConfigException(key, value, "expected a list of strings");
                        }
                    }
                    return List.copyOf(out);
                }
                break;
            case CLASS:
                if (value instanceof Class<?> c) {
                    return ClassNames.isKafkaName(c.getName()) ? ClassNames.load(key, c.getName()) : c;
                }
                break;
            default:
                throw new AssertionError(this);
        }
        throw new ConfigException(key, value, "expected " + describe() + ", not a " + value.getClass().getName());
    }

    private String describe() {
        return switch (this) {
            case LIST -> "a list or a comma-separated string";
            case CLASS -> "a class or a class name";
            default -> "a value of type " + name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static boolean isWhole(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte;
    }

    private static boolean fits(Object v, long min, long max) {
        long l = ((Number) v).longValue();
        return l >= min && l <= max;
    }
}
