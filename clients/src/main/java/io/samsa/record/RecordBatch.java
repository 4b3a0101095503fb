package io.samsa.record;

import static io.samsa.record.BatchLayout.ATTRIBUTES_OFFSET;
import static io.samsa.record.BatchLayout.BASE_OFFSET_OFFSET;
import static io.samsa.record.BatchLayout.BASE_SEQUENCE_OFFSET;
import static io.samsa.record.BatchLayout.BASE_TIMESTAMP_OFFSET;
import static io.samsa.record.BatchLayout.COMPRESSION_CODEC_MASK;
import static io.samsa.record.BatchLayout.CONTROL_FLAG_MASK;
import static io.samsa.record.BatchLayout.CRC_OFFSET;
import static io.samsa.record.BatchLayout.DELETE_HORIZON_FLAG_MASK;
import static io.samsa.record.BatchLayout.HEADER_SIZE;
import static io.samsa.record.BatchLayout.LAST_OFFSET_DELTA_OFFSET;
import static io.samsa.record.BatchLayout.LENGTH_OFFSET;
import static io.samsa.record.BatchLayout.LOG_OVERHEAD;
import static io.samsa.record.BatchLayout.MAGIC_OFFSET;
import static io.samsa.record.BatchLayout.MAGIC_V2;
import static io.samsa.record.BatchLayout.MAX_TIMESTAMP_OFFSET;
import static io.samsa.record.BatchLayout.PARTITION_LEADER_EPOCH_OFFSET;
import static io.samsa.record.BatchLayout.PRODUCER_EPOCH_OFFSET;
import static io.samsa.record.BatchLayout.PRODUCER_ID_OFFSET;
import static io.samsa.record.BatchLayout.RECORDS_COUNT_OFFSET;
import static io.samsa.record.BatchLayout.RECORDS_OFFSET;
import static io.samsa.record.BatchLayout.TIMESTAMP_TYPE_MASK;
import static io.samsa.record.BatchLayout.TRANSACTIONAL_FLAG_MASK;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A view over exactly one RecordBatch v2 held in a ByteBuffer: header fields are read in place at
 * the offsets of {@link BatchLayout}, records are parsed lazily (and decompressed first when the
 * batch is compressed), and the broker's in-place rewrites (base offset, leader epoch, log append
 * time) write straight into the shared bytes. The view never copies an uncompressed batch.
 *
 * <p>Not thread-safe: the mutators change the underlying buffer, which readers on other threads
 * would see half-written. Read-only use from several threads is safe once no one mutates.
 */
public final class RecordBatch implements Iterable<Record> {

    private final ByteBuffer buffer;

    /**
     * Wraps the remaining bytes of {@code buffer}, which must be exactly one batch. The view
     * shares the bytes; the caller's position and limit are untouched.
     *
     * @throws UnsupportedMagicException if the magic byte is not 2
     * @throws CorruptRecordException if the bytes are shorter than a batch header or do not
     *                                match the batch's declared length
     */
    public RecordBatch(ByteBuffer buffer) {
        ByteBuffer view = buffer.slice();
        if (view.remaining() > MAGIC_OFFSET && view.get(MAGIC_OFFSET) != MAGIC_V2) {
            throw new UnsupportedMagicException(view.get(MAGIC_OFFSET), buffer.position());
        }
        if (view.remaining() < HEADER_SIZE) {
            throw new CorruptRecordException("Record batch of " + view.remaining()
                + " bytes is shorter than the " + HEADER_SIZE + "-byte v2 header");
        }
        long declared = (long) view.getInt(LENGTH_OFFSET) + LOG_OVERHEAD;
        if (declared != view.remaining()) {
            throw new CorruptRecordException("Record batch declares " + declared + " bytes but its buffer holds "
                + view.remaining());
        }
        this.buffer = view;
    }

    // ---- header fields ----

    public long baseOffset() {
        return buffer.getLong(BASE_OFFSET_OFFSET);
    }

    public long lastOffset() {
        return baseOffset() + lastOffsetDelta();
    }

    public long nextOffset() {
        return lastOffset() + 1;
    }

    /** The batchLength field: bytes after the length field itself. */
    public int batchLength() {
        return buffer.getInt(LENGTH_OFFSET);
    }

    /** Total bytes of the batch, including the base offset and length fields. */
    public int sizeInBytes() {
        return buffer.limit();
    }

    public int partitionLeaderEpoch() {
        return buffer.getInt(PARTITION_LEADER_EPOCH_OFFSET);
    }

    public byte magic() {
        return buffer.get(MAGIC_OFFSET);
    }

    /** The stored CRC-32C, unsigned. */
    public long checksum() {
        return ByteUtils.readUnsignedInt(buffer, CRC_OFFSET);
    }

