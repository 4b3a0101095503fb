package io.samsa.clients.internals;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Kafka's default client ids when {@code client.id} is empty: {@code producer-1},
 * {@code consumer-<group>-1}, {@code adminclient-1}, numbered per kind within the process, so
 * broker logs and quotas can tell clients apart. Thread-safe.
 */
public final class ClientIds {

    private static final AtomicInteger PRODUCERS = new AtomicInteger();
    private static final AtomicInteger CONSUMERS = new AtomicInteger();
    private static final AtomicInteger ADMINS = new AtomicInteger();

    private ClientIds() {
    }

    /** The next producer's default id. */
    public static String producer() {
        return "producer-" + PRODUCERS.incrementAndGet();
    }

    /**
     * A consumer's default id: its group (Kafka prints "null" when there is none) and its static
     * member id, or the next number when it has none.
     */
    public static String consumer(String groupId, String groupInstanceId) {
        return "consumer-" + groupId + "-" + (groupInstanceId != null ? groupInstanceId : Integer.toString(CONSUMERS.incrementAndGet()));
    }

    public static String admin(String configured) {
        return isSet(configured) ? configured : "adminclient-" + ADMINS.incrementAndGet();
    }

    private static boolean isSet(String s) {
        return s != null && !s.isEmpty();
    }
}
