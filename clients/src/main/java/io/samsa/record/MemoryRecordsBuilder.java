package io.samsa.record;

import static io.samsa.record.BatchLayout.ATTRIBUTES_OFFSET;
import static io.samsa.record.BatchLayout.CONTROL_FLAG_MASK;
import static io.samsa.record.BatchLayout.HEADER_SIZE;
import static io.samsa.record.BatchLayout.LOG_OVERHEAD;
import static io.samsa.record.BatchLayout.MAGIC_V2;
import static io.samsa.record.BatchLayout.TIMESTAMP_TYPE_MASK;
import static io.samsa.record.BatchLayout.TRANSACTIONAL_FLAG_MASK;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import io.samsa.record.compress.ByteBufferOutputStream;

/**
 * Builds one RecordBatch v2. Configure it first (the setters return {@code this} and are refused
 * once a record has been appended), append records in offset order, then {@link #build()}.
 * Uncompressed records are encoded straight into the batch buffer; compressed ones are encoded
 * into a reused scratch buffer and streamed through the codec, so each record is copied at most
 * once. Not thread-safe: one thread builds a batch.
 *
 * <pre>
 * MemoryRecords records = MemoryRecords.builder(CompressionType.LZ4, 0L)
 *     .producerState(producerId, epoch, baseSequence)
 *     .append(now, key, value, headers)
 *     ...
 *     .build();
 * </pre>
 */
public final class MemoryRecordsBuilder {

    private static final int DEFAULT_INITIAL_CAPACITY = 1024;

    private final CompressionType compression;
    private final long baseOffset;
    private int compressionLevel;
    private TimestampType timestampType = TimestampType.CREATE_TIME;
    private long logAppendTime = BatchLayout.NO_TIMESTAMP;
    private long producerId = BatchLayout.NO_PRODUCER_ID;
    private short producerEpoch = BatchLayout.NO_PRODUCER_EPOCH;
    private int baseSequence = BatchLayout.NO_SEQUENCE;
    private int partitionLeaderEpoch = BatchLayout.NO_PARTITION_LEADER_EPOCH;
    private boolean transactional;
    private boolean control;
    private long deleteHorizonMs = BatchLayout.NO_TIMESTAMP;
    private long lastOffsetOverride = -1;
    private int initialCapacity = DEFAULT_INITIAL_CAPACITY;
    private ByteBuffer initialBuffer;

    private ByteBufferOutputStream out;
    private OutputStream compressor;
    private ByteBuffer scratch;
    private int numRecords;
    private long lastOffset = -1;
    private long baseTimestamp = BatchLayout.NO_TIMESTAMP;
    private long maxTimestamp = BatchLayout.NO_TIMESTAMP;
    private long uncompressedRecordBytes;
    private MemoryRecords built;

    public MemoryRecordsBuilder(CompressionType compression, long baseOffset) {
        if (compression == null) {
            throw new NullPointerException("compression");
        }
        if (baseOffset < 0) {
            throw new IllegalArgumentException("Base offset must be non-negative, got " + baseOffset);
        }
        this.compression = compression;
        this.baseOffset = baseOffset;
        this.compressionLevel = compression.defaultLevel();
    }

    // ---- configuration, before the first append ----

    public MemoryRecordsBuilder compressionLevel(int level) {
        checkConfigurable();
        if (compression.hasLevels() && !compression.isValidLevel(level)) {
            throw new IllegalArgumentException("Invalid " + compression + " level " + level);
        }
        this.compressionLevel = level;
        return this;
    }

    /** CREATE_TIME (the default), or LOG_APPEND_TIME together with {@link #logAppendTime(long)}. */
    public MemoryRecordsBuilder timestampType(TimestampType type) {
        checkConfigurable();
        if (type == TimestampType.NO_TIMESTAMP_TYPE) {
            throw new IllegalArgumentException("A v2 batch needs CREATE_TIME or LOG_APPEND_TIME");
        }
        this.timestampType = type;
        return this;
    }

    /** Makes the batch LOG_APPEND_TIME with this append time (what a broker does when it builds batches). */
    public MemoryRecordsBuilder logAppendTime(long appendTime) {
        checkConfigurable();
        this.timestampType = TimestampType.LOG_APPEND_TIME;
        this.logAppendTime = appendTime;
        return this;
    }

    /**
     * Idempotent producer fields. Unlike the other settings they may change until {@link #build()},
     * because a producer assigns sequences when a batch is sent, after its records were appended.
     */
    public MemoryRecordsBuilder producerState(long producerId, short producerEpoch, int baseSequence) {
        if (built != null) {
            throw new IllegalStateException("The batch has already been built");
        }
        this.producerId = producerId;
        this.producerEpoch = producerEpoch;
        this.baseSequence = baseSequence;
        return this;
    }

    public MemoryRecordsBuilder partitionLeaderEpoch(int epoch) {
        checkConfigurable();
        this.partitionLeaderEpoch = epoch;
        return this;
    }