    /** The CRC-32C the batch should carry, computed over attributes..end in place. */
    public long computeChecksum() {
        return Crc32C.compute(buffer, ATTRIBUTES_OFFSET, buffer.limit() - ATTRIBUTES_OFFSET);
    }

    public short attributes() {
        return buffer.getShort(ATTRIBUTES_OFFSET);
    }

    /** @throws CorruptRecordException for codec ids 5-7 */
    public CompressionType compressionType() {
        int id = attributes() & COMPRESSION_CODEC_MASK;
        try {
            return CompressionType.forId(id);
        } catch (IllegalArgumentException e) {
            throw new CorruptRecordException("Record batch at base offset " + baseOffset()
                + " has unknown compression codec id " + id);
        }
    }

    public boolean isCompressed() {
        return (attributes() & COMPRESSION_CODEC_MASK) != 0;
    }

    public TimestampType timestampType() {
        return (attributes() & TIMESTAMP_TYPE_MASK) == 0 ? TimestampType.CREATE_TIME : TimestampType.LOG_APPEND_TIME;
    }

    public boolean isTransactional() {
        return (attributes() & TRANSACTIONAL_FLAG_MASK) != 0;
    }

    public boolean isControlBatch() {
        return (attributes() & CONTROL_FLAG_MASK) != 0;
    }

    /** Whether the log cleaner has stored a delete horizon in {@link #baseTimestamp()}. */
    public boolean hasDeleteHorizon() {
        return (attributes() & DELETE_HORIZON_FLAG_MASK) != 0;
    }

    /** The delete horizon the log cleaner stored, or {@link BatchLayout#NO_TIMESTAMP} if none. */
    public long deleteHorizonMs() {
        return hasDeleteHorizon() ? baseTimestamp() : BatchLayout.NO_TIMESTAMP;
    }

    public int lastOffsetDelta() {
        return buffer.getInt(LAST_OFFSET_DELTA_OFFSET);
    }

    public long baseTimestamp() {
        return buffer.getLong(BASE_TIMESTAMP_OFFSET);
    }

    /** The batch's max timestamp; for LOG_APPEND_TIME, the time the broker appended it. */
    public long maxTimestamp() {
        return buffer.getLong(MAX_TIMESTAMP_OFFSET);
    }

    public long producerId() {
        return buffer.getLong(PRODUCER_ID_OFFSET);
    }

    public short producerEpoch() {
        return buffer.getShort(PRODUCER_EPOCH_OFFSET);
    }

    public boolean hasProducerId() {
        return producerId() != BatchLayout.NO_PRODUCER_ID;
    }

    public int baseSequence() {
        return buffer.getInt(BASE_SEQUENCE_OFFSET);
    }

    /** The sequence of the last record, wrapping past Integer.MAX_VALUE as producers do; -1 if none. */
    public int lastSequence() {
        return sequenceAfter(baseSequence(), lastOffsetDelta());
    }

    public int recordCount() {
        return buffer.getInt(RECORDS_COUNT_OFFSET);
    }

    // ---- validation ----

    /** Whether the stored CRC matches the bytes. */
    public boolean isValid() {
        return checksum() == computeChecksum();
    }

    /** @throws CorruptRecordException if the CRC does not match */
    public void ensureValid() {
        long stored = checksum();
        long computed = computeChecksum();
        if (stored != computed) {
            throw new CorruptRecordException("Record batch at base offset " + baseOffset()
                + " is corrupt (stored crc = " + stored + ", computed crc = " + computed + ")");
        }
    }

    // ---- in-place mutators (the CRC does not cover the first two) ----

    public void setBaseOffset(long baseOffset) {
        buffer.putLong(BASE_OFFSET_OFFSET, baseOffset);
    }

    public void setPartitionLeaderEpoch(int epoch) {
        buffer.putInt(PARTITION_LEADER_EPOCH_OFFSET, epoch);
    }

    /** Marks the batch LOG_APPEND_TIME with the given append time, and recomputes the CRC. */
    public void setLogAppendTime(long appendTime) {
        setMaxTimestamp(TimestampType.LOG_APPEND_TIME, appendTime);
    }

    /**
     * Sets the timestamp type bit and the max timestamp, recomputing the CRC; a no-op when both
     * already hold those values, so a valid batch is not rewritten needlessly.
     */
    public void setMaxTimestamp(TimestampType type, long maxTimestamp) {
        if (type == TimestampType.NO_TIMESTAMP_TYPE) {
            throw new IllegalArgumentException("A v2 batch needs CREATE_TIME or LOG_APPEND_TIME");
        }
        if (timestampType() == type && maxTimestamp() == maxTimestamp) {
            return;
        }
        int attributes = attributes() & ~TIMESTAMP_TYPE_MASK;
        if (type == TimestampType.LOG_APPEND_TIME) {
            attributes |= TIMESTAMP_TYPE_MASK;
        }
        buffer.putShort(ATTRIBUTES_OFFSET, (short) attributes);
        buffer.putLong(MAX_TIMESTAMP_OFFSET, maxTimestamp);
        ByteUtils.writeUnsignedInt(buffer, CRC_OFFSET, computeChecksum());
    }

