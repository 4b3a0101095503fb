package io.samsa.record;

import static io.samsa.record.LegacyLayout.ATTRIBUTES_OFFSET;
import static io.samsa.record.LegacyLayout.COMPRESSION_CODEC_MASK;
import static io.samsa.record.LegacyLayout.CRC_OFFSET;
import static io.samsa.record.LegacyLayout.LOG_OVERHEAD;
import static io.samsa.record.LegacyLayout.MAGIC_OFFSET;
import static io.samsa.record.LegacyLayout.MAGIC_V0;
import static io.samsa.record.LegacyLayout.MAGIC_V1;
import static io.samsa.record.LegacyLayout.MESSAGE_OVERHEAD_V0;
import static io.samsa.record.LegacyLayout.OFFSET_OFFSET;
import static io.samsa.record.LegacyLayout.SIZE_OFFSET;
import static io.samsa.record.LegacyLayout.TIMESTAMP_OFFSET;
import static io.samsa.record.LegacyLayout.TIMESTAMP_TYPE_MASK;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * A view over exactly one entry of a legacy message set (magic 0 or 1): the offset and size
 * fields followed by one message, laid out as {@link LegacyLayout} describes. The constructor
 * checks the framing (sizes, magic, key and value lengths that exactly fill the message), so the
 * accessors never read outside the entry; the CRC is checked only by {@link #ensureValid()}.
 * Key and value are views of the shared bytes, not copies. A compressed message ("wrapper")
 * is just a message here; {@link LegacyMessageSet#records()} opens it.
 *
 * <p>Immutable over bytes that nobody modifies, so then safe to share between threads.
 */
public final class LegacyMessage extends KeyValueView {

    private final ByteBuffer buffer;
    private final byte magic;

    /** An entry's bytes, checked and cut into the fields the accessors read. */
    private record Framing(ByteBuffer view, byte magic, ByteBuffer key, ByteBuffer value) {
    }

    /**
     * Wraps the remaining bytes of {@code entry}, which must be exactly one entry. The bytes are
     * shared; the caller's position and limit are untouched.
     *
     * @throws CorruptRecordException if the bytes are not one well-framed magic 0 or 1 message
     */
    public LegacyMessage(ByteBuffer entry) {
        this(frame(entry));
    }

    private LegacyMessage(Framing f) {
        super(f.key(), f.value());
        this.buffer = f.view();
        this.magic = f.magic();
    }

    private static Framing frame(ByteBuffer entry) {
        ByteBuffer view = entry.slice();
        int size = view.remaining();
        if (size < LOG_OVERHEAD + MESSAGE_OVERHEAD_V0) {
            throw new CorruptRecordException("Legacy message entry of " + size + " bytes is shorter than the "
                + (LOG_OVERHEAD + MESSAGE_OVERHEAD_V0) + "-byte minimum");
        }
        long declared = (long) view.getInt(SIZE_OFFSET) + LOG_OVERHEAD;
        if (declared != size) {
            throw new CorruptRecordException("Legacy message declares " + declared + " bytes but its entry holds "
                + size);
        }
        byte m = view.get(MAGIC_OFFSET);
        if (m != MAGIC_V0 && m != MAGIC_V1) {
            throw new CorruptRecordException("Legacy message has magic " + m + "; a message set holds magic 0 or 1");
        }
        if (size < LOG_OVERHEAD + LegacyLayout.messageOverhead(m)) {
            throw new CorruptRecordException("Magic " + m + " message of " + (size - LOG_OVERHEAD)
                + " bytes is shorter than its " + LegacyLayout.messageOverhead(m) + "-byte header");
        }
        int keySizeOffset = LegacyLayout.keySizeOffset(m);
        ByteBuffer key = sliceField(view, keySizeOffset, "key");
        int valueSizeOffset = keySizeOffset + 4 + (key == null ? 0 : key.remaining());
        if (valueSizeOffset > size - 4) {
            throw new CorruptRecordException("Legacy message key of " + key.remaining()
                + " bytes leaves no room for the value length");
        }
        ByteBuffer value = sliceField(view, valueSizeOffset, "value");
        int end = valueSizeOffset + 4 + (value == null ? 0 : value.remaining());
        if (end != size) {
            throw new CorruptRecordException("Legacy message has " + (size - end)
                + " bytes after its value");
        }
        return new Framing(view, m, key, value);
    }

    /** The length-prefixed field at {@code at}, or null for length -1; it must fit in the entry. */
    private static ByteBuffer sliceField(ByteBuffer view, int at, String what) {
        int length = view.getInt(at);
        if (length == -1) {
            return null;
        }
        int start = at + 4;
        if (length < 0 || length > view.limit() - start) {
            throw new CorruptRecordException("Legacy message " + what + " length " + length + " does not fit the "
                + (view.limit() - start) + " bytes left");
        }
        return view.slice(start, length);
    }

    /** The offset field: absolute, or relative inside a magic 1 wrapper. */
    public long offset() {
        return buffer.getLong(OFFSET_OFFSET);
    }

    /** Total bytes of the entry, including the offset and size fields. */
    public int sizeInBytes() {
        return buffer.limit();
    }

    public byte magic() {
        return magic;
    }

    public byte attributes() {
        return buffer.get(ATTRIBUTES_OFFSET);
    }

    /**
     * The codec of the attributes.
     *
     * @throws InvalidRecordException for zstd (id 4), which was only ever defined for v2
     * @throws CorruptRecordException for codec ids 5-7, which no format defines
     */
    public CompressionType compressionType() {
        int id = attributes() & COMPRESSION_CODEC_MASK;
        if (id == CompressionType.ZSTD.id) {
            throw new InvalidRecordException("Magic " + magic + " message at offset " + offset()
                + " is zstd-compressed, which exists for record batches v2 only");
        }
        if (id > CompressionType.ZSTD.id) {
            throw new CorruptRecordException("Magic " + magic + " message at offset " + offset()
                + " has unknown compression codec id " + id);
        }
        return CompressionType.forId(id);
    }

    /** Whether the codec bits are non-zero: this is a wrapper of an inner message set. */
    public boolean isCompressed() {
        return (attributes() & COMPRESSION_CODEC_MASK) != 0;
    }

    /** NO_TIMESTAMP_TYPE for magic 0; for magic 1 the type bit of the attributes. */
    public TimestampType timestampType() {
        if (magic == MAGIC_V0) {
            return TimestampType.NO_TIMESTAMP_TYPE;
        }
        return (attributes() & TIMESTAMP_TYPE_MASK) == 0 ? TimestampType.CREATE_TIME : TimestampType.LOG_APPEND_TIME;
    }

    /** The stored timestamp for magic 1; {@link BatchLayout#NO_TIMESTAMP} for magic 0, which has none. */
    public long timestamp() {
        return magic == MAGIC_V0 ? BatchLayout.NO_TIMESTAMP : buffer.getLong(TIMESTAMP_OFFSET);
    }

    /** The stored CRC-32, unsigned. */
    public long checksum() {
        return ByteUtils.readUnsignedInt(buffer, CRC_OFFSET);
    }

    /** The CRC-32 the message should carry: over magic byte to end, computed in place. */
    public long computeChecksum() {
        CRC32 crc = new CRC32();
        crc.update(buffer.slice(MAGIC_OFFSET, buffer.limit() - MAGIC_OFFSET));
        return crc.getValue();
    }

    public boolean isValid() {
        return checksum() == computeChecksum();
    }

    /** @throws CorruptRecordException if the stored CRC does not match the bytes */
    public void ensureValid() {
        long stored = checksum();
        long computed = computeChecksum();
        if (stored != computed) {
            throw new CorruptRecordException("Magic " + magic + " message at offset " + offset()
                + " is corrupt (stored crc = " + stored + ", computed crc = " + computed + ")");
        }
    }

    /** A view of the whole entry (position 0, limit = size). */
    public ByteBuffer buffer() {
        return buffer.duplicate();
    }

    @Override
    public String toString() {
        return "LegacyMessage(magic=" + magic + ", offset=" + offset() + ", size=" + sizeInBytes()
            + ", compression=" + (attributes() & COMPRESSION_CODEC_MASK) + ", timestamp=" + timestamp()
            + ", keySize=" + keySize() + ", valueSize=" + valueSize() + ")";
    }
}
