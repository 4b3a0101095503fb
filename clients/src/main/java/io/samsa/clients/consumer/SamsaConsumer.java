package io.samsa.clients.consumer;

import io.samsa.clients.consumer.internals.ApplicationThreadWaiter;
import io.samsa.clients.consumer.internals.ConsumerCoordinator;
import io.samsa.clients.consumer.internals.ConsumerMetrics;
import io.samsa.clients.consumer.internals.ConsumerSettings;
import io.samsa.clients.consumer.internals.Fetcher;
import io.samsa.clients.consumer.internals.FetchPosition;
import io.samsa.clients.consumer.internals.OffsetResolver;
import io.samsa.clients.consumer.internals.PositionUpdater;
import io.samsa.clients.consumer.internals.SingleThreadGuard;
import io.samsa.clients.consumer.internals.SubscriptionState;
import io.samsa.clients.consumer.internals.SubscriptionUpdater;
import io.samsa.clients.consumer.internals.TopicLookup;
import io.samsa.clients.internals.BootstrapServers;
import io.samsa.clients.internals.ClientConfigs;
import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientJmxReporter;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.clients.internals.ClientMetricRegistry;
import io.samsa.clients.internals.NetworkClient;
import io.samsa.clients.internals.NetworkClientSettings;
import io.samsa.clients.internals.NodeMetrics;
import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.PartitionInfo;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.InvalidGroupIdException;
import io.samsa.common.errors.SamsaException;
import io.samsa.common.errors.TimeoutException;
import io.samsa.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Samsa's consumer: Apache Kafka's {@code KafkaConsumer} behaviour with the classic group
 * protocol, on Samsa's client network layer. Subscribe to topics or a pattern to share their
 * partitions with a group (any of Kafka's assignors, eager or cooperative rebalancing, static
 * membership through {@code group.instance.id}), or assign partitions by hand; then {@link #poll}.
 *
 * <p><b>Not thread-safe</b>, like Kafka's: one application thread calls it, and a call from a
 * second thread while one is inside fails with {@link java.util.ConcurrentModificationException}.
 * The exception is {@link #wakeup()}, which any thread may call to make the application thread's
 * blocking call throw {@link io.samsa.common.errors.WakeupException}. Rebalance listeners and
 * commit callbacks run on the application thread, inside poll and the commit calls. The
 * consumer's one I/O thread does the network work, sends heartbeats between polls, and leaves the
 * group if {@code max.poll.interval.ms} passes without a poll.
 */
public class SamsaConsumer<K, V> implements Consumer<K, V> {

    private static final Logger log = LoggerFactory.getLogger(SamsaConsumer.class);
    /** Kafka's consumer allows many requests per connection: fetches, commits and offsets share it. */
    private static final int MAX_IN_FLIGHT = 100;

    private final ConsumerSettings settings;
    private final Time time;
    private final ClientIoThread io;
    private final ClientMetadata metadata;
    private final SubscriptionState subscriptions;
    private final ApplicationThreadWaiter waiter;
    private final Fetcher<K, V> fetcher;
    private final OffsetResolver offsets;
    private final PositionUpdater positions;
    private final TopicLookup topics;
    private final ConsumerCoordinator coordinator;
    private final SubscriptionUpdater subscriptionUpdater;
    private final ConsumerMetrics metrics;
    /** Null when JMX is off ({@code auto.include.jmx.reporter=false} and no JmxReporter listed). */
    private final ClientJmxReporter jmx;
    private final Deserializer<K> keyDeserializer;
    private final Deserializer<V> valueDeserializer;
    private final SingleThreadGuard guard = new SingleThreadGuard();
    private volatile boolean closed;

    public SamsaConsumer(Properties properties) {
        this(properties, null, null);
    }

    public SamsaConsumer(Properties properties, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        this(ClientConfigs.toMap(properties), keyDeserializer, valueDeserializer);
    }

    public SamsaConsumer(Map<String, Object> configs) {
        this(configs, null, null);
    }

    public SamsaConsumer(Map<String, Object> configs, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer) {
        this(new ConsumerConfig(ConsumerConfig.appendDeserializers(configs, keyDeserializer, valueDeserializer)),
                keyDeserializer, valueDeserializer, Time.SYSTEM);
    }

    SamsaConsumer(ConsumerConfig config, Deserializer<K> keyDeserializer, Deserializer<V> valueDeserializer, Time time) {
        this.settings = ConsumerSettings.from(config);
        this.time = time;
        this.keyDeserializer = keyDeserializer != null ? keyDeserializer : config.newKeyDeserializer();
        this.valueDeserializer = valueDeserializer != null ? valueDeserializer : config.newValueDeserializer();
        String clientId = settings.clientId();
        this.metadata = new ClientMetadata(BootstrapServers.parse(settings.bootstrapServers(),
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG), settings.metadataMaxAgeMs(), settings.retryBackoffMs(), time);
        NetworkClient network = new NetworkClient(clientId, new NetworkClientSettings(MAX_IN_FLIGHT, settings.requestTimeoutMs(),
                settings.reconnectBackoffMs(), settings.reconnectBackoffMaxMs(), settings.socketConnectionSetupTimeoutMs(),
                settings.sendBufferBytes(), settings.receiveBufferBytes()), time);
        this.io = new ClientIoThread("samsa-consumer-network-thread | " + clientId, network, metadata,
                settings.allowAutoCreateTopics(), settings.requestTimeoutMs(), time);
        this.subscriptions = new SubscriptionState(settings.resetStrategy());
        long startTimeMs = time.milliseconds();
        ClientMetricRegistry metricRegistry = new ClientMetricRegistry();
        network.recordNodeMetrics(new NodeMetrics(metricRegistry, "consumer", clientId, time));
        this.metrics = new ConsumerMetrics(metricRegistry, clientId, settings.groupId().isPresent(), time,
                subscriptions::numAssignedPartitions);
        ClientJmxReporter.addAppInfoMetrics(metricRegistry, clientId, startTimeMs);
        this.waiter = new ApplicationThreadWaiter(time);
        this.fetcher = new Fetcher<>(settings, io, subscriptions, waiter, this.keyDeserializer, this.valueDeserializer, metrics);
        this.offsets = new OffsetResolver(io, subscriptions, waiter, time, settings.readCommitted(), settings.requestTimeoutMs(),
                settings.retryBackoffMs(), settings.retryBackoffMaxMs());
        this.topics = new TopicLookup(io, waiter, time, settings.retryBackoffMs(), settings.retryBackoffMaxMs());
        this.coordinator = settings.groupId().isPresent()
                ? new ConsumerCoordinator(io, subscriptions, waiter, time, settings, metrics) : null;
        this.positions = new PositionUpdater(io, subscriptions, offsets, coordinator, waiter, time, settings.requestTimeoutMs());
        this.subscriptionUpdater = new SubscriptionUpdater(subscriptions, metadata, fetcher, coordinator, time,
                settings.defaultApiTimeoutMs());
        this.jmx = ClientConfigs.jmxEnabled(config)
                ? ClientJmxReporter.start(metricRegistry, "kafka.consumer", clientId, startTimeMs) : null;
        io.start();
        log.debug("Consumer {} created", clientId);
    }

    // ---- subscription ----

    @Override
    public Set<TopicPartition> assignment() {
        return call(() -> {
            return subscriptions.assignedPartitions();
        });
    }

    @Override
    public Set<String> subscription() {
        return call(() -> {
            return subscriptions.subscription();
        });
    }

    @Override
    public void subscribe(Collection<String> topics) {
        subscribe(topics, null);
    }

    @Override
    public void subscribe(Collection<String> topics, ConsumerRebalanceListener listener) {
        run(() -> {
            requireGroup();
            subscriptionUpdater.subscribe(topics, listener);
        });
    }

    @Override
    public void subscribe(Pattern pattern) {
        subscribe(pattern, null);
    }

    @Override
    public void subscribe(Pattern pattern, ConsumerRebalanceListener listener) {
        run(() -> {
            requireGroup();
            subscriptionUpdater.subscribe(pattern, listener);
        });
    }

    @Override
    public void unsubscribe() {
        run(subscriptionUpdater::unsubscribe);
    }

    @Override
    public void assign(Collection<TopicPartition> partitions) {
        run(() -> subscriptionUpdater.assign(partitions));
    }

    // ---- poll ----

    @Override
    public ConsumerRecords<K, V> poll(Duration timeout) {
        acquire();
        try {
            metrics.recordPollStart(time.milliseconds());
            return pollInternal(timeout);
        } finally {
            metrics.recordPollEnd(time.milliseconds());
            release();
        }
    }

    private ConsumerRecords<K, V> pollInternal(Duration timeout) {
        long timeoutMs = requireNonNegative(timeout);
        if (subscriptions.type() == SubscriptionState.Type.NONE) {
            throw new IllegalStateException("Consumer is not subscribed to any topics or assigned any partitions");
        }
        long deadline = deadline(timeoutMs);
        do {
            waiter.maybeTriggerWakeup();
            long now = time.milliseconds();
            if (coordinator != null) {
                coordinator.poll(now);
                fetcher.clearBufferedDataForUnassigned();
            }
            positions.update(now);
            Map<TopicPartition, List<ConsumerRecord<K, V>>> records = fetcher.collect();
            // Pipelining: the next fetches travel while the application handles these records.
            fetcher.sendFetches(time.milliseconds());
            if (!records.isEmpty()) {
                return ConsumerRecords.handOver(records);
            }
            if (!fetcher.hasAvailable()) {
                waiter.await(Math.min(deadline, time.milliseconds() + Math.max(1, settings.retryBackoffMs())));
            }
        } while (time.milliseconds() < deadline);
        return ConsumerRecords.empty();
    }

    // ---- commits ----

    @Override
    public void commitSync() {
        commitSync(Duration.ofMillis(settings.defaultApiTimeoutMs()));
    }

    @Override
    public void commitSync(Duration timeout) {
        run(() -> {
            commitSyncInternal(subscriptions.allConsumed(), timeout);
        });
    }

    @Override
    public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        commitSync(offsets, Duration.ofMillis(settings.defaultApiTimeoutMs()));
    }

    @Override
    public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
        run(() -> {
            commitSyncInternal(offsets, timeout);
        });
    }

    private void commitSyncInternal(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout) {
        requireGroup();
        validateCommitOffsets(offsets);
        coordinator.commitSync(offsets, deadline(requireNonNegative(timeout)));
    }

    @Override
    public void commitAsync() {
        commitAsync(null);
    }

    @Override
    public void commitAsync(OffsetCommitCallback callback) {
        run(() -> {
            commitAsyncInternal(subscriptions.allConsumed(), callback);
        });
    }

    @Override
    public void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
        run(() -> {
            commitAsyncInternal(offsets, callback);
        });
    }

    private void commitAsyncInternal(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
        requireGroup();
        validateCommitOffsets(offsets);
        OffsetCommitCallback cb = callback != null ? callback : (o, e) -> {
            if (e != null) {
                log.error("Offset commit with offsets {} failed", o, e);
            }
        };
        coordinator.commitAsync(offsets, cb);
    }

    private static void validateCommitOffsets(Map<TopicPartition, OffsetAndMetadata> offsets) {
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
            if (e.getValue() == null || e.getValue().offset() < 0) {
                throw new IllegalArgumentException("Invalid offset to commit for " + e.getKey() + ": " + e.getValue());
            }
        }
    }

    // ---- positions ----

    @Override
    public void seek(TopicPartition partition, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("seek offset must not be a negative number");
        }
        run(() -> {
            log.info("Seeking to offset {} for partition {}", offset, partition);
            subscriptions.seek(partition, new FetchPosition(offset, Optional.empty(), metadata.leaderEpoch(partition)));
        });
    }

    @Override
    public void seek(TopicPartition partition, OffsetAndMetadata offsetAndMetadata) {
        long offset = offsetAndMetadata.offset();
        if (offset < 0) {
            throw new IllegalArgumentException("seek offset must not be a negative number");
        }
        run(() -> {
            log.info("Seeking to {} for partition {}", offsetAndMetadata, partition);
            subscriptions.seek(partition, new FetchPosition(offset, offsetAndMetadata.leaderEpoch(),
                    metadata.leaderEpoch(partition)));
        });
    }

    @Override
    public void seekToBeginning(Collection<TopicPartition> partitions) {
        seekTo(partitions, OffsetResetStrategy.EARLIEST);
    }

    @Override
    public void seekToEnd(Collection<TopicPartition> partitions) {
        seekTo(partitions, OffsetResetStrategy.LATEST);
    }

    private void seekTo(Collection<TopicPartition> partitions, OffsetResetStrategy strategy) {
        if (partitions == null) {
            throw new IllegalArgumentException("Partitions collection cannot be null");
        }
        run(() -> {
            Collection<TopicPartition> targets = partitions.isEmpty() ? subscriptions.assignedPartitions() : partitions;
            for (TopicPartition tp : targets) {
                log.info("Seeking to {} offset of partition {}", strategy, tp);
                subscriptions.requestReset(tp, strategy);
            }
        });
    }

    @Override
    public long position(TopicPartition partition) {
        return position(partition, Duration.ofMillis(settings.defaultApiTimeoutMs()));
    }

    @Override
    public long position(TopicPartition partition, Duration timeout) {
        return call(() -> {
            if (!subscriptions.isAssigned(partition)) {
                throw new IllegalStateException("You can only check the position for partitions assigned to this consumer.");
            }
            long deadline = deadline(requireNonNegative(timeout));
            do {
                positions.update(deadline);
                if (subscriptions.hasValidPosition(partition)) {
                    return subscriptions.position(partition).offset();
                }
                waiter.await(Math.min(deadline, time.milliseconds() + Math.max(1, settings.retryBackoffMs())));
            } while (time.milliseconds() < deadline);
            throw new TimeoutException("Timeout of " + timeout.toMillis() + "ms expired before the position for partition "
                    + partition + " could be determined");
        });
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions) {
        return committed(partitions, Duration.ofMillis(settings.defaultApiTimeoutMs()));
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions, Duration timeout) {
        return call(() -> {
            requireGroup();
            Map<TopicPartition, OffsetAndMetadata> found = coordinator.committed(partitions,
                    deadline(requireNonNegative(timeout)));
            Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
            for (TopicPartition tp : partitions) {
                out.put(tp, found.get(tp));
            }
            return out;
        });
    }

    // ---- metadata and offsets lookups ----

    /**
     * Kafka's consumer metrics this consumer keeps (a subset; see the README): groups
     * {@code consumer-fetch-manager-metrics} (per client and per assigned partition),
     * {@code consumer-metrics}, {@code consumer-coordinator-metrics} with a group,
     * {@code consumer-node-metrics} and {@code app-info}, also published in JMX as Kafka's consumer
     * publishes them. Any thread may call it.
     */
    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return metrics.metrics();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return partitionsFor(topic, Duration.ofMillis(settings.defaultApiTimeoutMs()));
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic, Duration timeout) {
        return call(() -> {
            Objects.requireNonNull(topic, "topic");
            List<PartitionInfo> known = metadata.cluster().partitionsForTopic(topic);
            if (known != null && !known.isEmpty()) {
                return known;
            }
            return topics.fetch(topic, false, deadline(requireNonNegative(timeout))).getOrDefault(topic, List.of());
        });
    }

    @Override
    public Map<String, List<PartitionInfo>> listTopics() {
        return listTopics(Duration.ofMillis(settings.defaultApiTimeoutMs()));
    }

    @Override
    public Map<String, List<PartitionInfo>> listTopics(Duration timeout) {
        return call(() -> {
            return topics.fetch(null, settings.excludeInternalTopics(), deadline(requireNonNegative(timeout)));
        });
    }

    @Override
    public Set<TopicPartition> paused() {
        return call(() -> {
            return subscriptions.pausedPartitions();
        });
    }

    @Override
    public void pause(Collection<TopicPartition> partitions) {
        run(() -> {
            for (TopicPartition tp : partitions) {
                log.debug("Pausing partition {}", tp);
                subscriptions.pause(tp);
            }
        });
    }

    @Override
    public void resume(Collection<TopicPartition> partitions) {
        run(() -> {
            for (TopicPartition tp : partitions) {
                log.debug("Resuming partition {}", tp);
                subscriptions.resume(tp);
            }
        });
    }

    @Override
    public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch) {
        return offsetsForTimes(timestampsToSearch, Duration.ofMillis(settings.defaultApiTimeoutMs()));
    }

    @Override
    public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch,
                                                                   Duration timeout) {
        return call(() -> offsets.offsetsForTimes(timestampsToSearch, deadline(requireNonNegative(timeout))));
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions) {
        return beginningOffsets(partitions, Duration.ofMillis(settings.defaultApiTimeoutMs()));
    }

    @Override
    public Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions, Duration timeout) {
        return listOffsets(partitions, OffsetResolver.EARLIEST, timeout);
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions) {
        return endOffsets(partitions, Duration.ofMillis(settings.defaultApiTimeoutMs()));
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout) {
        return listOffsets(partitions, OffsetResolver.LATEST, timeout);
    }

    private Map<TopicPartition, Long> listOffsets(Collection<TopicPartition> partitions, long timestamp, Duration timeout) {
        return call(() -> offsets.offsets(partitions, timestamp, deadline(requireNonNegative(timeout))));
    }

    @Override
    public OptionalLong currentLag(TopicPartition partition) {
        return call(() -> {
            Optional<Long> lag = subscriptions.lag(partition, settings.readCommitted());
            return lag.map(OptionalLong::of).orElse(OptionalLong.empty());
        });
    }

    // ---- group ----

    @Override
    public ConsumerGroupMetadata groupMetadata() {
        return call(() -> {
            requireGroup();
            return coordinator.groupMetadata();
        });
    }

    @Override
    public void enforceRebalance() {
        enforceRebalance("user-requested");
    }

    @Override
    public void enforceRebalance(String reason) {
        run(() -> {
            if (coordinator == null) {
                throw new IllegalStateException("Tried to force a rebalance but consumer does not have a group.");
            }
            coordinator.requestRejoin(reason == null || reason.isEmpty() ? "user-requested" : reason);
        });
    }

    // ---- lifecycle ----

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    @Override
    public void close(Duration timeout) {
        if (timeout.toMillis() < 0) {
            throw new IllegalArgumentException("The timeout cannot be negative.");
        }
        guard.acquire();
        try {
            if (closed) {
                return;
            }
            closed = true;
            RuntimeException failure = null;
            if (coordinator != null) {
                try {
                    failure = coordinator.close(deadline(timeout.toMillis()), waiter);
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            io.close();
            if (jmx != null) {
                jmx.close();
            }
            closeQuietly(keyDeserializer);
            closeQuietly(valueDeserializer);
            log.debug("Consumer {} closed", settings.clientId());
            if (failure != null && !(failure instanceof io.samsa.common.errors.WakeupException)) {
                throw failure instanceof SamsaException ? failure : new SamsaException("Failed to close the consumer", failure);
            }
        } finally {
            guard.release();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            log.warn("Failed to close {}", c, e);
        }
    }

    @Override
    public void wakeup() {
        waiter.wakeup();
    }

    // ---- helpers ----

    /** Runs {@code body} as the one thread inside the consumer. */
    private void run(Runnable body) {
        acquire();
        try {
            body.run();
        } finally {
            release();
        }
    }

    /** Calls {@code body} as the one thread inside the consumer. */
    private <T> T call(java.util.function.Supplier<T> body) {
        acquire();
        try {
            return body.get();
        } finally {
            release();
        }
    }

    private void acquire() {
        guard.acquire();
        if (closed) {
            guard.release();
            throw new IllegalStateException("This consumer has already been closed.");
        }
    }

    private void release() {
        guard.release();
    }

    private void requireGroup() {
        if (coordinator == null) {
            throw new InvalidGroupIdException("To use the group management or offset commit APIs, you must provide a "
                    + "valid group.id in the consumer configuration.");
        }
    }

    private static long requireNonNegative(Duration timeout) {
        long ms = timeout.toMillis();
        if (ms < 0) {
            throw new IllegalArgumentException("Timeout must not be negative");
        }
        return ms;
    }

    private long deadline(long timeoutMs) {
        long now = time.milliseconds();
        return Long.MAX_VALUE - now < timeoutMs ? Long.MAX_VALUE : now + timeoutMs;
    }
}
