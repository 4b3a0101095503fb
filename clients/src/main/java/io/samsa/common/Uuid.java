package io.samsa.common;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A 128-bit id as Kafka uses for topics and clusters, printed as URL-safe base64 without
 * padding. {@link #ZERO} means "no id". Immutable.
 */
public final class Uuid implements Comparable<Uuid> {

    public static final Uuid ZERO = new Uuid(0L, 0L);
    /** Reserved by Kafka for metadata topics; never handed out. */
    public static final Uuid ONE = new Uuid(0L, 1L);

    private final long mostSignificantBits;
    private final long leastSignificantBits;

    public Uuid(long mostSignificantBits, long leastSignificantBits) {
        this.mostSignificantBits = mostSignificantBits;
        this.leastSignificantBits = leastSignificantBits;
    }

    /** A random id that is neither ZERO nor ONE and whose text does not start with '-'. */
    public static Uuid randomUuid() {
        while (true) {
            java.util.UUID u = new java.util.UUID(ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
            Uuid id = new Uuid(u.getMostSignificantBits(), u.getLeastSignificantBits());
            if (!id.equals(ZERO) && !id.equals(ONE) && !id.toString().startsWith("-")) {
                return id;
            }
        }
    }

    public static Uuid fromString(String text) {
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        if (bytes.length != 16) {
            throw new IllegalArgumentException("A Uuid is 16 bytes, got " + bytes.length + " from '" + text + "'");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        return new Uuid(buf.getLong(), buf.getLong());
    }

    public long mostSignificantBits() {
        return mostSignificantBits;
    }

    public long leastSignificantBits() {
        return leastSignificantBits;
    }

    @Override
    public String toString() {
        ByteBuffer buf = ByteBuffer.allocate(16).putLong(mostSignificantBits).putLong(leastSignificantBits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Uuid u && u.mostSignificantBits == mostSignificantBits && u.leastSignificantBits == leastSignificantBits;
    }

    @Override
    public int hashCode() {
        long h = mostSignificantBits ^ leastSignificantBits;
        return (int) (h >> 32) ^ (int) h;
    }

    @Override
    public int compareTo(Uuid o) {
        int c = Long.compare(mostSignificantBits, o.mostSignificantBits);
        return c != 0 ? c : Long.compare(leastSignificantBits, o.leastSignificantBits);
    }
}
