package io.samsa.protocol;

import io.samsa.common.Uuid;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes structs from a buffer following their spec at one version. Allocates only the values
 * it returns (structs, lists, boxed numbers, strings, slices). Stateless; thread-safe.
 */
final class StructReader {

    private StructReader() {
    }

    static Struct read(StructSpec spec, int version, boolean flexible, ByteBuffer buf) {
        Struct s = new Struct(spec);
        for (FieldSpec f : spec.fieldArray()) {
            if (f.presentIn(version) && !f.isTagged()) {
                s.setRaw(f.index(), readValue(f, version, flexible, buf));
            }
        }
        if (flexible) {
            readTaggedFields(spec, s, version, buf);
        }
        return s;
    }

    private static void readTaggedFields(StructSpec spec, Struct s, int version, ByteBuffer buf) {
        int count = WireFormat.readUnsignedVarint(buf);
        for (int i = 0; i < count; i++) {
            int tag = WireFormat.readUnsignedVarint(buf);
            int size = WireFormat.readUnsignedVarint(buf);
            WireFormat.ensureRemaining(buf, size, spec.name() + " tag " + tag);
            int end = buf.position() + size;
            FieldSpec f = spec.taggedField(tag, version);
            if (f == null) {
                buf.position(end);   // unknown tags are skipped, as KIP-482 requires
                continue;
            }
            int limit = buf.limit();
            buf.limit(end);
            try {
                s.setRaw(f.index(), readValue(f, version, true, buf));
                if (buf.position() != end) {
                    throw new ProtocolException(f.name() + ": tagged field of " + size + " bytes has "
                        + (end - buf.position()) + " bytes left over");
                }
            } finally {
                buf.limit(limit);
            }
        }
    }

    private static Object readValue(FieldSpec f, int version, boolean flexible, ByteBuffer buf) {
        switch (f.type()) {
            case STRING:
                return readString(f, f.nullableIn(version), flexible, buf);
            case BYTES:
            case RECORDS:
                return readBytes(f, f.nullableIn(version), flexible, buf);
            case ARRAY:
                return readArray(f, version, flexible, buf);
            case STRUCT:
                return read(f.struct(), version, flexible, buf);
            default:
                return readFixed(f.type(), buf);
        }
    }

    private static Object readFixed(FieldType type, ByteBuffer buf) {
        switch (type) {
            case BOOLEAN:
                return buf.get() != 0;
            case INT8:
                return buf.get();
            case INT16:
                return buf.getShort();
            case UINT16:
                return buf.getShort() & 0xFFFF;
            case INT32:
                return buf.getInt();
            case INT64:
                return buf.getLong();
            case FLOAT64:
                return buf.getDouble();
            case UUID:
                return new Uuid(buf.getLong(), buf.getLong());
            default:
                throw new IllegalStateException("Not a fixed-size type: " + type);
        }
    }

    private static String readString(FieldSpec f, boolean nullable, boolean flexible, ByteBuffer buf) {
        int length = flexible ? WireFormat.readCompactLength(buf, f.name()) : buf.getShort();
        if (length < 0) {
            if (length == -1 && nullable) {
                return null;
            }
            throw new ProtocolException(f.name() + ": " + (length == -1 ? "null for a non-nullable string" : "negative length " + length));
        }
        WireFormat.ensureRemaining(buf, length, f.name());
        return WireFormat.readUtf8(buf, length);
    }

    private static ByteBuffer readBytes(FieldSpec f, boolean nullable, boolean flexible, ByteBuffer buf) {
        int length = flexible ? WireFormat.readCompactLength(buf, f.name()) : buf.getInt();
        if (length < 0) {
            if (length == -1 && nullable) {
                return null;
            }
            throw new ProtocolException(f.name() + ": " + (length == -1 ? "null for non-nullable bytes" : "negative length " + length));
        }
        WireFormat.ensureRemaining(buf, length, f.name());
        return WireFormat.slice(buf, length);
    }

    private static List<Object> readArray(FieldSpec f, int version, boolean flexible, ByteBuffer buf) {
        int count = flexible ? WireFormat.readCompactLength(buf, f.name()) : buf.getInt();
        if (count < 0) {
            if (count == -1 && f.nullableIn(version)) {
                return null;
            }
            throw new ProtocolException(f.name() + ": " + (count == -1 ? "null for a non-nullable array" : "negative array length " + count));
        }
        // Every element takes at least one byte, so a larger count cannot be honest; checking it
        // first keeps garbage from making us allocate a huge list.
        if (count > buf.remaining()) {
            throw new ProtocolException(f.name() + ": array of " + count + " elements in " + buf.remaining() + " bytes");
        }
        List<Object> list = new ArrayList<>(count);
        FieldType type = f.elementType();
        for (int i = 0; i < count; i++) {
            switch (type) {
                case STRUCT -> list.add(read(f.struct(), version, flexible, buf));
                case STRING -> list.add(readString(f, false, flexible, buf));
                case BYTES -> list.add(readBytes(f, false, flexible, buf));
                default -> list.add(readFixed(type, buf));
            }
        }
        return list;
    }
}
