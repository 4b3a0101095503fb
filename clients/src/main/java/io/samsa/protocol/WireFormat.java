package io.samsa.protocol;

import io.samsa.common.Uuid;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The protocol's primitive encodings, shared by the generated message classes and the headers:
 * unsigned varints, classic and compact (KIP-482) strings, bytes, records and array lengths,
 * UUIDs and tagged-field sections. Every malformed input becomes a {@link ProtocolException};
 * a value a version cannot carry becomes an {@link UnsupportedVersionException}. Stateless;
 * thread-safe.
 */
public final class WireFormat {

    /** The default of BYTES fields: no bytes. Read-only, so it can be shared. */
    public static final ByteBuffer EMPTY_BYTES = ByteBuffer.allocate(0).asReadOnlyBuffer();

    private WireFormat() {
    }

    /** Reads an unsigned varint of at most 5 bytes that fits in a non-negative int. */
    public static int readUnsignedVarint(ByteBuffer buf) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (!buf.hasRemaining()) {
                throw new ProtocolException("Truncated varint");
            }
            byte b = buf.get();
            // The fifth byte may carry bits 28-30 only: bit 31 would make the value negative.
            if (shift == 28 && (b & 0xF8) != 0) {
                throw new ProtocolException("Varint does not fit in a non-negative int");
            }
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new ProtocolException("Varint longer than 5 bytes");
    }

    public static int sizeOfUnsignedVarint(int value) {
        // One byte per started group of 7 bits, at least one.
        int bits = 32 - Integer.numberOfLeadingZeros(value);
        return bits == 0 ? 1 : (bits + 6) / 7;
    }

    /**
     * Reads a compact length (unsigned varint holding length + 1): -1 for null; {@code what}
     * names the field in errors.
     */
    static int readCompactLength(ByteBuffer buf, String what) {
        int n = readUnsignedVarint(buf);
        if (n < 0) {
            throw new ProtocolException(what + ": length does not fit in an int");
        }
        return n - 1;
    }

    /** Throws unless {@code length} bytes are left. */
    static void ensureRemaining(ByteBuffer buf, int length, String what) {
        if (length > buf.remaining()) {
            throw new ProtocolException(what + ": length " + length + " exceeds the " + buf.remaining() + " bytes left");
        }
    }

    /** Reads {@code length} bytes as UTF-8; the length has already been checked. */
    static String readUtf8(ByteBuffer buf, int length) {
        String s;
        if (buf.hasArray()) {
            s = new String(buf.array(), buf.arrayOffset() + buf.position(), length, StandardCharsets.UTF_8);
            buf.position(buf.position() + length);
        } else {
            byte[] tmp = new byte[length];
            buf.get(tmp);
            s = new String(tmp, StandardCharsets.UTF_8);
        }
        return s;
    }

    /**
     * A view of the next {@code length} bytes, advancing past them; no copy. The view is writable
     * when the input is: the broker assigns offsets to produced batches in place, in the frame.
     */
    static ByteBuffer slice(ByteBuffer buf, int length) {
        ByteBuffer s = buf.slice(buf.position(), length);
        buf.position(buf.position() + length);
        return s;
    }

    /** UTF-8 encoded length of {@code s} without encoding it. */
    public static int utf8Length(String s) {
        int len = s.length();
        int bytes = len;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2;
                    i++;
                } else {
                    // Lone surrogates are encoded as '?' by String.getBytes, one byte.
                    bytes += Character.isSurrogate(c) ? 0 : 2;
                }
            }
        }
        return bytes;
    }

    // ---- reads used by the generated message classes

    /** A string of the field {@code what}; null only where {@code nullable}. */
    public static String readString(ByteBuffer buf, boolean flexible, boolean nullable, String what) {
        int length = flexible ? readCompactLength(buf, what) : buf.getShort();
        if (length < 0) {
            return readNull(length, nullable, what);
        }
        ensureRemaining(buf, length, what);
        return readUtf8(buf, length);
    }

    /** BYTES as a view of the input (no copy; writable when the input is); null only where {@code nullable}. */
    public static ByteBuffer readBytes(ByteBuffer buf, boolean flexible, boolean nullable, String what) {
        int length = flexible ? readCompactLength(buf, what) : buf.getInt();
        if (length < 0) {
            return readNull(length, nullable, what);
        }
        ensureRemaining(buf, length, what);
        return slice(buf, length);
    }

    /**
     * RECORDS as a zero-copy view of the input: the broker validates and assigns offsets to
     * produced batches in place, in the request frame.
     */
    public static RecordsData readRecords(ByteBuffer buf, boolean flexible, boolean nullable, String what) {
        ByteBuffer bytes = readBytes(buf, flexible, nullable, what);
        return bytes == null ? null : new MemoryRecordsData(bytes);
    }

    public static Uuid readUuid(ByteBuffer buf) {
        return new Uuid(buf.getLong(), buf.getLong());
    }

    /**
     * An array's element count: -1 for null (only where {@code nullable}). A count larger than the
     * bytes left cannot be honest, since every element takes at least one byte, and is refused
     * before anything is allocated for it.
     */
    public static int readArrayLength(ByteBuffer buf, boolean flexible, boolean nullable, String what) {
        int n = flexible ? readCompactLength(buf, what) : buf.getInt();
        if (n < 0) {
            readNull(n, nullable, what);
            return -1;
        }
        if (n > buf.remaining()) {
            throw new ProtocolException(what + ": " + n + " elements cannot fit in the " + buf.remaining() + " bytes left");
        }
        return n;
    }

    private static <T> T readNull(int length, boolean nullable, String what) {
        if (length == -1 && nullable) {
            return null;
        }
        throw new ProtocolException(what + ": " + (length == -1 ? "null where the version does not allow it" : "negative length " + length));
    }

    /**
     * Reads the number of tagged fields that follow. Each takes at least two bytes (tag and size),
     * so a count the remaining bytes cannot hold is refused before anything loops over it.
     */
    public static int readTaggedFieldCount(ByteBuffer buf) {
        int count = readUnsignedVarint(buf);
        if (count > buf.remaining() / 2) {
            throw new ProtocolException(count + " tagged fields cannot fit in the " + buf.remaining() + " bytes left");
        }
        return count;
    }

    /** Reads a tagged field's size and returns the position where its value ends. */
    public static int taggedFieldEnd(ByteBuffer buf) {
        int size = readUnsignedVarint(buf);
        ensureRemaining(buf, size, "tagged field");
        return buf.position() + size;
    }

    /** Throws unless reading a tagged field's value ended exactly where its size said. */
    public static void checkTaggedFieldEnd(ByteBuffer buf, int end, String what) {
        if (buf.position() != end) {
            throw new ProtocolException(what + ": tagged field value ends " + (buf.position() - end)
                + " bytes away from its declared size");
        }
    }

    // ---- sizes and writes used by the generated message classes

    public static int sizeOfString(String s, boolean flexible) {
        if (s == null) {
            return flexible ? 1 : 2;
        }
        int len = utf8Length(s);
        return len + (flexible ? sizeOfUnsignedVarint(len + 1) : 2);
    }

    public static int sizeOfBytes(ByteBuffer b, boolean flexible) {
        return b == null ? (flexible ? 1 : 4) : sizeOfLengthAnd(b.remaining(), flexible);
    }

    public static int sizeOfRecords(RecordsData r, boolean flexible) {
        return r == null ? (flexible ? 1 : 4) : sizeOfLengthAnd(r.sizeInBytes(), flexible);
    }

    public static int sizeOfArrayLength(List<?> list, boolean flexible) {
        return list == null ? (flexible ? 1 : 4) : flexible ? sizeOfUnsignedVarint(list.size() + 1) : 4;
    }

    private static int sizeOfLengthAnd(int len, boolean flexible) {
        return len + (flexible ? sizeOfUnsignedVarint(len + 1) : 4);
    }

    public static void writeString(ProtocolSink out, String s, boolean flexible) {
        if (s == null) {
            writeNullLength(out, flexible, false);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (flexible) {
            out.writeUnsignedVarint(bytes.length + 1);
        } else {
            if (bytes.length > Short.MAX_VALUE) {
                throw new UnsupportedVersionException("A string of " + bytes.length + " bytes is too long for a classic string");
            }
            out.writeShort((short) bytes.length);
        }
        out.writeBytes(bytes);
    }

    public static void writeBytes(ProtocolSink out, ByteBuffer b, boolean flexible) {
        if (b == null) {
            writeNullLength(out, flexible, true);
            return;
        }
        writeLength(out, b.remaining(), flexible);
        out.writeBytes(b);
    }

    public static void writeRecords(ProtocolSink out, RecordsData r, boolean flexible) {
        if (r == null) {
            writeNullLength(out, flexible, true);
            return;
        }
        writeLength(out, r.sizeInBytes(), flexible);
        out.writeRecords(r);
    }

    public static void writeArrayLength(ProtocolSink out, List<?> list, boolean flexible) {
        if (list == null) {
            writeNullLength(out, flexible, true);
        } else {
            writeLength(out, list.size(), flexible);
        }
    }

    public static void writeUuid(ProtocolSink out, Uuid id) {
        out.writeLong(id.mostSignificantBits());
        out.writeLong(id.leastSignificantBits());
    }

    private static void writeLength(ProtocolSink out, int length, boolean flexible) {
        if (flexible) {
            out.writeUnsignedVarint(length + 1);
        } else {
            out.writeInt(length);
        }
    }

    private static void writeNullLength(ProtocolSink out, boolean flexible, boolean intLength) {
        if (flexible) {
            out.writeUnsignedVarint(0);
        } else if (intLength) {
            out.writeInt(-1);
        } else {
            out.writeShort((short) -1);
        }
    }

    // ---- errors and descriptions used by the generated message classes

    public static UnsupportedVersionException noSuchVersion(String message, short version) {
        return new UnsupportedVersionException(message + " has no version " + version);
    }

    public static UnsupportedVersionException cannotWrite(String field, short version) {
        return new UnsupportedVersionException("Cannot write a non-default " + field + " at version " + version
            + ", which does not have the field");
    }

    public static UnsupportedVersionException cannotBeNull(String field, short version) {
        return new UnsupportedVersionException(field + " is null, which version " + version + " cannot encode");
    }

    public static String describe(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    public static String describe(ByteBuffer b) {
        return b == null ? "null" : "bytes[" + b.remaining() + "]";
    }

    public static String describe(RecordsData r) {
        return r == null ? "null" : "records[" + r.sizeInBytes() + "]";
    }

    /** Skips a whole tagged-field section (count, then tag/size/data triples). */
    public static void skipTaggedFields(ByteBuffer buf) {
        int count = readTaggedFieldCount(buf);
        for (int i = 0; i < count; i++) {
            readUnsignedVarint(buf);
            buf.position(taggedFieldEnd(buf));
        }
    }
}