    // ---- bytes ----

    /** A view of the whole batch (position 0, limit = size); writes through it change the batch. */
    public ByteBuffer buffer() {
        return buffer.duplicate();
    }

    /** Copies the batch into {@code out} at its position. */
    public void writeTo(ByteBuffer out) {
        out.put(buffer.duplicate());
    }

    // ---- records ----

    /**
     * Iterates the records. An uncompressed batch is parsed in place; a compressed one is first
     * decompressed whole into one heap buffer that the records then view.
     *
     * @throws CorruptRecordException (from this call or from the iterator) if the records section
     *                                is malformed or does not hold exactly {@link #recordCount()} records
     */
    @Override
    public Iterator<Record> iterator() {
        int count = recordCount();
        if (count < 0) {
            throw new CorruptRecordException("Record batch at base offset " + baseOffset()
                + " has negative record count " + count);
        }
        ByteBuffer records = recordsSection();
        if (count > records.remaining() / RecordCodec.MIN_RECORD_SIZE) {
            throw new CorruptRecordException("Record batch at base offset " + baseOffset() + " declares "
                + count + " records but holds only " + records.remaining() + " bytes of records");
        }
        long logAppendTime = timestampType() == TimestampType.LOG_APPEND_TIME ? maxTimestamp() : BatchLayout.NO_TIMESTAMP;
        return new RecordIterator(records, count, baseOffset(), baseTimestamp(), baseSequence(), logAppendTime);
    }

    /** All records, materialised. */
    public List<Record> records() {
        List<Record> list = new ArrayList<>(Math.max(0, Math.min(recordCount(), 1024)));
        for (Record r : this) {
            list.add(r);
        }
        return list;
    }

    private ByteBuffer recordsSection() {
        ByteBuffer stored = buffer.slice(RECORDS_OFFSET, buffer.limit() - RECORDS_OFFSET);
        CompressionType compression = compressionType();
        if (compression == CompressionType.NONE) {
            return stored;
        }
        try (InputStream in = compression.wrapForInput(stored)) {
            return Decompression.readFully(in, stored.remaining());
        } catch (IOException | RuntimeException e) {
            throw new CorruptRecordException("Cannot decompress " + compression + " record batch at base offset "
                + baseOffset() + ": " + e.getMessage(), e);
        }
    }

    /** {@code base + delta} as a producer sequence, which wraps to 0 after Integer.MAX_VALUE; -1 stays -1. */
    static int sequenceAfter(int base, int delta) {
        if (base == BatchLayout.NO_SEQUENCE) {
            return BatchLayout.NO_SEQUENCE;
        }
        return (int) (((long) base + delta) % ((long) Integer.MAX_VALUE + 1));
    }

    @Override
    public String toString() {
        return "RecordBatch(magic=" + magic() + ", offsets=[" + baseOffset() + ", " + lastOffset() + "], size="
            + sizeInBytes() + ", count=" + recordCount() + ", compression=" + (attributes() & COMPRESSION_CODEC_MASK)
            + ", timestampType=" + timestampType() + ", crc=" + checksum() + ")";
    }

    /** Parses records one after another and insists the section holds no more and no fewer. */
    private static final class RecordIterator implements Iterator<Record> {
        private final ByteBuffer records;
        private final int count;
        private final long baseOffset;
        private final long baseTimestamp;
        private final int baseSequence;
        private final long logAppendTime;
        private int read;

        RecordIterator(ByteBuffer records, int count, long baseOffset, long baseTimestamp, int baseSequence,
                       long logAppendTime) {
            this.records = records;
            this.count = count;
            this.baseOffset = baseOffset;
            this.baseTimestamp = baseTimestamp;
            this.baseSequence = baseSequence;
            this.logAppendTime = logAppendTime;
        }

        @Override
        public boolean hasNext() {
            if (read < count) {
                return true;
            }
            if (records.hasRemaining()) {
                throw new CorruptRecordException("Record batch at base offset " + baseOffset + " has "
                    + records.remaining() + " bytes after its " + count + " declared records");
            }
            return false;
        }

        @Override
        public Record next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Record record = RecordCodec.read(records, baseOffset, baseTimestamp, baseSequence, logAppendTime);
            read++;
            return record;
        }
    }
}
