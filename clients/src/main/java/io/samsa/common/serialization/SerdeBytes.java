package io.samsa.common.serialization;

import io.samsa.common.errors.SerializationException;
import java.nio.ByteBuffer;

/**
 * Big-endian reads and writes of fixed-size numbers, and buffer copies, shared by this package's
 * serializers. Stateless; thread-safe.
 */
final class SerdeBytes {

    private SerdeBytes() {
    }

    /** The remaining bytes of {@code buffer} as a new array; the buffer's position is unchanged. */
    static byte[] copyRemaining(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }

    /** The low {@code size} bytes of {@code bits}, most significant first. */
    static byte[] bigEndian(long bits, int size) {
        byte[] out = new byte[size];
        for (int i = size - 1; i >= 0; i--) {
            out[i] = (byte) bits;
            bits >>>= 8;
        }
        return out;
    }

    /** The bytes read as one big-endian number, after checking there are exactly {@code size}. */
    static long readBigEndian(byte[] data, int size, String type) {
        requireSize(data.length, size, type);
        long bits = 0;
        for (byte b : data) {
            bits = (bits << 8) | (b & 0xFF);
        }
        return bits;
    }

    static void requireSize(int actual, int expected, String type) {
        if (actual != expected) {
            throw new SerializationException("Size of data received by the " + type + " deserializer is "
                    + actual + ", not " + expected);
        }
    }
}
