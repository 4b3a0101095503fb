package io.samsa.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Low-level reads and sizes shared by the codec and the headers: unsigned varints, lengths that
 * must fit in what is left of the buffer, strings, skipping of tagged fields. Every malformed
 * input becomes a {@link ProtocolException}. Stateless; thread-safe.
 */
public final class WireFormat {

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
            if (shift == 28 && (b & 0xF0) != 0) {
                throw new ProtocolException("Varint does not fit in 32 bits");
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
     * Reads a compact length (unsigned varint holding length + 1): -1 for null, else a length
     * checked against the bytes remaining; {@code what} names the field in errors.
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

    /** Skips a whole tagged-field section (count, then tag/size/data triples). */
    public static void skipTaggedFields(ByteBuffer buf) {
        int count = readUnsignedVarint(buf);
        for (int i = 0; i < count; i++) {
            readUnsignedVarint(buf);
            int size = readUnsignedVarint(buf);
            ensureRemaining(buf, size, "tagged field");
            buf.position(buf.position() + size);
        }
    }
}
