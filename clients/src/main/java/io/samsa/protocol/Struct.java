package io.samsa.protocol;

import io.samsa.common.Uuid;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The value of one message or nested struct, generic over its {@link StructSpec}: an array of
 * field values indexed like the spec's fields. Every field starts at its default. Numbers given
 * to {@link #set} are converted to the field's exact type (so {@code set("acks", -1)} works for an
 * INT16); values of the wrong kind are rejected at once. Values read from the wire: boxed
 * numbers, String, {@link Uuid}, read-only ByteBuffer slices of the input for BYTES and RECORDS,
 * {@code List}s for arrays, Structs for nested structs. Arrays of a new struct start as shared
 * immutable empty lists: append with {@link #addElement} or replace the list with {@link #set}.
 * Not thread-safe.
 */
public final class Struct {

    private final StructSpec spec;
    private final Object[] values;

    public Struct(StructSpec spec) {
        this.spec = spec;
        this.values = spec.copyOfDefaults();
    }

    public StructSpec spec() {
        return spec;
    }

    public Object get(String field) {
        return get(spec.require(field));
    }

    /** Fast path for code that has looked the field up once. */
    public Object get(FieldSpec field) {
        int i = field.index();
        Object v = values[i];
        if (v == null && field.type() == FieldType.STRUCT) {
            v = new Struct(field.struct());
            values[i] = v;
        }
        return v;
    }

    public boolean getBoolean(String f) {
        return (Boolean) get(f);
    }

    public byte getByte(String f) {
        return ((Number) get(f)).byteValue();
    }

    public short getShort(String f) {
        return ((Number) get(f)).shortValue();
    }

    public int getInt(String f) {
        return ((Number) get(f)).intValue();
    }

    public long getLong(String f) {
        return ((Number) get(f)).longValue();
    }

    public double getDouble(String f) {
        return ((Number) get(f)).doubleValue();
    }

    public String getString(String f) {
        return (String) get(f);
    }

    public Uuid getUuid(String f) {
        return (Uuid) get(f);
    }

    /** BYTES or RECORDS as a buffer (a read-only slice of the input when read); null if null. */
    public ByteBuffer getBytes(String f) {
        Object v = get(f);
        if (v == null || v instanceof ByteBuffer) {
            return (ByteBuffer) v;
        }
        if (v instanceof byte[] b) {
            return ByteBuffer.wrap(b);
        }
        if (v instanceof MemoryRecordsData m) {
            return m.buffer().duplicate();
        }
        throw new IllegalStateException("Field " + f + " holds " + v.getClass().getSimpleName() + ", not bytes");
    }

    /** The value of a RECORDS field as it was set or read: a RecordsData, a ByteBuffer, or null. */
    public Object getRecords(String f) {
        return get(f);
    }

    public Struct getStruct(String f) {
        return (Struct) get(f);
    }

    @SuppressWarnings("unchecked")
    public List<Struct> getStructArray(String f) {
        return (List<Struct>) get(f);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> getIntArray(String f) {
        return (List<Integer>) get(f);
    }

    @SuppressWarnings("unchecked")
    public List<Long> getLongArray(String f) {
        return (List<Long>) get(f);
    }

    @SuppressWarnings("unchecked")
    public List<String> getStringArray(String f) {
        return (List<String>) get(f);
    }

    @SuppressWarnings("unchecked")
    public List<Uuid> getUuidArray(String f) {
        return (List<Uuid>) get(f);
    }

    /** Sets a field; returns this. An unknown field name or a value of the wrong kind throws IllegalArgumentException. */
    public Struct set(String field, Object value) {
        return set(spec.require(field), value);
    }

    public Struct set(FieldSpec field, Object value) {
        if (spec.fieldArray()[field.index()] != field) {
            throw new IllegalArgumentException("Field " + field.name() + " does not belong to " + spec.name());
        }
        values[field.index()] = checked(field, value);
        return this;
    }

    /** Creates a struct of the array's element spec, appends it to the array and returns it. */
    public Struct addElement(String arrayField) {
        FieldSpec f = structArray(arrayField);
        Struct element = new Struct(f.struct());
        mutableList(f).add(element);
        return element;
    }

    /** Creates a struct of the array's element spec without appending it. */
    public Struct newElement(String arrayField) {
        return new Struct(structArray(arrayField).struct());
    }

    /** Whether every field holds its default value (nested structs compared field by field). */
    public boolean isDefault() {
        FieldSpec[] fields = spec.fieldArray();
        for (FieldSpec f : fields) {
            Object v = values[f.index()];
            if (f.type() == FieldType.STRUCT) {
                if (v != null && !((Struct) v).isDefault()) {
                    return false;
                }
            } else if (!Objects.equals(v, f.defaultValue()) && !f.isDefault(v)) {
                return false;
            }
        }
        return true;
    }

    /** The raw stored value, null standing for a default nested struct. */
    Object rawValue(int index) {
        return values[index];
    }

    void setRaw(int index, Object value) {
        values[index] = value;
    }

    private FieldSpec structArray(String arrayField) {
        FieldSpec f = spec.require(arrayField);
        if (f.type() != FieldType.ARRAY || f.elementType() != FieldType.STRUCT) {
            throw new IllegalArgumentException("Field " + arrayField + " of " + spec.name() + " is not an array of structs");
        }
        return f;
    }

    @SuppressWarnings("unchecked")
    private List<Object> mutableList(FieldSpec f) {
        Object v = values[f.index()];
        if (v instanceof ArrayList<?> list) {
            return (List<Object>) list;
        }
        ArrayList<Object> list = v == null ? new ArrayList<>() : new ArrayList<>((List<Object>) v);
        values[f.index()] = list;
        return list;
    }

    private static Object checked(FieldSpec f, Object value) {
        if (value == null) {
            if (f.type() == FieldType.STRUCT || f.type().canBeNullable()) {
                return null;
            }
            throw new IllegalArgumentException("Field " + f.name() + " (" + f.type() + ") cannot be null");
        }
        if (f.type() == FieldType.ARRAY) {
            if (!(value instanceof List<?> list)) {
                throw wrongKind(f, value);
            }
            if (f.elementType() == FieldType.STRUCT) {
                for (Object e : list) {
                    if (!(e instanceof Struct s) || s.spec() != f.struct()) {
                        throw new IllegalArgumentException("Field " + f.name() + " holds structs of " + f.struct().name()
                            + ", got " + (e instanceof Struct s2 ? s2.spec().name() : String.valueOf(e)));
                    }
                }
            }
            return value;
        }
        if (f.type() == FieldType.STRUCT) {
            if (!(value instanceof Struct s) || s.spec() != f.struct()) {
                throw wrongKind(f, value);
            }
            return value;
        }
        return checkedScalar(f, f.type(), value);
    }

    static Object checkedScalar(FieldSpec f, FieldType type, Object value) {
        switch (type) {
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                break;
            case INT8:
                if (value instanceof Number n) {
                    return value instanceof Byte ? value : Byte.valueOf((byte) inRange(f, n, Byte.MIN_VALUE, Byte.MAX_VALUE));
                }
                break;
            case INT16:
                if (value instanceof Number n) {
                    return value instanceof Short ? value : Short.valueOf((short) inRange(f, n, Short.MIN_VALUE, Short.MAX_VALUE));
                }
                break;
            case UINT16:
                if (value instanceof Number n) {
                    return Integer.valueOf((int) inRange(f, n, 0, 65535));
                }
                break;
            case INT32:
                if (value instanceof Number n) {
                    return value instanceof Integer ? value : Integer.valueOf((int) inRange(f, n, Integer.MIN_VALUE, Integer.MAX_VALUE));
                }
                break;
            case INT64:
                if (value instanceof Number n) {
                    return value instanceof Long ? value : Long.valueOf(n.longValue());
                }
                break;
            case FLOAT64:
                if (value instanceof Number n) {
                    return value instanceof Double ? value : Double.valueOf(n.doubleValue());
                }
                break;
            case UUID:
                if (value instanceof Uuid) {
                    return value;
                }
                break;
            case STRING:
                if (value instanceof String) {
                    return value;
                }
                break;
            case BYTES:
                if (value instanceof ByteBuffer || value instanceof byte[]) {
                    return value;
                }
                break;
            case RECORDS:
                if (value instanceof ByteBuffer || value instanceof RecordsData) {
                    return value;
                }
                break;
            default:
                break;
        }
        throw wrongKind(f, value);
    }

    private static long inRange(FieldSpec f, Number n, long min, long max) {
        long v = n.longValue();
        if (v < min || v > max) {
            throw new IllegalArgumentException("Field " + f.name() + ": " + v + " is out of range for " + f.type());
        }
        return v;
    }

    private static IllegalArgumentException wrongKind(FieldSpec f, Object value) {
        return new IllegalArgumentException("Field " + f.name() + " (" + f.type() + ") cannot hold a "
            + value.getClass().getSimpleName());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Struct other) || other.spec != spec) {
            return false;
        }
        for (FieldSpec f : spec.fieldArray()) {
            Object a = values[f.index()];
            Object b = other.values[f.index()];
            if (f.type() == FieldType.STRUCT && (a == null || b == null)) {
                Struct x = (Struct) (a == null ? b : a);
                if (x != null && !x.isDefault()) {
                    return false;
                }
            } else if (!Objects.equals(normalize(a), normalize(b))) {
                return false;
            }
        }
        return true;
    }

    private static Object normalize(Object v) {
        if (v instanceof byte[] b) {
            return ByteBuffer.wrap(b);
        }
        if (v instanceof MemoryRecordsData m) {
            return m.buffer();
        }
        return v;
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(spec.name()).append('{');
        FieldSpec[] fields = spec.fieldArray();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            Object v = values[i];
            sb.append(fields[i].name()).append('=');
            if (v instanceof ByteBuffer b) {
                sb.append("bytes[").append(b.remaining()).append(']');
            } else if (v instanceof String s) {
                sb.append('"').append(s).append('"');
            } else {
                sb.append(v);
            }
        }
        return sb.append('}').toString();
    }
}
