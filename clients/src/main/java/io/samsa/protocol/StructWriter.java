package io.samsa.protocol;

import io.samsa.common.Uuid;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Computes the encoded size of structs and writes them to a {@link ProtocolSink}, following their
 * spec at one version. Fields not present in the version are skipped whatever they hold; tagged
 * fields are written, in tag order, only when they differ from their default. Strings are sized
 * without encoding them and encoded once when written. Stateless; thread-safe.
 */
final class StructWriter {

    private StructWriter() {
    }

    static int size(StructSpec spec, Struct s, int version, boolean flexible) {
        int size = 0;
        for (FieldSpec f : spec.fieldArray()) {
            if (f.presentIn(version) && !f.isTagged()) {
                size += sizeOfValue(f, s.rawValue(f.index()), version, flexible);
            }
        }
        if (flexible) {
            int count = 0;
            for (FieldSpec f : spec.taggedByTag()) {
                Object v = s.rawValue(f.index());
                if (f.presentIn(version) && !f.isDefault(v)) {
                    count++;
                    int valueSize = sizeOfValue(f, v, version, true);
                    size += WireFormat.sizeOfUnsignedVarint(f.tag()) + WireFormat.sizeOfUnsignedVarint(valueSize) + valueSize;
                }
            }
            size += WireFormat.sizeOfUnsignedVarint(count);
        }
        return size;
    }

    static void write(StructSpec spec, Struct s, int version, boolean flexible, ProtocolSink out) {
        for (FieldSpec f : spec.fieldArray()) {
            if (f.presentIn(version) && !f.isTagged()) {
                writeValue(f, s.rawValue(f.index()), version, flexible, out);
            }
        }
        if (flexible) {
            int count = 0;
            for (FieldSpec f : spec.taggedByTag()) {
                if (f.presentIn(version) && !f.isDefault(s.rawValue(f.index()))) {
                    count++;
                }
            }
            out.writeUnsignedVarint(count);
            for (FieldSpec f : spec.taggedByTag()) {
                Object v = s.rawValue(f.index());
                if (f.presentIn(version) && !f.isDefault(v)) {
                    out.writeUnsignedVarint(f.tag());
                    out.writeUnsignedVarint(sizeOfValue(f, v, version, true));
                    writeValue(f, v, version, true, out);
                }
            }
        }
    }

    private static int sizeOfValue(FieldSpec f, Object v, int version, boolean flexible) {
        FieldType type = f.type();
        switch (type) {
            case STRING:
                if (v == null) {
                    checkNullable(f, version);
                    return flexible ? 1 : 2;
                }
                return sizeOfString((String) v, flexible);
            case BYTES:
            case RECORDS:
                if (v == null) {
                    checkNullable(f, version);
                    return flexible ? 1 : 4;
                }
                return sizeOfBytes(byteCount(f, v), flexible);
            case ARRAY:
                return sizeOfArray(f, (List<?>) v, version, flexible);
            case STRUCT: {
                Struct nested = v == null ? f.struct().defaultInstance() : (Struct) v;
                return size(f.struct(), nested, version, flexible);
            }
            default:
                return type.fixedSize();
        }
    }

    private static int sizeOfArray(FieldSpec f, List<?> list, int version, boolean flexible) {
        if (list == null) {
            checkNullable(f, version);
            return flexible ? 1 : 4;
        }
        int n = list.size();
        int size = flexible ? WireFormat.sizeOfUnsignedVarint(n + 1) : 4;
        FieldType type = f.elementType();
        int fixed = type.fixedSize();
        if (fixed > 0) {
            return size + n * fixed;
        }
        for (int i = 0; i < n; i++) {
            Object e = list.get(i);
            switch (type) {
                case STRUCT -> size += size(f.struct(), elementStruct(f, e), version, flexible);
                case STRING -> size += sizeOfString(nonNullElement(f, e), flexible);
                case BYTES -> size += sizeOfBytes(byteCount(f, nonNullElement(f, e)), flexible);
                default -> throw new IllegalStateException("Unexpected element type " + type);
            }
        }
        return size;
    }

    private static int sizeOfString(String s, boolean flexible) {
        int len = WireFormat.utf8Length(s);
        return len + (flexible ? WireFormat.sizeOfUnsignedVarint(len + 1) : 2);
    }

    private static int sizeOfBytes(int len, boolean flexible) {
        return len + (flexible ? WireFormat.sizeOfUnsignedVarint(len + 1) : 4);
    }

    private static int byteCount(FieldSpec f, Object v) {
        if (v instanceof ByteBuffer b) {
            return b.remaining();
        }
        if (v instanceof byte[] b) {
            return b.length;
        }
        if (v instanceof RecordsData r) {
            return r.sizeInBytes();
        }
        throw new IllegalArgumentException("Field " + f.name() + " cannot be written from a " + v.getClass().getName());
    }

