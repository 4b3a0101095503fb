package io.samsa.common.utils;

/**
 * The 32-bit MurmurHash2 (Austin Appleby's public-domain hash) with the seed Kafka's clients use,
 * {@code 0x9747b28c}: the hash behind the default partition of a keyed record. Samsa's producer
 * must pick the same partition as Kafka's for the same key bytes, or records that Kafka and Samsa
 * producers write with one key would land in different partitions. Stateless; thread-safe.
 */
public final class Murmur2 {

    private static final int SEED = 0x9747b28c;
    private static final int M = 0x5bd1e995;
    private static final int R = 24;

    private Murmur2() {
    }

    /** The hash of all of {@code data}. */
    public static int hash(byte[] data) {
        int length = data.length;
        int h = SEED ^ length;
        int whole = length & ~3;
        // Four bytes at a time, read little-endian.
        for (int i = 0; i < whole; i += 4) {
            int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | (data[i + 3] & 0xff) << 24;
            k *= M;
            k ^= k >>> R;
            k *= M;
            h = h * M ^ k;
        }
        // The last one to three bytes.
        int tail = length - whole;
        if (tail > 0) {
            if (tail == 3) {
                h ^= (data[whole + 2] & 0xff) << 16;
            }
            if (tail >= 2) {
                h ^= (data[whole + 1] & 0xff) << 8;
            }
            h ^= data[whole] & 0xff;
            h *= M;
        }
        h ^= h >>> 13;
        h *= M;
        h ^= h >>> 15;
        return h;
    }

    /**
     * {@code number} with its sign bit cleared: a non-negative int for a modulo. Not
     * {@code Math.abs}, which leaves {@code Integer.MIN_VALUE} negative; the same mapping as
     * Kafka's, so partitions agree.
     */
    public static int toPositive(int number) {
        return number & 0x7fffffff;
    }
}
