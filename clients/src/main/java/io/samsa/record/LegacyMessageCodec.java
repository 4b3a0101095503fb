package io.samsa.record;

import static io.samsa.record.LegacyLayout.ATTRIBUTES_OFFSET;
import static io.samsa.record.LegacyLayout.CRC_OFFSET;
import static io.samsa.record.LegacyLayout.LOG_OVERHEAD;
import static io.samsa.record.LegacyLayout.MAGIC_OFFSET;
import static io.samsa.record.LegacyLayout.MAGIC_V1;
import static io.samsa.record.LegacyLayout.OFFSET_OFFSET;
import static io.samsa.record.LegacyLayout.SIZE_OFFSET;
import static io.samsa.record.LegacyLayout.TIMESTAMP_OFFSET;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * Encodes one entry of a legacy message set ({@link LegacyLayout}): an ordinary message in one go,
 * or a wrapper in two steps, header last, because its size and CRC are known only once the
 * compressed inner set has been written after it. Stateless, so thread-safe.
 */
final class LegacyMessageCodec {

    private LegacyMessageCodec() {
    }

    /** Bytes of the entry header up to and including the value length, for a null key. */
    static int wrapperHeaderSize(byte magic) {
        return LOG_OVERHEAD + LegacyLayout.messageOverhead(magic);
    }

    /** Total size of an entry holding {@code key} and {@code value} (either may be null). */
    static int entrySize(byte magic, ByteBuffer key, ByteBuffer value) {
        return LOG_OVERHEAD + LegacyLayout.messageOverhead(magic) + sizeOf(key) + sizeOf(value);
    }

    private static int sizeOf(ByteBuffer b) {
        return b == null ? 0 : b.remaining();
    }

    /**
     * Writes one entry at {@code out}'s position, which must have {@link #entrySize} bytes
     * remaining, and advances past it. Key and value are read from their positions and not moved.
     * {@code timestamp} is ignored for magic 0.
     */
    static void write(ByteBuffer out, long offset, byte magic, int attributes, long timestamp, ByteBuffer key,
                      ByteBuffer value) {
        int start = out.position();
        int size = entrySize(magic, key, value);
        out.putLong(offset);
        out.putInt(size - LOG_OVERHEAD);
        out.putInt(0); // CRC, filled in below once the covered bytes are there
        out.put(magic);
        out.put((byte) attributes);
        if (magic == MAGIC_V1) {
            out.putLong(timestamp);
        }
        writeNullable(key, out);
        writeNullable(value, out);
        writeChecksum(out, start, size);
    }

    /**
     * Fills in the header of a wrapper whose compressed value has been written after the space of
     * {@link #wrapperHeaderSize} bytes reserved at {@code start}; the entry ends at {@code end}.
     */
    static void writeWrapperHeader(ByteBuffer out, int start, int end, long offset, byte magic, int attributes,
                                   long timestamp) {
        int headerSize = wrapperHeaderSize(magic);
        out.putLong(start + OFFSET_OFFSET, offset);
        out.putInt(start + SIZE_OFFSET, end - start - LOG_OVERHEAD);
        out.put(start + MAGIC_OFFSET, magic);
        out.put(start + ATTRIBUTES_OFFSET, (byte) attributes);
        if (magic == MAGIC_V1) {
            out.putLong(start + TIMESTAMP_OFFSET, timestamp);
        }
        out.putInt(start + headerSize - 8, -1); // wrappers have no key
        out.putInt(start + headerSize - 4, end - start - headerSize);
        writeChecksum(out, start, end - start);
    }

    private static void writeChecksum(ByteBuffer out, int start, int size) {
        CRC32 crc = new CRC32();
        crc.update(out.slice(start + MAGIC_OFFSET, size - MAGIC_OFFSET));
        ByteUtils.writeUnsignedInt(out, start + CRC_OFFSET, crc.getValue());
    }

    private static void writeNullable(ByteBuffer b, ByteBuffer out) {
        if (b == null) {
            out.putInt(-1);
        } else {
            out.putInt(b.remaining());
            out.put(b.duplicate());
        }
    }
}
