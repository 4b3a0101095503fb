package io.samsa.record;

import io.samsa.record.compress.ByteBufferOutputStream;

/**
 * Rewrites v2 batches read from the log as a legacy message set for Fetch v0-v3 (magic 0 for
 * Fetch v0-v1, magic 1 for Fetch v2-v3), as Kafka down-converts for old consumers. Control
 * batches (transaction markers) are left out, since old clients cannot read them; headers,
 * producer ids and sequences are dropped, as magic 0 and 1 have no place for them. An
 * uncompressed batch becomes one message per record; a compressed one becomes one wrapper with
 * the same codec (see {@link LegacyMessageSetBuilder} for offsets and timestamps). Only complete
 * batches are converted: a fetch read may end inside a batch, and that part is dropped.
 * Stateless, so thread-safe.
 */
public final class LegacyDownConverter {

    private LegacyDownConverter() {
    }

    /** {@link #convert(MemoryRecords, byte, long)} keeping every record. */
    public static LegacyMessageSet convert(MemoryRecords records, byte toMagic) {
        return convert(records, toMagic, 0L);
    }

    /**
     * Converts the complete batches of {@code records} to {@code toMagic}.
     *
     * @param firstOffset records of uncompressed batches below this offset (the fetch offset) are
     *                    left out, as Kafka does; compressed batches go out whole, since a wrapper
     *                    cannot be split
     * @throws UnsupportedCompressionException if any batch to convert is zstd-compressed; nothing
     *                                         is converted then
     * @throws CorruptRecordException          if a batch cannot be read
     * @throws UnsupportedMagicException       if a batch is not v2
     * @throws IllegalArgumentException        if {@code toMagic} is not 0 or 1
     */
    public static LegacyMessageSet convert(MemoryRecords records, byte toMagic, long firstOffset) {
        if (toMagic != LegacyLayout.MAGIC_V0 && toMagic != LegacyLayout.MAGIC_V1) {
            throw new IllegalArgumentException("Down-conversion is to magic 0 or 1, not " + toMagic);
        }
        refuseZstd(records, toMagic);
        ByteBufferOutputStream out = new ByteBufferOutputStream(records.sizeInBytes());
        for (RecordBatch batch : records.batches()) {
            if (!batch.isControlBatch()) {
                convert(batch, toMagic, firstOffset, out);
            }
        }
        return LegacyMessageSet.readableMessages(out.buffer().flip());
    }

    /** A pass over headers only, so that a zstd batch anywhere refuses the whole fetch up front. */
    private static void refuseZstd(MemoryRecords records, byte toMagic) {
        for (RecordBatch batch : records.batches()) {
            if (!batch.isControlBatch() && batch.compressionType() == CompressionType.ZSTD) {
                throw new UnsupportedCompressionException(CompressionType.ZSTD, "Record batch at base offset "
                    + batch.baseOffset() + " is zstd-compressed, which magic " + toMagic + " cannot carry");
            }
        }
    }

    private static void convert(RecordBatch batch, byte toMagic, long firstOffset, ByteBufferOutputStream out) {
        LegacyMessageSetBuilder builder = new LegacyMessageSetBuilder(out, toMagic, batch.compressionType());
        if (batch.timestampType() == TimestampType.LOG_APPEND_TIME) {
            if (batch.maxTimestamp() < 0) {
                throw new CorruptRecordException("LogAppendTime batch at base offset " + batch.baseOffset()
                    + " has no append time (max timestamp " + batch.maxTimestamp() + ")");
            }
            builder.logAppendTime(batch.maxTimestamp());
        }
        boolean keepAll = batch.isCompressed();
        for (Record record : batch) {
            if (!keepAll && record.offset() < firstOffset) {
                continue;
            }
            long timestamp = record.timestamp();
            if (toMagic == LegacyLayout.MAGIC_V1 && timestamp < 0 && timestamp != BatchLayout.NO_TIMESTAMP) {
                throw new CorruptRecordException("Record at offset " + record.offset() + " has invalid timestamp "
                    + timestamp);
            }
            builder.appendWithOffset(record.offset(), timestamp, record.key(), record.value());
        }
        builder.build();
    }
}
