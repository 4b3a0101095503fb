package io.samsa.record;

import java.nio.ByteBuffer;

/**
 * Tells which record format a buffer holds by the magic byte of its first entry. Every format puts
 * it 16 bytes in (after an int64 offset, an int32 size and, for v2, the leader epoch or, for
 * v0/v1, the CRC), so one byte read decides whether produced records take the v2 path or the
 * legacy one. Stateless, so thread-safe.
 */
public final class RecordMagic {

    /** Returned when the buffer is too short to hold a magic byte. */
    public static final int UNKNOWN = -1;

    private RecordMagic() {
    }

    /**
     * The magic byte of the first batch or message in the remaining bytes of {@code buffer}
     * (0, 1, 2, or whatever else is there), or {@link #UNKNOWN} if fewer than 17 bytes remain.
     * The buffer's position is untouched; nothing beyond the byte is checked.
     */
    public static int firstMagic(ByteBuffer buffer) {
        if (buffer.remaining() <= BatchLayout.MAGIC_OFFSET) {
            return UNKNOWN;
        }
        return buffer.get(buffer.position() + BatchLayout.MAGIC_OFFSET);
    }

    /** Whether {@code magic} is one of the legacy message formats (0 or 1). */
    public static boolean isLegacy(int magic) {
        return magic == LegacyLayout.MAGIC_V0 || magic == LegacyLayout.MAGIC_V1;
    }
}
