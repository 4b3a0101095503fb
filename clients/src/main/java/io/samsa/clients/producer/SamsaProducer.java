package io.samsa.clients.producer;

import io.samsa.clients.internals.BootstrapServers;
import io.samsa.clients.internals.ClientConfigs;
import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientJmxReporter;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.clients.internals.ClientMetricRegistry;
import io.samsa.clients.internals.NetworkClient;
import io.samsa.clients.internals.NodeMetrics;
import io.samsa.clients.producer.internals.BuiltInPartitioner;
import io.samsa.clients.producer.internals.ProducerMetrics;
import io.samsa.clients.producer.internals.ProducerSettings;
import io.samsa.clients.producer.internals.RecordAccumulator;
import io.samsa.clients.producer.internals.Sender;
import io.samsa.clients.producer.internals.TopicPartitionCache;
import io.samsa.common.Cluster;
import io.samsa.common.Errors;
import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.PartitionInfo;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.ApiException;
import io.samsa.common.errors.InterruptException;
import io.samsa.common.errors.RecordTooLargeException;
import io.samsa.common.errors.SamsaException;
import io.samsa.common.errors.SerializationException;
import io.samsa.common.errors.TimeoutException;
import io.samsa.common.header.Headers;
import io.samsa.common.header.internals.RecordHeaders;
import io.samsa.common.serialization.Serializer;
import io.samsa.record.CompressionType;
import io.samsa.record.Header;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A producer of records to a Samsa or Apache Kafka cluster, with the shape of Kafka's
 * {@code KafkaProducer}. {@link #send} serializes a record, picks its partition (Kafka's murmur2
 * for keys, sticky batches for keyless records) and appends it to a per-partition batch; one I/O
 * thread sends full or lingered batches to the partition leaders, retries within
 * {@code delivery.timeout.ms}, and completes each record's future and callback. Idempotence is on
 * by default, so retries never duplicate or reorder records within a partition.
 *
 * <pre>{@code
 * Properties props = new Properties();
 * props.put("bootstrap.servers", "localhost:9092");
 * try (Producer<String, String> producer = new SamsaProducer<>(props, new StringSerializer(), new StringSerializer())) {
 *     producer.send(new ProducerRecord<>("orders", "key", "value")).get();
 * }
 * }</pre>
 *
 * <p>Thread-safe: share one producer between threads; it is faster than one each.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public class SamsaProducer<K, V> implements Producer<K, V> {

    /** Sent in InitProducerId; unused without transactions, but brokers check its range. */
    private static final int TRANSACTION_TIMEOUT_MS = 60_000;

    private final Time time;
    private final String clientId;
    private final Serializer<K> keySerializer;
    private final Serializer<V> valueSerializer;
    private final Partitioner partitioner;
    private final Map<String, BuiltInPartitioner> stickyPartitions = new ConcurrentHashMap<>();
    private final TopicPartitionCache topicPartitions = new TopicPartitionCache();
    private final int batchSize;
    private final boolean ignoreKeys;
    private final boolean adaptivePartitioning;
    private final ClientMetadata metadata;
    private final RecordAccumulator accumulator;
    private final Sender sender;
    private final ClientMetricRegistry metricRegistry = new ClientMetricRegistry();
    private final ProducerMetrics metrics;
    /** Null when JMX is off ({@code auto.include.jmx.reporter=false} and no JmxReporter listed). */
    private final ClientJmxReporter jmx;
    private final ClientIoThread io;
    private final long maxBlockMs;
    private final int maxRequestSize;
    private final long totalMemory;
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean closed;

    /** A producer configured by {@code props}, serializers included ({@code key.serializer}, {@code value.serializer}). */
    public SamsaProducer(Properties props) {
        this(ClientConfigs.toMap(props), null, null);
    }

    public SamsaProducer(Map<String, Object> configs) {
        this(configs, null, null);
    }

    public SamsaProducer(Properties props, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        this(ClientConfigs.toMap(props), keySerializer, valueSerializer);
    }

    public SamsaProducer(Map<String, Object> configs, Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        this(new ProducerConfig(ProducerConfig.appendSerializers(configs, keySerializer, valueSerializer)), keySerializer,
                valueSerializer, Time.SYSTEM);
    }

    SamsaProducer(ProducerConfig config, Serializer<K> keySerializer, Serializer<V> valueSerializer, Time time) {
        this.time = time;
        this.clientId = config.getString(ProducerConfig.CLIENT_ID_CONFIG);
        this.keySerializer = keySerializer != null ? keySerializer : config.newKeySerializer();
        this.valueSerializer = valueSerializer != null ? valueSerializer : config.newValueSerializer();
        this.partitioner = config.getClass(ProducerConfig.PARTITIONER_CLASS_CONFIG) == null ? null
                : config.getConfiguredInstance(ProducerConfig.PARTITIONER_CLASS_CONFIG, Partitioner.class);
        if (partitioner != null) {
            partitioner.configure(config.originals());
        }
        this.ignoreKeys = config.getBoolean(ProducerConfig.PARTITIONER_IGNORE_KEYS_CONFIG);
        this.adaptivePartitioning = config.getBoolean(ProducerConfig.PARTITIONER_ADAPTIVE_PARTITIONING_ENABLE_CONFIG);
        this.maxBlockMs = config.getLong(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        this.maxRequestSize = config.getInt(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        this.totalMemory = config.getLong(ProducerConfig.BUFFER_MEMORY_CONFIG);
        this.batchSize = Math.max(1, config.getInt(ProducerConfig.BATCH_SIZE_CONFIG));
        int requestTimeoutMs = config.getInt(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        long retryBackoffMs = config.getLong(ProducerConfig.RETRY_BACKOFF_MS_CONFIG);
        this.metadata = new ClientMetadata(BootstrapServers.parse(config.getList(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG),
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG), config.getLong(ProducerConfig.METADATA_MAX_AGE_CONFIG), retryBackoffMs, time);
        CompressionType compression = CompressionType.forName(config.getString(ProducerConfig.COMPRESSION_TYPE_CONFIG));
        this.accumulator = new RecordAccumulator(batchSize, compression, compressionLevel(config, compression),
                config.getLong(ProducerConfig.LINGER_MS_CONFIG), retryBackoffMs,
                config.getInt(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG), totalMemory, time);
        int maxInFlight = config.getInt(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        NetworkClient network = new NetworkClient(clientId, ClientConfigs.networkSettings(config, maxInFlight, requestTimeoutMs), time);
        ProducerSettings settings = new ProducerSettings(Short.parseShort(config.getString(ProducerConfig.ACKS_CONFIG)),
                requestTimeoutMs, maxRequestSize,
                config.getInt(ProducerConfig.RETRIES_CONFIG), retryBackoffMs, config.getLong(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG),
                config.getBoolean(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG), maxInFlight, TRANSACTION_TIMEOUT_MS);
        long startTimeMs = time.milliseconds();
        NodeMetrics nodeMetrics = new NodeMetrics(metricRegistry, "producer", clientId, time);
        network.recordNodeMetrics(nodeMetrics);
        this.metrics = new ProducerMetrics(metricRegistry, clientId, nodeMetrics, time);
        metrics.set().gauge("buffer-total-bytes", "buffer.memory", () -> (double) totalMemory);
        metrics.set().gauge("buffer-available-bytes", "Unreserved bytes of buffer.memory", () -> (double) accumulator.availableMemory());
        this.sender = new Sender(accumulator, metadata, network, settings, metrics);
        this.io = new ClientIoThread("samsa-producer-network-thread | " + clientId, network, metadata, true, requestTimeoutMs, time);
        io.addParticipant(sender);
        io.addParticipant(this::checkDrained);
        ClientJmxReporter.addAppInfoMetrics(metricRegistry, clientId, startTimeMs);
        this.jmx = ClientConfigs.jmxEnabled(config)
                ? ClientJmxReporter.start(metricRegistry, "kafka.producer", clientId, startTimeMs) : null;
        io.start();
    }

    private static int compressionLevel(ProducerConfig config, CompressionType type) {
        return switch (type) {
            case GZIP -> config.getInt(ProducerConfig.COMPRESSION_GZIP_LEVEL_CONFIG);
            case LZ4 -> config.getInt(ProducerConfig.COMPRESSION_LZ4_LEVEL_CONFIG);
            case ZSTD -> config.getInt(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG);
            default -> Integer.MIN_VALUE;
        };
    }

    @Override
    public CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record) {
        return send(record, null);
    }

    /**
     * Sends a record asynchronously: returns once it is in a batch (blocking up to
     * {@code max.block.ms} for metadata or buffer memory). The future and the callback complete
     * when the broker acknowledged the record or it failed; callbacks run on the I/O thread, in
     * order per partition, and must be quick.
     */
    @Override
    public CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
        if (closed) {
            throw new IllegalStateException("Cannot send after the producer is closed.");
        }
        RuntimeException fatal = sender.fatalError();
        if (fatal != null) {
            return failed(fatal, callback);
        }
        try {
            // The clock is read once per record unless metadata had to be waited for.
            long nowMs = time.milliseconds();
            long remainingMs = maxBlockMs;
            Cluster cluster = metadata.cluster();
            if (!knowsPartition(cluster, record.topic(), record.partition())) {
                cluster = awaitMetadata(record.topic(), record.partition(), maxBlockMs);
                long afterMs = time.milliseconds();
                remainingMs = Math.max(0, maxBlockMs - (afterMs - nowMs));
                nowMs = afterMs;
            }
            byte[] key = serialize(keySerializer, record.topic(), record.headers(), record.key(), "key");
            byte[] value = serialize(valueSerializer, record.topic(), record.headers(), record.value(), "value");
            Header[] headers = toRecordHeaders(record.headers());
            int size = estimateSize(key, value, headers);
            if (size > maxRequestSize) {
                throw new RecordTooLargeException("The message is " + size + " bytes when serialized which is larger than "
                        + maxRequestSize + ", which is the value of the max.request.size configuration.");
            }
            if (size > totalMemory) {
                throw new RecordTooLargeException("The message is " + size + " bytes when serialized which is larger than the "
                        + "total memory buffer you have configured with the buffer.memory configuration.");
            }
            BuiltInPartitioner stickyPartitioner = null;
            BuiltInPartitioner.StickyPartition sticky = null;
            int partition;
            if (record.partition() != null) {
                partition = record.partition();
            } else if (partitioner != null) {
                partition = partitioner.partition(record.topic(), record.key(), key, record.value(), value, cluster);
            } else if (key != null && !ignoreKeys) {
                partition = BuiltInPartitioner.partitionForKey(key, cluster.partitionCountForTopic(record.topic()));
            } else {
                stickyPartitioner = stickyPartitions.get(record.topic());
                if (stickyPartitioner == null) {
                    // Looked up first: a capturing lambda per record costs an allocation per record.
                    stickyPartitioner = stickyPartitions.computeIfAbsent(record.topic(),
                            t -> new BuiltInPartitioner(t, batchSize, adaptivePartitioning));
                }
                sticky = stickyPartitioner.current(cluster);
                partition = sticky.partition();
            }
            TopicPartition tp = topicPartitions.get(record.topic(), partition);
            long timestamp = record.timestamp() != null ? record.timestamp() : nowMs;
            RecordAccumulator.AppendResult result = accumulator.append(tp, timestamp, key, value, headers, callback, remainingMs,
                    nowMs);
            if (sticky != null) {
                // Switch partitions only once this one's batch is full, so no small batch is left behind.
                stickyPartitioner.appended(sticky, size, cluster, result.batchIsFull());
            }
            if (result.batchIsFull() || result.newBatchCreated()) {
                io.wakeup();
            }
            return result.future();
        } catch (ApiException e) {
            return failed(e, callback);
        }
    }

    private CompletableFuture<RecordMetadata> failed(RuntimeException e, Callback callback) {
        if (callback != null) {
            callback.onCompletion(null, e);
        }
        return CompletableFuture.failedFuture(e);
    }

    private static <T> byte[] serialize(Serializer<T> serializer, String topic, Headers headers, T data, String what) {
        try {
            return serializer.serialize(topic, headers, data);
        } catch (ClassCastException e) {
            throw new SerializationException("Can't convert " + what + " of class " + data.getClass().getName() + " to the "
                    + what + ".serializer's type", e);
        }
    }

    private static Header[] toRecordHeaders(Headers headers) {
        if (headers instanceof RecordHeaders rh) {
            rh.setReadOnly();
        }
        io.samsa.common.header.Header[] in = headers.toArray();
        if (in.length == 0) {
            return null;
        }
        Header[] out = new Header[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = new Header(in[i].key(), in[i].value());
        }
        return out;
    }

    private static int estimateSize(byte[] key, byte[] value, Header[] headers) {
        int size = 61 + 21 + (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        if (headers != null) {
            for (Header h : headers) {
                size += 10 + h.key().length() + h.valueSize();
            }
        }
        return size;
    }

    /**
     * Waits until the metadata knows {@code topic} (and {@code partition}, when given), asking the
     * I/O thread to refresh it; throws {@link TimeoutException} after {@code maxWaitMs}.
     */
    /** Whether {@code cluster} has the topic (and the partition, if one is named): no waiting needed. */
    private static boolean knowsPartition(Cluster cluster, String topic, Integer partition) {
        Integer partitions = cluster.partitionCountForTopic(topic);
        return partitions != null && partitions > 0 && (partition == null || partition < partitions);
    }

    private Cluster awaitMetadata(String topic, Integer partition, long maxWaitMs) {
        Cluster known = metadata.cluster();
        if (knowsPartition(known, topic, partition)) {
            // The common case, once per record: no lock. The topic is followed since it was first seen.
            return known;
        }
        metadata.addTopics(List.of(topic));
        long deadline = time.hiResClockMs() + maxWaitMs;
        while (true) {
            Cluster cluster = metadata.cluster();
            Integer count = cluster.partitionCountForTopic(topic);
            if (count != null && count > 0 && (partition == null || partition < count)) {
                return cluster;
            }
            Errors error = metadata.topicError(topic).orElse(Errors.NONE);
            if (error == Errors.INVALID_TOPIC_EXCEPTION || error == Errors.TOPIC_AUTHORIZATION_FAILED) {
                throw error.exception("Cannot send to " + topic);
            }
            long left = deadline - time.hiResClockMs();
            if (left <= 0) {
                throw new TimeoutException(count != null && partition != null
                        ? "Partition " + partition + " of topic " + topic + " with partition count " + count
                                + " is not present in metadata after " + maxWaitMs + " ms."
                        : "Topic " + topic + " not present in metadata after " + maxWaitMs + " ms.");
            }
            int version = metadata.requestUpdate();
            io.wakeup();
            metadata.awaitUpdate(version, left);
        }
    }

    /** Sends everything buffered now and waits until each record was acknowledged or failed. */
    @Override
    public void flush() {
        accumulator.beginFlush();
        io.wakeup();
        try {
            accumulator.awaitFlushCompletion();
        } catch (InterruptedException e) {
            throw new InterruptException("Flush interrupted.", e);
        }
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return awaitMetadata(topic, null, maxBlockMs).partitionsForTopic(topic);
    }

    /**
     * Kafka's producer metrics this producer keeps (a subset; see the README): groups
     * {@code producer-metrics}, {@code producer-topic-metrics}, {@code producer-node-metrics} and
     * {@code app-info}. The same metrics are published in JMX as Kafka's producer publishes them.
     */
    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return metricRegistry.metrics();
    }

    @Override
    public void close() {
        close(Duration.ofMillis(Long.MAX_VALUE));
    }

    /**
     * Stops accepting records, sends what is buffered and waits up to {@code timeout} for the
     * answers; what is still unanswered then fails.
     */
    @Override
    public void close(Duration timeout) {
        if (io.isIoThread()) {
            throw new SamsaException("close() called from a callback: it would wait for itself");
        }
        if (closed) {
            return;
        }
        closed = true;
        accumulator.close();
        io.wakeup();
        try {
            drained.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) { // not ours: the JDK's
            // Some batches are still unanswered: they fail below.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        CompletableFuture<Void> aborted = new CompletableFuture<>();
        io.submit(() -> {
            sender.abortAll(new SamsaException("Producer is closed forcefully."));
            aborted.complete(null);
        });
        try {
            // Aborting is quick on a live I/O thread; a dead one has nothing left to abort.
            aborted.get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The I/O thread is gone: nothing is left to abort.
        }
        io.close();
        if (jmx != null) {
            jmx.close();
        }
        closeQuietly(keySerializer);
        closeQuietly(valueSerializer);
        if (partitioner != null) {
            partitioner.close();
        }
    }

    private long checkDrained(long nowMs) {
        if (closed && !accumulator.appendsInProgress() && !accumulator.hasIncomplete()) {
            drained.complete(null);
        }
        return closed ? 10 : Long.MAX_VALUE;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (Exception ignored) {
            // Closing anyway.
        }
    }
}
