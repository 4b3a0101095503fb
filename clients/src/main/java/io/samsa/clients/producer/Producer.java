package io.samsa.clients.producer;

import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.PartitionInfo;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends records to a cluster: the API of {@code SamsaProducer}, and of test doubles. Kafka's
 * {@code Producer} without transactions, and with {@link CompletableFuture}s. Implementations are
 * thread-safe: one producer is meant to be shared by all the threads of an application.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface Producer<K, V> extends Closeable {

    /**
     * Sends a record asynchronously: serializes it, chooses its partition and adds it to a batch,
     * then returns. The future completes when the broker acknowledged the record (as
     * {@code acks} asks) or the send failed. Blocks up to {@code max.block.ms} while the topic's
     * metadata is unknown or the send buffer is full.
     *
     * @return the record's metadata, once known
     * @throws io.samsa.common.errors.SerializationException if the key or value cannot be serialized
     * @throws io.samsa.common.errors.TimeoutException if the topic's metadata or buffer space did not
     *         become available within {@code max.block.ms}
     * @throws io.samsa.common.errors.InterruptException if the calling thread was interrupted while
     *         blocked
     * @throws IllegalStateException if the producer is closed
     */
    CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record);

    /**
     * As {@link #send(ProducerRecord)}, also calling {@code callback} once the record is
     * acknowledged or failed (before the future completes).
     */
    CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback);

    /**
     * Makes every buffered record ready to send now (ignoring {@code linger.ms}) and blocks until all
     * records sent before this call are acknowledged or failed.
     *
     * @throws io.samsa.common.errors.InterruptException if interrupted while waiting
     */
    void flush();

    /**
     * The partitions of a topic, fetching its metadata when it is not known yet.
     *
     * @throws io.samsa.common.errors.TimeoutException if the metadata is not available within
     *         {@code max.block.ms}
     */
    List<PartitionInfo> partitionsFor(String topic);

    /** The producer's metrics, a read-only snapshot of the names with live values. */
    Map<MetricName, ? extends Metric> metrics();

    /** Closes the producer, waiting as long as it takes for every buffered record to be sent. */
    @Override
    void close();

    /**
     * Closes the producer, waiting at most {@code timeout} for buffered records to be sent; records
     * still unsent then fail. A zero timeout fails them at once.
     */
    void close(Duration timeout);
}
