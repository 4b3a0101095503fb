package io.samsa.systest.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A producer sending distinct records to one partition without pause, on its own thread, until
 * stopped, recording the offset and value of every record the broker acknowledged (through the
 * send callback). At most {@value #MAX_OUTSTANDING} records are unacknowledged at a time, so a
 * broker outage stalls the stream rather than filling memory. Thread-safe: the sending thread,
 * the producer's I/O thread (callbacks) and the test thread share only concurrent collections.
 */
final class ProduceStream implements AutoCloseable {

    private static final int MAX_OUTSTANDING = 200;
    private static final String PADDING = "x".repeat(64);

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final int partition;
    private final Semaphore outstanding = new Semaphore(MAX_OUTSTANDING);
    private final Map<Long, String> acked = new ConcurrentSkipListMap<>();
    /** Acknowledgements naming an offset already acknowledged for a different record. */
    private final List<String> conflicts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable sendError;

    ProduceStream(KafkaProducer<String, String> producer, String topic, int partition) {
        this.producer = producer;
        this.topic = topic;
        this.partition = partition;
        this.thread = new Thread(this::run, "produce-stream-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long seq = 0;
        try {
            while (running) {
                if (!outstanding.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                String value = "record-" + seq + "-" + PADDING;
                sent.incrementAndGet();
                try {
                    producer.send(new ProducerRecord<>(topic, partition, "k" + seq, value), (md, e) -> {
                        outstanding.release();
                        if (e != null) {
                            failures.incrementAndGet();
                            return;
                        }
                        String previous = acked.putIfAbsent(md.offset(), value);
                        if (previous != null) {
                            conflicts.add("offset " + md.offset() + " acknowledged for " + previous + " and for " + value);
                        }
                    });
                } catch (RuntimeException e) {
                    // send() itself gives up when metadata stays unavailable past max.block.ms; keep going.
                    outstanding.release();
                    failures.incrementAndGet();
                }
                seq++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            sendError = t;
        }
    }

    int ackedCount() {
        return acked.size();
    }

    /** Stops sending and waits for every sent record to be acknowledged or to fail. */
    void stop() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush();
        if (sendError != null) {
            throw new AssertionError("the sending thread died", sendError);
        }
    }

    /** Offset → value of every acknowledged record; complete only after {@link #stop()}. */
    Map<Long, String> acked() {
        return acked;
    }

    List<String> conflicts() {
        return conflicts;
    }

    int failures() {
        return failures.get();
    }

    long sent() {
        return sent.get();
    }

    @Override
    public void close() {
        running = false;
        producer.close(Duration.ofSeconds(10));
    }
}
