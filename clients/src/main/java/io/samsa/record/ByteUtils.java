package io.samsa.record;

import java.nio.ByteBuffer;

/**
 * Byte-level helpers of the record format: zig-zag varints/varlongs (the encoding of Protocol
 * Buffers, used for every field inside a v2 record), unsigned varints, and unsigned 32-bit ints.
 * Readers advance the buffer's position; a truncated or over-long encoding raises
 * {@link java.nio.BufferUnderflowException} or {@link IllegalArgumentException}, which the record
 * reader turns into {@link CorruptRecordException}. Stateless, so thread-safe.
 */
public final class ByteUtils {

    private static final byte[] EMPTY_BYTES = new byte[0];

    private ByteUtils() {
    }

    // ---- zig-zag signed varint (int32) ----

    public static int readVarint(ByteBuffer buffer) {
        int raw = readUnsignedVarint(buffer);
        return (raw >>> 1) ^ -(raw & 1);
    }

    public static void writeVarint(int value, ByteBuffer buffer) {
        writeUnsignedVarint((value << 1) ^ (value >> 31), buffer);
    }

    public static int sizeOfVarint(int value) {
        return sizeOfUnsignedVarint((value << 1) ^ (value >> 31));
    }

    // ---- zig-zag signed varlong (int64) ----

    public static long readVarlong(ByteBuffer buffer) {
        long raw = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = buffer.get();
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IllegalArgumentException("Varlong is longer than 10 bytes");
    }

    public static void writeVarlong(long value, ByteBuffer buffer) {
        long v = (value << 1) ^ (value >> 63);
        while ((v & ~0x7FL) != 0) {
            buffer.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        buffer.put((byte) v);
    }

    public static int sizeOfVarlong(long value) {
        long v = (value << 1) ^ (value >> 63);
        int bytes = 1;
        while ((v & ~0x7FL) != 0) {
            bytes++;
            v >>>= 7;
        }
        return bytes;
    }

    // ---- unsigned varint (int32) ----

    public static int readUnsignedVarint(ByteBuffer buffer) {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            byte b = buffer.get();
            value |= (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("Varint is longer than 5 bytes");
    }

    public static void writeUnsignedVarint(int value, ByteBuffer buffer) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            buffer.put((byte) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        buffer.put((byte) v);
    }

    public static int sizeOfUnsignedVarint(int value) {
        // 1 byte per started group of 7 significant bits, at least one.
        int significantBits = 32 - Integer.numberOfLeadingZeros(value);
        return significantBits == 0 ? 1 : (significantBits + 6) / 7;
    }

    // ---- fixed width ----

    public static long readUnsignedInt(ByteBuffer buffer, int index) {
        return buffer.getInt(index) & 0xFFFFFFFFL;
    }

    public static void writeUnsignedInt(ByteBuffer buffer, int index, long value) {
        buffer.putInt(index, (int) (value & 0xFFFFFFFFL));
    }

    // ---- conversions ----

    /** The remaining bytes of {@code buffer} as a new array, without moving its position; null stays null. */
    public static byte[] toArray(ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        if (!buffer.hasRemaining()) {
            return EMPTY_BYTES;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    /** Wraps an array as a buffer; null stays null. */
    public static ByteBuffer wrapNullable(byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }
}
