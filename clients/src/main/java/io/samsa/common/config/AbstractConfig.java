package io.samsa.common.config;

import java.lang.reflect.InvocationTargetException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to values parsed by a {@link ConfigDef}. Immutable once constructed (a subclass
 * may adjust values with {@link #override} in its constructor only); thread-safe.
 */
public abstract class AbstractConfig {

    private final ConfigDef def;
    private final Map<String, Object> values;
    private final Map<String, ?> originals;

    protected AbstractConfig(ConfigDef def, Map<String, ?> originals) {
        this.def = def;
        this.originals = Map.copyOf(originals);
        this.values = def.parse(originals);
    }

    public Map<String, ?> originals() {
        return originals;
    }

    /** Every defined key with its value, unmodifiable. */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * Replaces a parsed value with one derived from the others (for example a setting turned off
     * because another one conflicts with it). For subclass constructors only: after construction
     * the config is shared between threads and must not change.
     *
     * @throws IllegalArgumentException if the key is not defined
     */
    protected final void override(String key, Object value) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("Configuration " + key + " is not defined");
        }
        values.put(key, value);
    }

    /** The keys supplied that the definition does not know, sorted. */
    public Set<String> undefinedKeys() {
        Set<String> unknown = new TreeSet<>();
        for (String key : originals.keySet()) {
            if (!def.isDefined(key)) {
                unknown.add(key);
            }
        }
        return Collections.unmodifiableSet(unknown);
    }

    public boolean isSet(String key) {
        return originals.containsKey(key);
    }

    protected Object get(String key) {
        if (!values.containsKey(key)) {
            throw new IllegalArgumentException("Configuration " + key + " is not defined");
        }
        return values.get(key);
    }

    public int getInt(String key) {
        return ((Number) get(key)).intValue();
    }

    public short getShort(String key) {
        return ((Number) get(key)).shortValue();
    }

    public long getLong(String key) {
        return ((Number) get(key)).longValue();
    }

    public double getDouble(String key) {
        return ((Number) get(key)).doubleValue();
    }

    public boolean getBoolean(String key) {
        return (Boolean) get(key);
    }

    public String getString(String key) {
        return (String) get(key);
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(String key) {
        return (List<String>) get(key);
    }

    /** The class a {@link ConfigType#CLASS} key names, or null when unset. */
    public Class<?> getClass(String key) {
        return (Class<?>) get(key);
    }

    /**
     * A new instance of the class a {@link ConfigType#CLASS} key names, made with its public
     * no-argument constructor; null when the key is unset. The caller configures it.
     *
     * @throws ConfigException naming the key if the class is not a {@code type} or cannot be
     *         instantiated
     */
    public <T> T getConfiguredInstance(String key, Class<T> type) {
        Class<?> c = getClass(key);
        if (c == null) {
            return null;
        }
        if (!type.isAssignableFrom(c)) {
            throw new ConfigException(key, c.getName(), "is not an implementation of " + type.getName());
        }
        try {
            return type.cast(c.getDeclaredConstructor().newInstance());
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new ConfigException("Invalid value " + c.getName() + " for configuration " + key
                    + ": cannot be instantiated (it needs a public no-argument constructor)", e);
        } catch (InvocationTargetException e) {
            throw new ConfigException("Invalid value " + c.getName() + " for configuration " + key
                    + ": its constructor failed: " + e.getCause(), e.getCause());
        }
    }
}
