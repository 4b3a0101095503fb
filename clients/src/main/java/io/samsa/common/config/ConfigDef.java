package io.samsa.common.config;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * A registry of configuration keys: one definition per key (type, default, validator, doc,
 * whether it can change at runtime). Parsing a property map against it yields typed values or a
 * {@link ConfigException} naming the offending key. Immutable after construction; thread-safe.
 */
public final class ConfigDef {

    /** Marks a key that has no default and must be supplied. */
    public static final Object NO_DEFAULT = new Object();

    /** One key's definition. */
    public record Key(String name, ConfigType type, Object defaultValue, BiConsumer<String, Object> validator,
                      String doc, boolean dynamic) {
    }

    private final Map<String, Key> keys = new LinkedHashMap<>();

    public ConfigDef define(String name, ConfigType type, Object defaultValue, String doc) {
        return define(name, type, defaultValue, null, doc, false);
    }

    public ConfigDef define(String name, ConfigType type, Object defaultValue, BiConsumer<String, Object> validator,
                            String doc, boolean dynamic) {
        if (keys.containsKey(name)) {
            throw new IllegalStateException("Configuration " + name + " is defined twice");
        }
        Object parsedDefault = defaultValue instanceof String s && type != ConfigType.STRING && type != ConfigType.PASSWORD
                ? type.parse(name, s) : defaultValue;
        keys.put(name, new Key(name, type, parsedDefault, validator, doc, dynamic));
        return this;
    }

    public Collection<Key> keys() {
        return Collections.unmodifiableCollection(keys.values());
    }

    public Key key(String name) {
        return keys.get(name);
    }

    public boolean isDefined(String name) {
        return keys.containsKey(name);
    }

    /**
     * Parses every defined key from {@code props} (falling back to defaults) and validates it.
     * Keys in {@code props} that are not defined are ignored here; callers decide whether to warn.
     */
    public Map<String, Object> parse(Map<String, ?> props) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Key key : keys.values()) {
            Object raw = props.get(key.name());
            Object value;
            if (raw == null) {
                if (key.defaultValue() == NO_DEFAULT) {
                    throw new ConfigException("Missing required configuration " + key.name() + ": " + key.doc());
                }
                value = key.defaultValue();
            } else {
                value = raw instanceof String s ? key.type().parse(key.name(), s) : key.type().coerce(key.name(), raw);
            }
            if (key.validator() != null && value != null) {
                key.validator().accept(key.name(), value);
            }
            values.put(key.name(), value);
        }
        return values;
    }

    /** Validators with messages that name the key. */
    public static BiConsumer<String, Object> atLeast(long min) {
        return (name, v) -> {
            if (((Number) v).doubleValue() < min) {
                throw new ConfigException(name, v, "must be at least " + min);
            }
        };
    }

    public static BiConsumer<String, Object> between(long min, long max) {
        return (name, v) -> {
            double d = ((Number) v).doubleValue();
            if (d < min || d > max) {
                throw new ConfigException(name, v, "must be between " + min + " and " + max);
            }
        };
    }

    public static BiConsumer<String, Object> oneOf(String... allowed) {
        List<String> list = List.of(allowed);
        return (name, v) -> {
            if (v instanceof List<?> values) {
                for (Object each : values) {
                    if (!list.contains(each)) {
                        throw new ConfigException(name, v, "each value must be one of " + list);
                    }
                }
            } else if (!list.contains(Objects.toString(v))) {
                throw new ConfigException(name, v, "must be one of " + list);
            }
        };
    }

    /** One of {@code allowed}, ignoring case (Kafka's rule for enum-like keys such as security.protocol). */
    public static BiConsumer<String, Object> oneOfIgnoringCase(String... allowed) {
        List<String> list = List.of(allowed);
        return (name, v) -> {
            if (list.stream().noneMatch(a -> a.equalsIgnoreCase(Objects.toString(v)))) {
                throw new ConfigException(name, v, "must be one of " + list + " (in any case)");
            }
        };
    }

    public static BiConsumer<String, Object> nonEmpty() {
        return (name, v) -> {
            if ((v instanceof String s && s.isBlank()) || (v instanceof List<?> l && l.isEmpty())) {
                throw new ConfigException(name, v, "must not be empty");
            }
        };
    }
}
