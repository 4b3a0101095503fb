package io.samsa.record;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import io.samsa.record.compress.ByteBufferOutputStream;

/**
 * Writes a legacy message set of magic 0 or 1, the way Kafka's builder writes one: uncompressed,
 * one message per record with its own offset; compressed (gzip, snappy or lz4), a single wrapper
 * holding every record as an inner message. In a magic 1 wrapper the inner offsets are relative
 * to the first record and the wrapper carries the last record's absolute offset (a consumer adds
 * the difference back); in a magic 0 wrapper the inner offsets are absolute and the wrapper also
 * carries the last one. Magic 1 messages store the timestamp and the timestamp type bit (a
 * LogAppendTime set stores the append time in every message); magic 0 stores neither.
 *
 * <p>Configure, append records in increasing offset order, then {@link #build()}. Several builders
 * may write one after another into a shared {@link ByteBufferOutputStream}, so that a run of
 * converted batches becomes one set without copying. Not thread-safe.
 */
public final class LegacyMessageSetBuilder {

    private final ByteBufferOutputStream out;
    private final int start;
    private final byte magic;
    private final CompressionType compression;
    private int compressionLevel;
    private TimestampType timestampType = TimestampType.CREATE_TIME;
    private long logAppendTime = BatchLayout.NO_TIMESTAMP;

    private OutputStream compressor;
    private ByteBuffer scratch;
    private int numRecords;
    private long firstOffset = -1;
    private long lastOffset = -1;
    private long maxTimestamp = BatchLayout.NO_TIMESTAMP;
    private LegacyMessageSet built;

    /** A builder with its own buffer. */
    public LegacyMessageSetBuilder(byte magic, CompressionType compression) {
        this(new ByteBufferOutputStream(1024), magic, compression);
    }

    /**
     * A builder that appends to {@code out} from its current position; nothing else may write to
     * {@code out} until {@link #build()} has returned.
     *
     * @throws IllegalArgumentException for a magic other than 0 and 1, or zstd, which they lack
     */
    public LegacyMessageSetBuilder(ByteBufferOutputStream out, byte magic, CompressionType compression) {
        if (magic != LegacyLayout.MAGIC_V0 && magic != LegacyLayout.MAGIC_V1) {
            throw new IllegalArgumentException("Legacy message sets have magic 0 or 1, not " + magic);
        }
        if (compression != CompressionType.NONE && !LegacyCompression.isLegacyCodec(compression)) {
            throw new IllegalArgumentException(compression + " compression does not exist for magic " + magic);
        }
        this.out = out;
        this.start = out.position();
        this.magic = magic;
        this.compression = compression;
        this.compressionLevel = compression.defaultLevel();
    }

    // ---- configuration, before the first append ----

    public LegacyMessageSetBuilder compressionLevel(int level) {
        checkConfigurable();
        if (compression.hasLevels() && !compression.isValidLevel(level)) {
            throw new IllegalArgumentException("Invalid " + compression + " level " + level);
        }
        this.compressionLevel = level;
        return this;
    }

    /** CREATE_TIME (the default) or LOG_APPEND_TIME with {@link #logAppendTime(long)}; magic 0 ignores it. */
    public LegacyMessageSetBuilder timestampType(TimestampType type) {
        checkConfigurable();
        if (type == TimestampType.NO_TIMESTAMP_TYPE) {
            throw new IllegalArgumentException("Use CREATE_TIME or LOG_APPEND_TIME");
        }
        this.timestampType = type;
        return this;
    }

    /** Makes the set LOG_APPEND_TIME: magic 1 messages (and the wrapper) carry {@code appendTime}. */
    public LegacyMessageSetBuilder logAppendTime(long appendTime) {
        checkConfigurable();
        this.timestampType = TimestampType.LOG_APPEND_TIME;
        this.logAppendTime = appendTime;
        return this;
    }

    private void checkConfigurable() {
        if (numRecords > 0 || built != null) {
            throw new IllegalStateException("Settings cannot change after the first append");
        }
    }

    // ---- appending ----

    /** Appends a record; byte arrays may be null. */
    public LegacyMessageSetBuilder appendWithOffset(long offset, long timestamp, byte[] key, byte[] value) {
        return appendWithOffset(offset, timestamp, ByteUtils.wrapNullable(key), ByteUtils.wrapNullable(value));
    }

