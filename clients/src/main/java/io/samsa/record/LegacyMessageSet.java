package io.samsa.record;

import java.nio.ByteBuffer;
import java.util.Iterator;

/**
 * A legacy message set: entries of magic 0 or 1 laid end to end, as Produce v0-v2 requests carry
 * them and Fetch v0-v3 responses return them (see {@link LegacyLayout}). Iteration is shallow
 * ({@link #entries()}: one view per entry, wrappers unopened) or deep ({@link #records()}: every
 * logical record, wrappers decompressed, CRCs checked). Entries of magic 0 and 1 may follow one
 * another, as Kafka allows; an entry of any other magic, or bytes that end inside an entry, make
 * the set corrupt.
 *
 * <p>Safe to read from several threads while nobody modifies the bytes: each iteration keeps its
 * own position.
 */
public final class LegacyMessageSet {

    private final ByteBuffer buffer;

    private LegacyMessageSet(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    /** Wraps the remaining bytes of {@code buffer} (shared, not copied; its position is untouched). */
    public static LegacyMessageSet readableMessages(ByteBuffer buffer) {
        return new LegacyMessageSet(buffer.slice());
    }

    /** A view of the bytes (position 0, limit = size). */
    public ByteBuffer buffer() {
        return buffer.duplicate();
    }

    public int sizeInBytes() {
        return buffer.limit();
    }

    /**
     * Shallow iteration: one {@link LegacyMessage} per entry. Framing is checked as entries are
     * reached; CRCs are not.
     *
     * @throws CorruptRecordException from the iterator on a truncated or malformed entry
     */
    public Iterable<LegacyMessage> entries() {
        return () -> new LegacyEntryIterator(buffer);
    }

    /**
     * Deep iteration over every logical record in order, decompressing wrappers. CRCs of wrappers
     * and inner messages are verified as they are reached.
     *
     * @throws CorruptRecordException from the iterator on a bad CRC, truncation or an undecodable
     *                                wrapper
     * @throws InvalidRecordException from the iterator on a zstd, empty or null-valued wrapper, an
     *                                inner message of another magic, or a nested wrapper
     */
    public Iterable<LegacyRecord> records() {
        return () -> new LegacyRecordIterator(buffer);
    }

    /**
     * Checks the whole set as {@link #records()} would read it, without keeping anything.
     *
     * @throws RecordFormatException on the first problem found, as {@link #records()} raises it
     */
    public void ensureValid() {
        Iterator<LegacyRecord> it = new LegacyRecordIterator(buffer);
        while (it.hasNext()) {
            it.next();
        }
    }

    /**
     * The codec the producer used, as Kafka determines it for a {@code compression.type=producer}
     * topic: that of the last compressed entry, or NONE when no entry is compressed.
     *
     * @throws RecordFormatException on malformed framing or a codec id other than 0-3
     */
    public CompressionType sourceCompression() {
        CompressionType source = CompressionType.NONE;
        for (LegacyMessage message : entries()) {
            CompressionType type = message.compressionType();
            if (type != CompressionType.NONE) {
                source = type;
            }
        }
        return source;
    }

    @Override
    public String toString() {
        return "LegacyMessageSet(size=" + sizeInBytes() + ")";
    }
}
