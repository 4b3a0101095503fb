package io.samsa.generator;

import io.samsa.generator.schema.FieldSpec;
import io.samsa.generator.schema.FieldType;

/**
 * The Java fragments of one schema field: its name and type in the generated class, its default,
 * and the expressions that read, size, write and test it. Version tests are written against the
 * versions of the enclosing message and left out where they always hold. Immutable.
 */
final class FieldCode {

    private final FieldSpec field;
    private final String owner;
    private final int messageLowest;
    private final int messageHighest;
    private final String name;

    FieldCode(FieldSpec field, String owner, int messageLowest, int messageHighest) {
        this.field = field;
        this.owner = owner;
        this.messageLowest = messageLowest;
        this.messageHighest = messageHighest;
        this.name = JavaNames.member(field.name());
    }

    FieldSpec spec() {
        return field;
    }

    /** The Java member name: {@code group_id} becomes {@code groupId}. */
    String name() {
        return name;
    }

    String ref() {
        return "this." + name;
    }

    /** The setter: {@code setGroupId}. */
    String setter() {
        return "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Schema name for messages: {@code JoinGroupRequest.group_id}. */
    String qualifiedName() {
        return owner + "." + field.name();
    }

    String javaType() {
        return switch (field.type()) {
            case ARRAY -> "List<" + elementType() + ">";
            case STRUCT -> field.struct().name();
            default -> scalarType(field.type(), false);
        };
    }

    private String elementType() {
        return field.elementType() == FieldType.STRUCT ? field.struct().name() : scalarType(field.elementType(), true);
    }

    private static String scalarType(FieldType type, boolean boxed) {
        return switch (type) {
            case BOOLEAN -> boxed ? "Boolean" : "boolean";
            case INT8 -> boxed ? "Byte" : "byte";
            case INT16 -> boxed ? "Short" : "short";
            case UINT16, INT32 -> boxed ? "Integer" : "int";
            case INT64 -> boxed ? "Long" : "long";
            case FLOAT64 -> boxed ? "Double" : "double";
            case UUID -> "Uuid";
            case STRING -> "String";
            case BYTES -> "ByteBuffer";
            case RECORDS -> "RecordsData";
            default -> throw new IllegalArgumentException("Not a scalar type: " + type);
        };
    }

    boolean isPrimitive() {
        return switch (field.type()) {
            case BOOLEAN, INT8, INT16, UINT16, INT32, INT64, FLOAT64 -> true;
            default -> false;
        };
    }

    /** The initial value of a new message. */
    String defaultValue() {
        Object d = field.defaultValue();
        switch (field.type()) {
            case BOOLEAN:
                return String.valueOf(d);
            case INT8:
                return "(byte) " + d;
            case INT16:
                return "(short) " + d;
            case UINT16:
            case INT32:
                return intLiteral(((Number) d).intValue());
            case INT64:
                return longLiteral(((Number) d).longValue());
            case FLOAT64:
                return d + "d";
            case UUID:
                return "Uuid.ZERO";
            case STRING:
                return d == null ? "null" : JavaNames.stringLiteral((String) d);
            case BYTES:
                return d == null ? "null" : "WireFormat.EMPTY_BYTES";
            case RECORDS:
                return "null";
            case ARRAY:
                return d == null ? "null" : "new ArrayList<>(0)";
            case STRUCT:
                return "new " + field.struct().name() + "()";
            default:
                throw new IllegalStateException(field.type().name());
        }
    }

    private static String intLiteral(int v) {
        return v == Integer.MAX_VALUE ? "Integer.MAX_VALUE" : v == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : String.valueOf(v);
    }

    private static String longLiteral(long v) {
        return v == Long.MAX_VALUE ? "Long.MAX_VALUE" : v == Long.MIN_VALUE ? "Long.MIN_VALUE" : v + "L";
    }

    /** A boolean expression that holds when the field has its default value. */
    String isDefault() {
        String r = ref();
        Object d = field.defaultValue();
        return switch (field.type()) {
            case BOOLEAN, INT8, INT16, UINT16, INT32, INT64, FLOAT64 -> r + " == " + defaultValue();
            case UUID -> "Uuid.ZERO.equals(" + r + ")";
            case STRING -> d == null ? r + " == null" : defaultValue() + ".equals(" + r + ")";
            case BYTES -> d == null ? r + " == null" : r + " != null && !" + r + ".hasRemaining()";
            case RECORDS -> r + " == null";
            case ARRAY -> d == null ? r + " == null" : r + " != null && " + r + ".isEmpty()";
            case STRUCT -> r + " != null && " + r + ".hasOnlyDefaults()";
            default -> throw new IllegalStateException(field.type().name());
        };
    }

    /** Condition under which the field is on the wire at {@code version}, or null when always. */
    String presentIn() {
        return range(field.lowestVersion(), field.highestVersion());
    }

    /** Whether the field is on the wire in every version of the message. */
    boolean alwaysPresent() {
        return presentIn() == null;
    }

    /** Condition, within the versions the field is present in, under which it may be null. */
    String nullableIn() {
        if (!field.isNullable()) {
            return "false";
        }
        int lo = field.nullableLowestVersion();
        int hi = field.nullableHighestVersion();
        if (lo <= field.lowestVersion() && hi >= field.highestVersion()) {
            return "true";
        }
        String c = versionRange(lo, hi, field.lowestVersion(), field.highestVersion());
        return c == null ? "true" : c;
    }

    private String range(int lo, int hi) {
        return versionRange(lo, hi, messageLowest, messageHighest);
    }

    private static String versionRange(int lo, int hi, int outerLo, int outerHi) {
        boolean checkLo = lo > outerLo;
        boolean checkHi = hi < outerHi;
        if (checkLo && checkHi) {
            return lo == hi ? "version == " + lo : "version >= " + lo + " && version <= " + hi;
        }
        if (checkLo) {
            return "version >= " + lo;
        }
        if (checkHi) {
            return "version <= " + hi;
        }
        return null;
    }

    /** Whether a value can ever be null, so writes must check it against the nullable versions. */
    boolean canBeNull() {
        return switch (field.type()) {
            case STRING, BYTES, RECORDS, ARRAY, UUID, STRUCT -> true;
            default -> false;
        };
    }

    /** The expression that reads one value of this field; arrays are read by statements instead. */
    String readValue() {
        return switch (field.type()) {
            case STRUCT -> "new " + field.struct().name() + "(in, version)";
            case STRING -> "WireFormat.readString(in, flexible, " + nullableIn() + ", \"" + field.name() + "\")";
            case BYTES -> "WireFormat.readBytes(in, flexible, " + nullableIn() + ", \"" + field.name() + "\")";
            case RECORDS -> "WireFormat.readRecords(in, flexible, " + nullableIn() + ", \"" + field.name() + "\")";
            default -> readFixed(field.type());
        };
    }

    /** Reads one array element. */
    String readElement() {
        FieldType t = field.elementType();
        return switch (t) {
            case STRUCT -> "new " + field.struct().name() + "(in, version)";
            case STRING -> "WireFormat.readString(in, flexible, false, \"" + field.name() + "\")";
            case BYTES -> "WireFormat.readBytes(in, flexible, false, \"" + field.name() + "\")";
            default -> readFixed(t);
        };
    }

    private static String readFixed(FieldType t) {
        return switch (t) {
            case BOOLEAN -> "in.get() != 0";
            case INT8 -> "in.get()";
            case INT16 -> "in.getShort()";
            case UINT16 -> "in.getShort() & 0xFFFF";
            case INT32 -> "in.getInt()";
            case INT64 -> "in.getLong()";
            case FLOAT64 -> "in.getDouble()";
            case UUID -> "WireFormat.readUuid(in)";
            default -> throw new IllegalStateException("Not fixed-size: " + t);
        };
    }

    /** The expression for the encoded size of the value, nulls included; arrays use statements. */
    String sizeOfValue() {
        String r = ref();
        return switch (field.type()) {
            case STRUCT -> r + ".size(version)";
            case STRING -> "WireFormat.sizeOfString(" + r + ", flexible)";
            case BYTES -> "WireFormat.sizeOfBytes(" + r + ", flexible)";
            case RECORDS -> "WireFormat.sizeOfRecords(" + r + ", flexible)";
            default -> String.valueOf(field.type().fixedSize());
        };
    }

    /** Size of one array element held in {@code e}, or null when elements have a fixed size. */
    String sizeOfElement() {
        return switch (field.elementType()) {
            case STRUCT -> "e.size(version)";
            case STRING -> "WireFormat.sizeOfString(e, flexible)";
            case BYTES -> "WireFormat.sizeOfBytes(e, flexible)";
            default -> null;
        };
    }

    int fixedElementSize() {
        return field.elementType().fixedSize();
    }

    /** The statement that writes the value. */
    String writeValue() {
        return write(field.type(), ref());
    }

    /** The statement that writes array element {@code e}. */
    String writeElement() {
        return write(field.elementType(), "e");
    }

    private String write(FieldType t, String v) {
        return switch (t) {
            case STRUCT -> v + ".write(out, version);";
            case STRING -> "WireFormat.writeString(out, " + v + ", flexible);";
            case BYTES -> "WireFormat.writeBytes(out, " + v + ", flexible);";
            case RECORDS -> "WireFormat.writeRecords(out, " + v + ", flexible);";
            case BOOLEAN -> "out.writeByte(" + v + " ? (byte) 1 : (byte) 0);";
            case INT8 -> "out.writeByte(" + v + ");";
            case INT16 -> "out.writeShort(" + v + ");";
            case UINT16 -> "out.writeShort((short) " + v + ");";
            case INT32 -> "out.writeInt(" + v + ");";
            case INT64 -> "out.writeLong(" + v + ");";
            case FLOAT64 -> "out.writeDouble(" + v + ");";
            case UUID -> "WireFormat.writeUuid(out, " + v + ");";
            default -> throw new IllegalStateException(t.name());
        };
    }

    /** The expression comparing this field of {@code this} and {@code other}. */
    String equalsExpression() {
        return switch (field.type()) {
            case FLOAT64 -> "Double.compare(" + ref() + ", other." + name + ") == 0";
            case BOOLEAN, INT8, INT16, UINT16, INT32, INT64 -> ref() + " == other." + name;
            default -> "Objects.equals(" + ref() + ", other." + name + ")";
        };
    }

    String hashExpression() {
        return switch (field.type()) {
            case BOOLEAN -> "Boolean.hashCode(" + ref() + ")";
            case INT8, INT16, UINT16, INT32 -> ref();
            case INT64 -> "Long.hashCode(" + ref() + ")";
            case FLOAT64 -> "Double.hashCode(" + ref() + ")";
            default -> "Objects.hashCode(" + ref() + ")";
        };
    }

    /** The expression that shows the value in {@code toString}. */
    String describeExpression() {
        return switch (field.type()) {
            case STRING -> "WireFormat.describe(" + ref() + ")";
            case BYTES -> "WireFormat.describe(" + ref() + ")";
            case RECORDS -> "WireFormat.describe(" + ref() + ")";
            default -> ref();
        };
    }
}
