package io.samsa.common.config;

import java.util.List;
import java.util.Map;

/** Typed access to values parsed by a {@link ConfigDef}. Immutable; thread-safe. */
public abstract class AbstractConfig {

    private final Map<String, Object> values;
    private final Map<String, ?> originals;

    protected AbstractConfig(ConfigDef def, Map<String, ?> originals) {
        this.originals = Map.copyOf(originals);
        this.values = def.parse(originals);
    }

    public Map<String, ?> originals() {
        return originals;
    }

    public Map<String, Object> values() {
        return values;
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
}
