package io.samsa.generator.schema;

/**
 * One field of a {@link StructSpec}: its name (snake_case, as in the Kafka protocol guide), wire
 * type, the versions it exists in, the versions it may be null in, its tag when it travels in the
 * tagged-field section, whether a writer may drop it, its default value and a one-line
 * description. Built by {@link FieldBuilder}; immutable.
 */
public final class FieldSpec {

    /** The default of UUID, BYTES and ARRAY fields that declare none: the zero id, no bytes, no elements. */
    public static final Object EMPTY = new Object() {
        @Override
        public String toString() {
            return "empty";
        }
    };

    private final String name;
    private final String doc;
    private final FieldType type;
    private final FieldType elementType;
    private final StructSpec struct;
    private final int lowest;
    private final int highest;
    private final int nullableLowest;
    private final int nullableHighest;
    private final int tag;
    private final boolean ignorable;
    private final Object defaultValue;
    private final int index;

    FieldSpec(String name, String doc, FieldType type, FieldType elementType, StructSpec struct,
              int lowest, int highest, int nullableLowest, int nullableHighest, int tag,
              boolean ignorable, Object defaultValue, int index) {
        this.name = name;
        this.doc = doc;
        this.type = type;
        this.elementType = elementType;
        this.struct = struct;
        this.lowest = lowest;
        this.highest = highest;
        this.nullableLowest = nullableLowest;
        this.nullableHighest = nullableHighest;
        this.tag = tag;
        this.ignorable = ignorable;
        this.defaultValue = defaultValue;
        this.index = index;
    }

    public String name() {
        return name;
    }

    public String doc() {
        return doc;
    }

    public FieldType type() {
        return type;
    }

    /** The element type of an ARRAY field, null for any other field. */
    public FieldType elementType() {
        return elementType;
    }

    /** The spec of a STRUCT field or of the elements of an array of structs, else null. */
    public StructSpec struct() {
        return struct;
    }

    public short lowestVersion() {
        return (short) lowest;
    }

    public short highestVersion() {
        return (short) highest;
    }

    /** Position of this field in its struct, in wire order. */
    public int index() {
        return index;
    }

    /** The tag number, or -1 for a field that is never tagged. */
    public int tag() {
        return tag;
    }

    public boolean isTagged() {
        return tag >= 0;
    }

    /** Whether a non-default value may be dropped silently when writing a version without the field. */
    public boolean isIgnorable() {
        return ignorable;
    }

    /**
     * The value a new message starts with and a reader assumes when the field is absent: a Boolean,
     * a Number of the field's exact type, a String, null, or {@link #EMPTY}. For STRUCT fields this
     * is null, standing for a struct whose fields are all at their defaults.
     */
    public Object defaultValue() {
        return defaultValue;
    }

    public boolean presentIn(int version) {
        return version >= lowest && version <= highest;
    }

    public boolean nullableIn(int version) {
        return version >= nullableLowest && version <= nullableHighest;
    }

    /** Whether the field is nullable in at least one version. */
    public boolean isNullable() {
        return nullableLowest <= nullableHighest;
    }

    public short nullableLowestVersion() {
        return (short) nullableLowest;
    }

    public short nullableHighestVersion() {
        return (short) nullableHighest;
    }

    /** A short text for {@link MessageSpec#describe()}: type, versions, nullability, tag, default. */
    String describeType() {
        StringBuilder sb = new StringBuilder();
        if (type == FieldType.ARRAY) {
            sb.append('[').append(elementType == FieldType.STRUCT ? struct.name() : elementType.name()).append(']');
        } else if (type == FieldType.STRUCT) {
            sb.append(struct.name());
        } else {
            sb.append(type.name());
        }
        sb.append(" v").append(lowest).append('-').append(highest);
        if (isNullable()) {
            sb.append(" nullable v").append(nullableLowest).append('-').append(nullableHighest);
        }
        if (tag >= 0) {
            sb.append(" tag ").append(tag);
        }
        if (ignorable) {
            sb.append(" ignorable");
        }
        if (type != FieldType.STRUCT && type != FieldType.ARRAY && type != FieldType.BYTES) {
            sb.append(" default ").append(defaultValue instanceof String s ? '"' + s + '"' : String.valueOf(defaultValue));
        } else if (type == FieldType.ARRAY && defaultValue == null) {
            sb.append(" default null");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return name + ": " + describeType();
    }
}