    /**
     * Appends a record at {@code offset}, which must exceed the previous one. Key and value may be
     * null and are read from their positions without being moved.
     *
     * @throws IllegalArgumentException for a non-increasing offset, or a magic 1 timestamp below -1
     */
    public LegacyMessageSetBuilder appendWithOffset(long offset, long timestamp, ByteBuffer key, ByteBuffer value) {
        if (built != null) {
            throw new IllegalStateException("The message set has already been built");
        }
        if (offset < 0 || offset <= lastOffset) {
            throw new IllegalArgumentException("Offset " + offset + " must be non-negative and above the last "
                + "appended offset " + lastOffset);
        }
        if (magic == LegacyLayout.MAGIC_V1 && timestampType == TimestampType.LOG_APPEND_TIME) {
            timestamp = logAppendTime;
        }
        if (magic == LegacyLayout.MAGIC_V1 && timestamp < 0 && timestamp != BatchLayout.NO_TIMESTAMP) {
            throw new IllegalArgumentException("Invalid magic 1 timestamp " + timestamp);
        }
        if (numRecords == 0) {
            if (timestampType == TimestampType.LOG_APPEND_TIME && logAppendTime == BatchLayout.NO_TIMESTAMP) {
                throw new IllegalStateException("A LOG_APPEND_TIME set needs logAppendTime(long)");
            }
            firstOffset = offset;
            if (compression != CompressionType.NONE) {
                openCompressor();
            }
        }
        int attributes = timestampTypeBit();
        if (compressor == null) {
            out.ensureRemaining(LegacyMessageCodec.entrySize(magic, key, value));
            LegacyMessageCodec.write(out.buffer(), offset, magic, attributes, timestamp, key, value);
        } else {
            long innerOffset = magic == LegacyLayout.MAGIC_V0 ? offset : offset - firstOffset;
            writeCompressed(innerOffset, attributes, timestamp, key, value);
        }
        numRecords++;
        lastOffset = offset;
        maxTimestamp = Math.max(maxTimestamp, timestamp);
        return this;
    }

    private int timestampTypeBit() {
        return magic == LegacyLayout.MAGIC_V1 && timestampType == TimestampType.LOG_APPEND_TIME
            ? LegacyLayout.TIMESTAMP_TYPE_MASK : 0;
    }

    private void openCompressor() {
        // Room for the wrapper header, written once the compressed size is known.
        out.position(start + LegacyMessageCodec.wrapperHeaderSize(magic));
        try {
            compressor = LegacyCompression.wrapForOutput(compression, out, magic, compressionLevel);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the " + compression + " compressor", e);
        }
    }

    private void writeCompressed(long innerOffset, int attributes, long timestamp, ByteBuffer key, ByteBuffer value) {
        int size = LegacyMessageCodec.entrySize(magic, key, value);
        if (scratch == null || scratch.capacity() < size) {
            scratch = ByteBuffer.allocate(Math.max(size, scratch == null ? 256 : scratch.capacity() * 2));
        }
        scratch.clear();
        LegacyMessageCodec.write(scratch, innerOffset, magic, attributes, timestamp, key, value);
        try {
            compressor.write(scratch.array(), 0, scratch.position());
        } catch (IOException e) {
            throw new UncheckedIOException("Compressing a message failed", e);
        }
    }

    // ---- state ----

    public int numRecords() {
        return numRecords;
    }

    public boolean isEmpty() {
        return numRecords == 0;
    }

    public byte magic() {
        return magic;
    }

    // ---- building ----

    /**
     * Finishes the set (closing the wrapper, if compressed) and returns a view of the bytes this
     * builder wrote; empty when nothing was appended. Further calls return the same set.
     */
    public LegacyMessageSet build() {
        if (built != null) {
            return built;
        }
        if (compressor != null) {
            try {
                compressor.close(); // flushes the codec's last block into out
            } catch (IOException e) {
                throw new UncheckedIOException("Finishing the " + compression + " stream failed", e);
            }
            compressor = null;
            long wrapperTimestamp = timestampType == TimestampType.LOG_APPEND_TIME ? logAppendTime : maxTimestamp;
            LegacyMessageCodec.writeWrapperHeader(out.buffer(), start, out.position(), lastOffset, magic,
                compression.id | timestampTypeBit(), wrapperTimestamp);
        }
        scratch = null;
        built = LegacyMessageSet.readableMessages(out.buffer().slice(start, out.position() - start));
        return built;
    }
}
