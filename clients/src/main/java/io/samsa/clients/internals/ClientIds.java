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

    public static String producer(String configured) {
        return isSet(configured) ? configured : "producer-" + PRODUCERS.incrementAndGet();
    }

    public static String consumer(String configured, String groupId) {
        if (isSet(configured)) {
            return configured;
        }
        return "consumer-" + (isSet(groupId) ? groupId + "-" : "") + CONSUMERS.incrementAndGet();
    }

    public static String admin(String configured) {
        return isSet(configured) ? configured : "adminclient-" + ADMINS.incrementAndGet();
    }

    private static boolean isSet(String s) {
        return s != null && !s.isEmpty();
    }
}
