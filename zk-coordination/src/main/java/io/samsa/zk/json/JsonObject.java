package io.samsa.zk.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A JSON object: an insertion-ordered map from keys to values of the {@link Json} value model, with
 * typed getters that fail with a clear {@link JsonException} naming the key when a value is missing
 * or has the wrong type. Used both to read parsed documents and to build documents to write
 * ({@link #put} returns {@code this}). Not thread-safe; share only when no longer modified.
 */
public final class JsonObject {

    private final LinkedHashMap<String, Object> fields = new LinkedHashMap<>();

    public JsonObject() {
    }

    /** Adds or replaces a field; returns this object for chaining. */
    public JsonObject put(String key, Object value) {
        fields.put(Objects.requireNonNull(key, "key"), value);
        return this;
    }

    public boolean has(String key) {
        return fields.containsKey(key);
    }

    /** The raw value, or null when absent (use {@link #has} to tell absent from JSON null). */
    public Object get(String key) {
        return fields.get(key);
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(fields.keySet());
    }

    public int size() {
        return fields.size();
    }

    /** A read-only view of the fields in order. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(fields);
    }

    public String getString(String key) {
        Object value = required(key);
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(key, "a string", value);
    }

    /** The string value, or {@code defaultValue} when the key is absent or JSON null. */
    public String optString(String key, String defaultValue) {
        Object value = fields.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(key, "a string", value);
    }

    public long getLong(String key) {
        return toLong(key, required(key));
    }

    public int getInt(String key) {
        return toInt(key, required(key));
    }

    public int optInt(String key, int defaultValue) {
        Object value = fields.get(key);
        return value == null ? defaultValue : toInt(key, value);
    }

    public boolean getBoolean(String key) {
        Object value = required(key);
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, "a boolean", value);
    }

    public JsonObject getObject(String key) {
        Object value = required(key);
        if (value instanceof JsonObject o) {
            return o;
        }
        throw wrongType(key, "an object", value);
    }

    /** The object value, or an empty object when the key is absent or JSON null. */
    public JsonObject optObject(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return new JsonObject();
        }
        if (value instanceof JsonObject o) {
            return o;
        }
        throw wrongType(key, "an object", value);
    }

    @SuppressWarnings("unchecked")
    public List<Object> getArray(String key) {
        Object value = required(key);
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw wrongType(key, "an array", value);
    }

    public List<Integer> getIntList(String key) {
        List<Object> raw = getArray(key);
        List<Integer> result = new ArrayList<>(raw.size());
        for (Object element : raw) {
            result.add(toInt(key, element));
        }
        return result;
    }

    public List<String> getStringList(String key) {
        List<Object> raw = getArray(key);
        List<String> result = new ArrayList<>(raw.size());
        for (Object element : raw) {
            if (!(element instanceof String s)) {
                throw wrongType(key, "an array of strings", raw);
            }
            result.add(s);
        }
        return result;
    }

    private Object required(String key) {
        Object value = fields.get(key);
        if (value == null) {
            throw new JsonException(fields.containsKey(key) ? "Field '" + key + "' is null" : "Missing field '" + key + "'");
        }
        return value;
    }

    private static long toLong(String key, Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger) {
            throw new JsonException("Field '" + key + "' is out of the range of a long: " + value);
        }
        throw wrongType(key, "an integer", value);
    }

    private static int toInt(String key, Object value) {
        long l = toLong(key, value);
        if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
            throw new JsonException("Field '" + key + "' is out of the range of an int: " + l);
        }
        return (int) l;
    }

    private static JsonException wrongType(String key, String expected, Object value) {
        return new JsonException("Field '" + key + "' should be " + expected + " but is " + describe(value));
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        String text = Json.write(value);
        return (text.length() > 60 ? text.substring(0, 60) + "..." : text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonObject other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    /** The compact JSON text of this object. */
    @Override
    public String toString() {
        return Json.write(this);
    }
}
