package io.samsa.record;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC-32C (Castagnoli) as used by RecordBatch v2, computed straight on a buffer region without
 * copying it (java.util.zip.CRC32C is a JIT intrinsic and reads heap and direct buffers in place).
 * Stateless, so thread-safe.
 */
public final class Crc32C {

    private Crc32C() {
    }

    /** The CRC-32C of {@code length} bytes of {@code buffer} from absolute index {@code offset}. */
    public static long compute(ByteBuffer buffer, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.slice(offset, length));
        return crc.getValue();
    }

    public static long compute(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return crc.getValue();
    }
}
