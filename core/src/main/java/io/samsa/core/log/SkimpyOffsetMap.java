package io.samsa.core.log;

import java.nio.ByteBuffer;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The log cleaner's map from record key to the latest offset seen for it, kept small as Kafka's
 * SkimpyOffsetMap is: a key is stored only as its 16-byte MD5 digest (two collisions in the same
 * log are astronomically unlikely, and would only keep an extra old record), in an open-addressing
 * table of longs. The table starts small and doubles as keys arrive, up to a memory budget
 * ({@code log.cleaner.dedupe.buffer.size} divided among the cleaner threads), so a broker that
 * never compacts much never holds the whole budget. Once the budget's slots are filled up to the
 * load factor, the map is {@linkplain #isFull() full} and the cleaner cleans what it has mapped.
 *
 * <p>Not thread-safe: each cleaner thread owns one map.
 */
final class SkimpyOffsetMap {

    /** Bytes of one entry: the two halves of the digest and the offset. */
    static final int BYTES_PER_ENTRY = 24;
    private static final int LONGS_PER_ENTRY = 3;
    private static final int INITIAL_SLOTS = 1 << 12;

    private final int maxSlots;
    private final double loadFactor;
    private final MessageDigest digest;
    private final byte[] hashBytes = new byte[16];
    private final ByteBuffer hashView = ByteBuffer.wrap(hashBytes);
    // Slot i holds (hashHigh, hashLow, offset + 1); an offset field of 0 marks an empty slot.
    private long[] table;
    private int slots;
    private int entries;
    private long latestOffset = -1L;
    private long lookups;
    private long probes;
    // The digest of the last key hashed, so that get-then-put of one key hashes once.
    private long high;
    private long low;

    /**
     * @param memoryBytes the most memory the table may take
     * @param loadFactor  the fraction of slots that may be filled, in (0, 1)
     */
    SkimpyOffsetMap(long memoryBytes, double loadFactor) {
        if (loadFactor <= 0 || loadFactor >= 1) {
            throw new IllegalArgumentException("Load factor must be in (0, 1): " + loadFactor);
        }
        long budgetSlots = Math.min(memoryBytes / BYTES_PER_ENTRY, (Integer.MAX_VALUE - 8) / LONGS_PER_ENTRY);
        if (budgetSlots < 2) {
            throw new IllegalArgumentException("A dedupe buffer of " + memoryBytes + " bytes holds no key");
        }
        this.maxSlots = (int) budgetSlots;
        this.loadFactor = loadFactor;
        try {
            this.digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
        this.slots = Math.min(INITIAL_SLOTS, maxSlots);
        this.table = new long[slots * LONGS_PER_ENTRY];
    }

    /** The number of keys the map can hold at its full budget. */
    int capacity() {
        return (int) (maxSlots * loadFactor);
    }

    int size() {
        return entries;
    }

    /** Whether {@code more} keys could still be added, in the worst case that all are new. */
    boolean hasRoomFor(int more) {
        return (long) entries + more <= capacity();
    }

    boolean isFull() {
        return entries >= capacity();
    }

    /** The largest offset put since the last clear, or -1. */
    long latestOffset() {
        return latestOffset;
    }

    /** Raises {@link #latestOffset()} past offsets that carried no key. */
    void updateLatestOffset(long offset) {
        latestOffset = Math.max(latestOffset, offset);
    }

    /** Average slots probed per lookup: a health figure for the logs. */
    double collisionRate() {
        return lookups == 0 ? 0 : (double) (probes - lookups) / lookups;
    }

    /** Maps the key (its remaining bytes; position untouched) to {@code offset}, replacing any earlier offset. */
    void put(ByteBuffer key, long offset) {
        if (entries >= capacity()) {
            throw new IllegalStateException("The offset map is full (" + entries + " keys)");
        }
        hash(key);
        if ((entries + 1) > slots * loadFactor && slots < maxSlots) {
            grow();
        }
        int slot = find(high, low);
        int at = slot * LONGS_PER_ENTRY;
        if (table[at + 2] == 0) {
            table[at] = high;
            table[at + 1] = low;
            entries++;
        }
        table[at + 2] = offset + 1;
        latestOffset = Math.max(latestOffset, offset);
    }

    /** The latest offset mapped for the key, or -1. */
    long get(ByteBuffer key) {
        hash(key);
        int at = find(high, low) * LONGS_PER_ENTRY;
        return table[at + 2] - 1;
    }

    /** Forgets every key; the table keeps its current size. */
    void clear() {
        java.util.Arrays.fill(table, 0L);
        entries = 0;
        latestOffset = -1L;
        lookups = 0;
        probes = 0;
    }

    /** The slot holding the digest, or the empty slot where it would go. */
    private int find(long h, long l) {
        lookups++;
        int slot = (int) ((h ^ (h >>> 32)) & 0x7fffffffL) % slots;
        while (true) {
            probes++;
            int at = slot * LONGS_PER_ENTRY;
            if (table[at + 2] == 0 || (table[at] == h && table[at + 1] == l)) {
                return slot;
            }
            slot = slot + 1 == slots ? 0 : slot + 1;
        }
    }

    private void grow() {
        long[] old = table;
        int oldSlots = slots;
        slots = (int) Math.min((long) slots * 2, maxSlots);
        table = new long[slots * LONGS_PER_ENTRY];
        for (int i = 0; i < oldSlots; i++) {
            int from = i * LONGS_PER_ENTRY;
            if (old[from + 2] != 0) {
                int to = find(old[from], old[from + 1]) * LONGS_PER_ENTRY;
                table[to] = old[from];
                table[to + 1] = old[from + 1];
                table[to + 2] = old[from + 2];
            }
        }
    }

    private void hash(ByteBuffer key) {
        digest.update(key.duplicate());
        try {
            digest.digest(hashBytes, 0, hashBytes.length);
        } catch (DigestException e) {
            throw new IllegalStateException("MD5 digest failed", e);
        }
        high = hashView.getLong(0);
        low = hashView.getLong(8);
    }
}