    private static void writeValue(FieldSpec f, Object v, int version, boolean flexible, ProtocolSink out) {
        FieldType type = f.type();
        switch (type) {
            case STRING:
                if (v == null) {
                    checkNullable(f, version);
                    writeNullLength(flexible, false, out);
                } else {
                    writeString(f, (String) v, flexible, out);
                }
                return;
            case BYTES:
            case RECORDS:
                if (v == null) {
                    checkNullable(f, version);
                    writeNullLength(flexible, true, out);
                } else {
                    writeBytes(f, v, flexible, out);
                }
                return;
            case ARRAY:
                writeArray(f, (List<?>) v, version, flexible, out);
                return;
            case STRUCT:
                write(f.struct(), v == null ? f.struct().defaultInstance() : (Struct) v, version, flexible, out);
                return;
            default:
                writeFixed(f, type, v, out);
        }
    }

    private static void writeFixed(FieldSpec f, FieldType type, Object v, ProtocolSink out) {
        switch (type) {
            case BOOLEAN -> out.writeByte(((Boolean) v) ? (byte) 1 : (byte) 0);
            case INT8 -> out.writeByte(((Number) v).byteValue());
            case INT16, UINT16 -> out.writeShort(((Number) v).shortValue());
            case INT32 -> out.writeInt(((Number) v).intValue());
            case INT64 -> out.writeLong(((Number) v).longValue());
            case FLOAT64 -> out.writeDouble(((Number) v).doubleValue());
            case UUID -> {
                Uuid u = (Uuid) v;
                out.writeLong(u.mostSignificantBits());
                out.writeLong(u.leastSignificantBits());
            }
            default -> throw new IllegalStateException("Not a fixed-size type: " + type + " in " + f.name());
        }
    }

    private static void writeNullLength(boolean flexible, boolean intLength, ProtocolSink out) {
        if (flexible) {
            out.writeUnsignedVarint(0);
        } else if (intLength) {
            out.writeInt(-1);
        } else {
            out.writeShort((short) -1);
        }
    }

    private static void writeString(FieldSpec f, String s, boolean flexible, ProtocolSink out) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (flexible) {
            out.writeUnsignedVarint(bytes.length + 1);
        } else {
            if (bytes.length > Short.MAX_VALUE) {
                throw new IllegalArgumentException("Field " + f.name() + ": string of " + bytes.length + " bytes is too long");
            }
            out.writeShort((short) bytes.length);
        }
        out.writeBytes(bytes);
    }

    private static void writeBytes(FieldSpec f, Object v, boolean flexible, ProtocolSink out) {
        int len = byteCount(f, v);
        if (flexible) {
            out.writeUnsignedVarint(len + 1);
        } else {
            out.writeInt(len);
        }
        if (v instanceof ByteBuffer b) {
            out.writeBytes(b);
        } else if (v instanceof byte[] b) {
            out.writeBytes(b);
        } else {
            out.writeRecords((RecordsData) v);
        }
    }

    private static void writeArray(FieldSpec f, List<?> list, int version, boolean flexible, ProtocolSink out) {
        if (list == null) {
            checkNullable(f, version);
            writeNullLength(flexible, true, out);
            return;
        }
        int n = list.size();
        if (flexible) {
            out.writeUnsignedVarint(n + 1);
        } else {
            out.writeInt(n);
        }
        FieldType type = f.elementType();
        for (int i = 0; i < n; i++) {
            Object e = list.get(i);
            switch (type) {
                case STRUCT -> write(f.struct(), elementStruct(f, e), version, flexible, out);
                case STRING -> writeString(f, nonNullElement(f, e), flexible, out);
                case BYTES -> writeBytes(f, nonNullElement(f, e), flexible, out);
                default -> writeFixed(f, type, nonNullElement(f, e), out);
            }
        }
    }

    private static Struct elementStruct(FieldSpec f, Object e) {
        if (e instanceof Struct s && s.spec() == f.struct()) {
            return s;
        }
        throw new IllegalArgumentException("Field " + f.name() + " holds structs of " + f.struct().name() + ", found " + e);
    }

    @SuppressWarnings("unchecked")
    private static <T> T nonNullElement(FieldSpec f, Object e) {
        if (e == null) {
            throw new IllegalArgumentException("Field " + f.name() + ": arrays cannot hold null elements");
        }
        return (T) e;
    }

    private static void checkNullable(FieldSpec f, int version) {
        if (!f.nullableIn(version)) {
            throw new IllegalArgumentException("Field " + f.name() + " is null but not nullable in version " + version);
        }
    }
}
