package io.samsa.generator.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * One field declaration in the schema DSL ({@link SchemaDsl}): chained calls narrow its versions,
 * make it nullable or tagged and set its default; {@link MessageSpec.Builder} turns the tree
 * into immutable specs, checking it against the message's version range. Not thread-safe; used
 * only while a message class initialises.
 */
public final class FieldBuilder {

    private static final int OPEN = Integer.MAX_VALUE;

    private final String name;
    private final String doc;
    private final FieldType type;
    private final FieldType elementType;
    private final List<FieldBuilder> children;
    private String structName;
    private int lowest = 0;
    private int highest = OPEN;
    private int nullableLowest = -1;
    private int nullableHighest = OPEN;
    private int tag = -1;
    private boolean ignorable;
    private boolean shared;
    private boolean hasDefault;
    private Object defaultValue;

    FieldBuilder(String name, String doc, FieldType type, FieldType elementType, FieldBuilder[] children) {
        this.name = name;
        this.doc = doc;
        this.type = type;
        this.elementType = elementType;
        this.children = children == null ? null : List.of(children);
    }

    /** Present from {@code lowest} on. */
    public FieldBuilder v(int lowest) {
        this.lowest = lowest;
        return this;
    }

    /** Present in {@code lowest..highest} only. */
    public FieldBuilder v(int lowest, int highest) {
        this.lowest = lowest;
        this.highest = highest;
        return this;
    }

    /** Nullable in every version it is present in. */
    public FieldBuilder nullable() {
        this.nullableLowest = Integer.MIN_VALUE;
        return this;
    }

    /** Nullable from {@code version} on. */
    public FieldBuilder nullable(int version) {
        this.nullableLowest = version;
        return this;
    }

    /** Sent in the tagged-field section under this tag in every version it is present in. */
    public FieldBuilder tag(int tagNumber) {
        this.tag = tagNumber;
        return this;
    }

    /**
     * Whether a writer may drop a non-default value of this field at a version that lacks it.
     * Without this, writing such a value fails: the receiver would silently lose information.
     */
    public FieldBuilder ignorable() {
        this.ignorable = true;
        return this;
    }

    /** Default value: a number for the integer types, a Boolean, a String, or null where allowed. */
    public FieldBuilder dflt(Object value) {
        this.hasDefault = true;
        this.defaultValue = value;
        return this;
    }

    /**
     * This field's struct is also used by other fields of the message (Kafka's "common structs"),
     * so its fields keep the versions they declare, counted in the message's versions rather than
     * narrowed to this field's: every use then generates one and the same class.
     */
    public FieldBuilder shared() {
        this.shared = true;
        return this;
    }

    /** The name of the struct type, for {@link MessageSpec#describe()}; derived from the field name otherwise. */
    public FieldBuilder typeName(String name) {
        this.structName = name;
        return this;
    }

    /**
     * Builds the spec, narrowing the field's versions to its parent's ({@code parentLowest} to
     * {@code parentHighest}); fields of a {@link #shared} struct keep the message's instead.
     */
    FieldSpec build(int index, int parentLowest, int parentHighest, int messageLowest, int messageHighest,
                    int flexibleFrom, String owner) {
        String where = owner + "." + name;
        int lo = Math.max(lowest, parentLowest);
        int hi = highest == OPEN ? parentHighest : highest;
        if (lo > hi || hi > messageHighest) {
            throw new IllegalArgumentException(where + ": bad version range " + lowest + "-" + highest);
        }
        int nlo;
        int nhi;
        if (nullableLowest == -1) {
            nlo = Integer.MAX_VALUE;
            nhi = -1;
        } else {
            if (!type.canBeNullable()) {
                throw new IllegalArgumentException(where + ": a " + type + " cannot be nullable");
            }
            nlo = Math.max(nullableLowest, lo);
            nhi = hi;
        }
        if (tag >= 0 && (flexibleFrom < 0 || lo < flexibleFrom)) {
            throw new IllegalArgumentException(where + ": tagged in a version that is not flexible");
        }
        StructSpec struct = null;
        if (children != null) {
            List<FieldSpec> specs = new ArrayList<>(children.size());
            for (int i = 0; i < children.size(); i++) {
                FieldBuilder child = children.get(i);
                specs.add(shared ? child.build(i, messageLowest, messageHighest, messageLowest, messageHighest, flexibleFrom, where)
                    : child.build(i, lo, hi, messageLowest, messageHighest, flexibleFrom, where));
            }
            struct = new StructSpec(structName != null ? structName : camel(name), specs);
        }
        if (type == FieldType.ARRAY && !elementType.canBeArrayElement()) {
            throw new IllegalArgumentException(where + ": arrays of " + elementType + " are not supported");
        }
        Object dv = normalizeDefault(where, nlo <= nhi);
        return new FieldSpec(name, doc, type, elementType, struct, lo, hi, nlo, nhi, tag, ignorable, dv, index);
    }

    private Object normalizeDefault(String where, boolean nullable) {
        if (!hasDefault) {
            return switch (type) {
                case BOOLEAN -> Boolean.FALSE;
                case INT8 -> (byte) 0;
                case INT16 -> (short) 0;
                case INT32, UINT16 -> 0;
                case INT64 -> 0L;
                case FLOAT64 -> 0.0d;
                case STRING -> "";
                case UUID, BYTES, ARRAY -> FieldSpec.EMPTY;
                case RECORDS, STRUCT -> null;
            };
        }
        if (defaultValue == null) {
            if (!nullable) {
                throw new IllegalArgumentException(where + ": null default for a non-nullable field");
            }
            return null;
        }
        try {
            return switch (type) {
                case BOOLEAN -> (Boolean) defaultValue;
                case INT8 -> ((Number) defaultValue).byteValue();
                case INT16 -> ((Number) defaultValue).shortValue();
                case INT32, UINT16 -> ((Number) defaultValue).intValue();
                case INT64 -> ((Number) defaultValue).longValue();
                case FLOAT64 -> ((Number) defaultValue).doubleValue();
                case STRING -> (String) defaultValue;
                default -> throw new IllegalArgumentException(where + ": only null can be given as default of a " + type);
            };
        } catch (ClassCastException e) {
            throw new IllegalArgumentException(where + ": default " + defaultValue + " does not fit " + type, e);
        }
    }

    private static String camel(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean upper = true;
        for (int i = 0; i < snake.length(); i++) {
            char c = snake.charAt(i);
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
