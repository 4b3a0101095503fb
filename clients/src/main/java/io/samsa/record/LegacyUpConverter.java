package io.samsa.record;

/**
 * Turns a legacy message set produced by an old client (Produce v0-v2) into the single v2 batch
 * Samsa stores, as Kafka's log validator does when the log is v2: every logical record, in
 * order, with offsets 0..n-1 (the broker assigns real ones in place later), no producer id, no
 * headers, and timestamp type CreateTime (a LogAppendTime topic rewrites the batch afterwards,
 * as for any produced v2 batch). Magic 1 records keep their timestamps, magic 0 records get
 * {@link BatchLayout#NO_TIMESTAMP}. Stateless, so thread-safe.
 */
public final class LegacyUpConverter {

    private LegacyUpConverter() {
    }

    /** {@link #toRecordBatch(LegacyMessageSet, CompressionType, int)} at the codec's default level. */
    public static MemoryRecords toRecordBatch(LegacyMessageSet messages, CompressionType compression) {
        return toRecordBatch(messages, compression, compression.defaultLevel());
    }

    /**
     * Converts {@code messages} into one v2 batch. Nothing is built until every message, wrapper
     * and inner, has passed its CRC and framing checks, so a corrupt set costs no compression. The
     * set is read twice, checking then building, so that at most one decompressed wrapper is held
     * at a time whatever the set holds.
     *
     * @param compression the codec of the new batch: the topic's, or for a "producer" topic
     *                    {@link LegacyMessageSet#sourceCompression()}
     * @param level       the codec level (ignored by none and snappy)
     * @return the batch, or {@link MemoryRecords#EMPTY} for a set with no messages
     * @throws CorruptRecordException if any message is corrupt (CRC, framing, compression)
     * @throws InvalidRecordException if a wrapper breaks Kafka's rules (see
     *                                {@link LegacyMessageSet#records()}) or a magic 1 timestamp is
     *                                below -1, which no v2 record can carry
     */
    public static MemoryRecords toRecordBatch(LegacyMessageSet messages, CompressionType compression, int level) {
        int count = 0;
        for (LegacyRecord record : messages.records()) {
            if (record.timestamp() < 0 && record.timestamp() != BatchLayout.NO_TIMESTAMP) {
                throw new InvalidRecordException("Magic " + record.magic() + " message at offset " + record.offset()
                    + " has invalid timestamp " + record.timestamp());
            }
            count++;
        }
        if (count == 0) {
            return MemoryRecords.EMPTY;
        }
        MemoryRecordsBuilder builder = MemoryRecords.builder(compression, 0L)
            .compressionLevel(level)
            .initialCapacity(messages.sizeInBytes());
        for (LegacyRecord record : messages.records()) {
            // The key and value views are appended as they are; no copy before the batch's own.
            builder.append(record.timestamp(), record.key(), record.value(), null);
        }
        return builder.build();
    }
}