    public MemoryRecordsBuilder transactional(boolean transactional) {
        checkConfigurable();
        this.transactional = transactional;
        return this;
    }

    public MemoryRecordsBuilder control(boolean control) {
        checkConfigurable();
        this.control = control;
        return this;
    }

    /**
     * Stores a log cleaner's delete horizon: the batch's base timestamp becomes {@code horizonMs}
     * (record timestamps stay exact, as deltas from it) and the delete-horizon attribute is set.
     */
    public MemoryRecordsBuilder deleteHorizonMs(long horizonMs) {
        checkConfigurable();
        if (horizonMs < 0) {
            throw new IllegalArgumentException("Invalid delete horizon " + horizonMs);
        }
        this.deleteHorizonMs = horizonMs;
        return this;
    }

    /** First size of the batch buffer; it grows by doubling. */
    public MemoryRecordsBuilder initialCapacity(int bytes) {
        checkConfigurable();
        this.initialCapacity = Math.max(HEADER_SIZE, bytes);
        return this;
    }

    /**
     * Writes the batch into {@code buffer} (from its start; a recycled buffer's old content does not
     * matter) instead of a new one; a larger batch moves to a new buffer and leaves this one unused.
     */
    public MemoryRecordsBuilder buffer(ByteBuffer buffer) {
        checkConfigurable();
        if (buffer.capacity() < HEADER_SIZE) {
            throw new IllegalArgumentException("A batch buffer needs at least " + HEADER_SIZE + " bytes, got " + buffer.capacity());
        }
        this.initialBuffer = buffer;
        return this;
    }

    private void checkConfigurable() {
        if (out != null || built != null) {
            throw new IllegalStateException("Batch settings cannot change after the first append");
        }
    }

    // ---- appending ----

    /** Appends a record at {@link #nextOffset()}. Key, value and headers may be null. */
    public MemoryRecordsBuilder append(long timestamp, ByteBuffer key, ByteBuffer value, Header[] headers) {
        appendWithOffset(nextOffset(), timestamp, key, value, headers);
        return this;
    }

    public MemoryRecordsBuilder append(long timestamp, byte[] key, byte[] value) {
        return append(timestamp, ByteUtils.wrapNullable(key), ByteUtils.wrapNullable(value), null);
    }

    /**
     * Appends a record at an explicit offset, which must be above the last one (gaps are allowed,
     * as in a compacted log). Key and value are read from their positions and not moved.
     */
    public MemoryRecordsBuilder appendWithOffset(long offset, long timestamp, ByteBuffer key, ByteBuffer value,
                                                 Header[] headers) {
        if (built != null) {
            throw new IllegalStateException("The batch has already been built");
        }
        if (offset < baseOffset || offset <= lastOffset) {
            throw new IllegalArgumentException("Offset " + offset + " must be at least the base offset "
                + baseOffset + " and above the last appended offset " + lastOffset);
        }
        if (offset - baseOffset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Offset " + offset + " is too far from base offset " + baseOffset);
        }
        if (timestamp < 0 && timestamp != BatchLayout.NO_TIMESTAMP) {
            throw new IllegalArgumentException("Invalid negative timestamp " + timestamp);
        }
        if (out == null) {
            start();
            baseTimestamp = deleteHorizonMs != BatchLayout.NO_TIMESTAMP ? deleteHorizonMs : timestamp;
        }
        int offsetDelta = (int) (offset - baseOffset);
        long timestampDelta = timestamp - baseTimestamp;
        int bodySize = RecordCodec.bodySize(offsetDelta, timestampDelta, key, value, headers);
        int totalSize = RecordCodec.totalSize(bodySize);
        if (compressor == null) {
            out.ensureRemaining(totalSize);
            RecordCodec.write(out.buffer(), bodySize, offsetDelta, timestampDelta, key, value, headers);
        } else {
            writeCompressed(totalSize, bodySize, offsetDelta, timestampDelta, key, value, headers);
        }
        numRecords++;
        lastOffset = offset;
        maxTimestamp = Math.max(maxTimestamp, timestamp);
        uncompressedRecordBytes += totalSize;
        return this;
    }

    private void writeCompressed(int totalSize, int bodySize, int offsetDelta, long timestampDelta,
                                 ByteBuffer key, ByteBuffer value, Header[] headers) {
        if (scratch == null || scratch.capacity() < totalSize) {
            scratch = ByteBuffer.allocate(Math.max(totalSize, scratch == null ? 256 : scratch.capacity() * 2));
        }
        scratch.clear();
        RecordCodec.write(scratch, bodySize, offsetDelta, timestampDelta, key, value, headers);
        try {
            compressor.write(scratch.array(), 0, scratch.position());
        } catch (IOException e) {
            throw new UncheckedIOException("Compressing a record failed", e);
        }
    }

