package io.samsa.systest.faults;

import io.samsa.testkit.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An acks=all producer with kafka-clients' default settings (idempotent, retries within
 * delivery.timeout.ms) sending one small record every 20 ms from its own thread, and the times its
 * records were acknowledged: what a client sees of a failover. Thread-safe.
 */
final class AckClock implements AutoCloseable {

    private static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final List<Long> ackNanos = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Thread sender;
    private volatile boolean running = true;

    private AckClock(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.topic = topic;
        this.sender = new Thread(this::send, "ack-clock");
    }

    static AckClock start(String bootstrap, String topic) {
        AckClock clock = new AckClock(bootstrap, topic);
        clock.sender.start();
        return clock;
    }

    private void send() {
        long next = System.nanoTime();
        for (long i = 0; running; i++) {
            producer.send(new ProducerRecord<>(topic, 0, null, "tick-" + i), (metadata, e) -> {
                synchronized (this) {
                    if (e == null) {
                        ackNanos.add(System.nanoTime());
                    } else {
                        failures.add(e.toString());
                    }
                }
            });
            next += INTERVAL_NANOS;
            LockSupport.parkNanos(next - System.nanoTime()); // the send rate, not a wait for state
        }
    }

    void awaitAcks(int n, Duration timeout) {
        Wait.until(n + " acknowledgements", timeout, () -> acksSince(Long.MIN_VALUE) >= n);
    }

    /** Waits for {@code n} acknowledgements later than {@code sinceNanos}. */
    void awaitAcksAfter(long sinceNanos, int n, Duration timeout) {
        Wait.until(n + " acknowledgements after the fault", timeout, () -> acksSince(sinceNanos) >= n);
    }

    private synchronized int acksSince(long sinceNanos) {
        int count = 0;
        for (long t : ackNanos) {
            if (sinceNanos == Long.MIN_VALUE || t - sinceNanos > 0) {
                count++;
            }
        }
        return count;
    }

    /** The longest time between two acknowledgements in a row, in ms. */
    synchronized long longestGapMs() {
        long longest = 0;
        for (int i = 1; i < ackNanos.size(); i++) {
            longest = Math.max(longest, ackNanos.get(i) - ackNanos.get(i - 1));
        }
        return longest / 1_000_000;
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        running = false;
        try {
            sender.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(10));
    }
}