    private void start() {
        if (timestampType == TimestampType.LOG_APPEND_TIME && logAppendTime == BatchLayout.NO_TIMESTAMP) {
            throw new IllegalStateException("A LOG_APPEND_TIME batch needs logAppendTime(long)");
        }
        out = initialBuffer != null ? new ByteBufferOutputStream(initialBuffer) : new ByteBufferOutputStream(initialCapacity);
        out.position(HEADER_SIZE);
        if (compression != CompressionType.NONE) {
            try {
                compressor = compression.wrapForOutput(out, compressionLevel);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the " + compression + " compressor", e);
            }
        }
    }

    // ---- state ----

    public int numRecords() {
        return numRecords;
    }

    public boolean isEmpty() {
        return numRecords == 0;
    }

    /** The offset the next {@link #append} will use. */
    public long nextOffset() {
        return lastOffset < 0 ? baseOffset : lastOffset + 1;
    }

    public CompressionType compressionType() {
        return compression;
    }

    /** Encoded size of the records before compression. */
    public long uncompressedBytesWritten() {
        return uncompressedRecordBytes;
    }

    /**
     * The batch size if built now: exact for uncompressed batches, an upper estimate (records
     * counted uncompressed) for compressed ones, whose codecs buffer internally.
     */
    public long estimatedSizeInBytes() {
        return HEADER_SIZE + uncompressedRecordBytes;
    }

    /**
     * Makes the batch end at {@code lastOffset}, past its last record: a compacted batch keeps its
     * original offset range so that its last producer sequence stays what the producer wrote.
     */
    public MemoryRecordsBuilder overrideLastOffset(long lastOffset) {
        if (built != null) {
            throw new IllegalStateException("The batch has already been built");
        }
        if (lastOffset - baseOffset > Integer.MAX_VALUE || lastOffset < baseOffset) {
            throw new IllegalArgumentException("Last offset " + lastOffset + " does not fit base offset " + baseOffset);
        }
        this.lastOffsetOverride = lastOffset;
        return this;
    }

    // ---- building ----

    /**
     * Finishes the batch and returns it; {@link MemoryRecords#EMPTY} when no record was
     * appended. Further calls return the same result.
     */
    public MemoryRecords build() {
        if (built != null) {
            return built;
        }
        if (out == null) {
            built = MemoryRecords.EMPTY;
            return built;
        }
        if (compressor != null) {
            try {
                compressor.close(); // flushes the codec's last block into out
            } catch (IOException e) {
                throw new UncheckedIOException("Finishing the " + compression + " stream failed", e);
            }
            compressor = null;
        }
        ByteBuffer batch = out.buffer();
        int size = batch.position();
        writeHeader(batch, size);
        batch.flip();
        built = MemoryRecords.readableRecords(batch);
        out = null;
        scratch = null;
        return built;
    }

    private void writeHeader(ByteBuffer batch, int size) {
        int attributes = compression.id;
        if (timestampType == TimestampType.LOG_APPEND_TIME) {
            attributes |= TIMESTAMP_TYPE_MASK;
        }
        if (transactional) {
            attributes |= TRANSACTIONAL_FLAG_MASK;
        }
        if (control) {
            attributes |= CONTROL_FLAG_MASK;
        }
        if (deleteHorizonMs != BatchLayout.NO_TIMESTAMP) {
            attributes |= BatchLayout.DELETE_HORIZON_FLAG_MASK;
        }
        long batchLastOffset = Math.max(lastOffset, lastOffsetOverride);
        long batchMaxTimestamp = timestampType == TimestampType.LOG_APPEND_TIME ? logAppendTime : maxTimestamp;
        batch.putLong(BatchLayout.BASE_OFFSET_OFFSET, baseOffset);
        batch.putInt(BatchLayout.LENGTH_OFFSET, size - LOG_OVERHEAD);
        batch.putInt(BatchLayout.PARTITION_LEADER_EPOCH_OFFSET, partitionLeaderEpoch);
        batch.put(BatchLayout.MAGIC_OFFSET, MAGIC_V2);
        batch.putShort(ATTRIBUTES_OFFSET, (short) attributes);
        batch.putInt(BatchLayout.LAST_OFFSET_DELTA_OFFSET, (int) (batchLastOffset - baseOffset));
        batch.putLong(BatchLayout.BASE_TIMESTAMP_OFFSET, baseTimestamp);
        batch.putLong(BatchLayout.MAX_TIMESTAMP_OFFSET, batchMaxTimestamp);
        batch.putLong(BatchLayout.PRODUCER_ID_OFFSET, producerId);
        batch.putShort(BatchLayout.PRODUCER_EPOCH_OFFSET, producerEpoch);
        batch.putInt(BatchLayout.BASE_SEQUENCE_OFFSET, baseSequence);
        batch.putInt(BatchLayout.RECORDS_COUNT_OFFSET, numRecords);
        long crc = Crc32C.compute(batch, ATTRIBUTES_OFFSET, size - ATTRIBUTES_OFFSET);
        ByteUtils.writeUnsignedInt(batch, BatchLayout.CRC_OFFSET, crc);
    }
}
