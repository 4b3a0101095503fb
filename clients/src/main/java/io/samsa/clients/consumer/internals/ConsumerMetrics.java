package io.samsa.clients.consumer.internals;

import io.samsa.clients.internals.ClientMetricRegistry;
import io.samsa.clients.internals.ClientMetricSet;
import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The consumer's metrics, with the names, groups and meanings of Kafka 3.9's: the fetcher's
 * ({@code consumer-fetch-manager-metrics}: records and bytes consumed, fetch requests and their
 * latency, the largest lag), the poll loop's ({@code consumer-metrics}) and, when the consumer has
 * a group, the group's ({@code consumer-coordinator-metrics}: commits, heartbeats, rebalances,
 * assigned partitions), all tagged {@code client-id}; and, per assigned partition, Kafka's
 * {@code consumer-fetch-manager-metrics} tagged {@code topic} (dots as underscores, as Kafka
 * writes it) and {@code partition}: {@code records-lag}, {@code -max}, {@code -avg} and
 * {@code records-lead}, {@code -min}, {@code -avg}, from the first poll that returns from the
 * partition until it is no longer assigned. Kafka's per-topic variants are not kept. Rates,
 * averages and maxima are windowed as Kafka's are.
 *
 * <p>Thread-safe: the fetcher and poll record from the application thread, heartbeats and commit
 * answers from the I/O thread, and any thread reads. The poll timestamps are written by the
 * application thread only.
 */
public final class ConsumerMetrics {

    /** One assigned partition's lag and lead, in {@code consumer-fetch-manager-metrics}. */
    private record PartitionSensors(ClientMetricSet set, ClientMetricSet.Sensor lag, ClientMetricSet.Sensor lead) {
    }

    private final Time time;
    private final ClientMetricRegistry registry;
    private final String clientId;
    private final ClientMetricSet fetchManager;
    private final ClientMetricSet.Sensor recordsLead;
    private final Map<TopicPartition, PartitionSensors> partitions = new ConcurrentHashMap<>();
    private final ClientMetricSet consumer;
    /** Null without a group. */
    private final ClientMetricSet coordinator;

    private final ClientMetricSet.Sensor fetchLatency;
    private final ClientMetricSet.Sensor bytesFetched;
    private final ClientMetricSet.Sensor recordsFetched;
    private final ClientMetricSet.Sensor recordsLag;

    private final ClientMetricSet.Sensor timeBetweenPoll;
    private final ClientMetricSet.Sensor pollIdle;
    /** When the last poll started, or -1 before the first; application thread writes, any reads. */
    private volatile long lastPollMs = -1;
    private long pollStartMs;
    private long timeSinceLastPollMs;

    private final ClientMetricSet.Sensor commits;
    private final ClientMetricSet.Sensor heartbeats;
    private final ClientMetricSet.Sensor rebalances;
    private volatile long lastRebalanceEndMs = -1;

    /**
     * @param assignedPartitions how many partitions are assigned, callable from any thread
     *        (read only with a group, for {@code assigned-partitions})
     */
    public ConsumerMetrics(String clientId, boolean hasGroup, Time time, IntSupplier assignedPartitions) {
        this(new ClientMetricRegistry(), clientId, hasGroup, time, assignedPartitions);
    }

    /** As above, with the metrics in the client's {@code registry}. */
    public ConsumerMetrics(ClientMetricRegistry registry, String clientId, boolean hasGroup, Time time,
                           IntSupplier assignedPartitions) {
        this.time = time;
        this.registry = registry;
        this.clientId = clientId;
        Map<String, String> tags = Map.of("client-id", clientId);
        fetchManager = new ClientMetricSet(registry, "consumer-fetch-manager-metrics", tags, time);
        fetchLatency = fetchManager.sensor()
                .avg("fetch-latency-avg", "The average time taken for a fetch request.")
                .max("fetch-latency-max", "The max time taken for any fetch request.")
                .countRate("fetch-rate", "The number of fetch requests per second.")
                .count("fetch-total", "The total number of fetch requests.");
        bytesFetched = fetchManager.sensor()
                .avg("fetch-size-avg", "The average number of bytes fetched per request")
                .max("fetch-size-max", "The maximum number of bytes fetched per request")
                .rate("bytes-consumed-rate", "The average number of bytes consumed per second")
                .total("bytes-consumed-total", "The total number of bytes consumed");
        recordsFetched = fetchManager.sensor()
                .avg("records-per-request-avg", "The average number of records in each request")
                .rate("records-consumed-rate", "The average number of records consumed per second")
                .total("records-consumed-total", "The total number of records consumed");
        recordsLag = fetchManager.sensor()
                .max("records-lag-max", "The maximum lag in terms of number of records for any partition in this window. "
                        + "NOTE: This is based on current offset and not committed offset");
        recordsLead = fetchManager.sensor()
                .min("records-lead-min", "The minimum lead in terms of number of records for any partition in this window");

        consumer = new ClientMetricSet(registry, "consumer-metrics", tags, time);
        consumer.gauge("last-poll-seconds-ago", "The number of seconds since the last poll() invocation.",
                () -> secondsSince(lastPollMs));
        timeBetweenPoll = consumer.sensor()
                .avg("time-between-poll-avg", "The average delay between invocations of poll() in milliseconds.")
                .max("time-between-poll-max", "The max delay between invocations of poll() in milliseconds.");
        pollIdle = consumer.sensor()
                .avg("poll-idle-ratio-avg", "The average fraction of time the consumer's poll() is idle as opposed to "
                        + "waiting for the user code to process records.");

        if (hasGroup) {
            coordinator = new ClientMetricSet(registry, "consumer-coordinator-metrics", tags, time);
            commits = coordinator.sensor()
                    .avg("commit-latency-avg", "The average time taken for a commit request")
                    .max("commit-latency-max", "The max time taken for a commit request")
                    .countRate("commit-rate", "The number of commit calls per second")
                    .count("commit-total", "The total number of commit calls");
            coordinator.gauge("assigned-partitions", "The number of partitions currently assigned to this consumer",
                    () -> (double) assignedPartitions.getAsInt());
            heartbeats = coordinator.sensor()
                    .max("heartbeat-response-time-max", "The max time taken to receive a response to a heartbeat request")
                    .countRate("heartbeat-rate", "The number of heartbeats per second")
                    .count("heartbeat-total", "The total number of heartbeats");
            String rebalanceNote = ", which may be composed of several failed re-trials until it succeeded";
            rebalances = coordinator.sensor()
                    .avg("rebalance-latency-avg", "The average time taken for a group to complete a successful rebalance"
                            + rebalanceNote)
                    .max("rebalance-latency-max", "The max time taken for a group to complete a successful rebalance"
                            + rebalanceNote)
                    .total("rebalance-latency-total", "The total number of milliseconds this consumer has spent in "
                            + "successful rebalances since creation")
                    .count("rebalance-total", "The total number of successful rebalance events, each event is composed of "
                            + "several failed re-trials until it succeeded");
            coordinator.gauge("last-rebalance-seconds-ago", "The number of seconds since the last successful rebalance event",
                    () -> secondsSince(lastRebalanceEndMs));
        } else {
            coordinator = null;
            commits = null;
            heartbeats = null;
            rebalances = null;
        }
    }

    private double secondsSince(long ms) {
        return ms < 0 ? -1d : (double) TimeUnit.MILLISECONDS.toSeconds(time.milliseconds() - ms);
    }

    // ---- fetcher (application thread) ----

    /** A fetch response arrived {@code latencyMs} after its request was sent. */
    void recordFetchLatency(long latencyMs, long nowMs) {
        fetchLatency.record(latencyMs, nowMs);
    }

    /** The application took every partition of one fetch response: {@code bytes} of {@code records} records in all. */
    void recordFetched(int bytes, int records) {
        long now = time.milliseconds();
        bytesFetched.record(bytes, now);
        recordsFetched.record(records, now);
    }

    /**
     * A poll took records from {@code tp} and moved its position: {@code lag} records behind the
     * high watermark (the last stable offset under read_committed) and {@code lead} records past
     * the log start offset, each {@code Long.MIN_VALUE} when unknown (and then not recorded).
     */
    void recordPosition(TopicPartition tp, long lag, long lead) {
        if (lag == Long.MIN_VALUE && lead == Long.MIN_VALUE) {
            return;
        }
        long nowMs = time.milliseconds();
        PartitionSensors p = partition(tp);
        if (lag != Long.MIN_VALUE) {
            recordsLag.record(lag, nowMs);
            p.lag.record(lag, nowMs);
        }
        if (lead != Long.MIN_VALUE) {
            recordsLead.record(lead, nowMs);
            p.lead.record(lead, nowMs);
        }
    }

    private PartitionSensors partition(TopicPartition tp) {
        PartitionSensors p = partitions.get(tp);
        return p != null ? p : partitions.computeIfAbsent(tp, this::registerPartition);
    }

    private PartitionSensors registerPartition(TopicPartition tp) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("client-id", clientId);
        tags.put("topic", tp.topic().replace('.', '_'));
        tags.put("partition", Integer.toString(tp.partition()));
        ClientMetricSet set = new ClientMetricSet(registry, "consumer-fetch-manager-metrics", tags, time);
        ClientMetricSet.Sensor lag = set.sensor()
                .value("records-lag", "The latest lag of the partition")
                .max("records-lag-max", "The max lag of the partition")
                .avg("records-lag-avg", "The average lag of the partition");
        ClientMetricSet.Sensor lead = set.sensor()
                .value("records-lead", "The latest lead of the partition")
                .min("records-lead-min", "The min lead of the partition")
                .avg("records-lead-avg", "The average lead of the partition");
        return new PartitionSensors(set, lag, lead);
    }

    /** The assignment changed: the metrics of partitions no longer in {@code assigned} go. */
    void retainPartitions(Collection<TopicPartition> assigned) {
        for (Map.Entry<TopicPartition, PartitionSensors> e : partitions.entrySet()) {
            if (!assigned.contains(e.getKey())) {
                partitions.remove(e.getKey());
                e.getValue().set.removeAll();
            }
        }
    }

    // ---- poll (application thread) ----

    public void recordPollStart(long nowMs) {
        pollStartMs = nowMs;
        long last = lastPollMs;
        timeSinceLastPollMs = last >= 0 ? nowMs - last : 0;
        timeBetweenPoll.record(timeSinceLastPollMs, nowMs);
        lastPollMs = nowMs;
    }

    public void recordPollEnd(long nowMs) {
        long pollTimeMs = nowMs - pollStartMs;
        long cycleMs = pollTimeMs + timeSinceLastPollMs;
        // Kafka divides 0 by 0 here on a first poll that took no time; a NaN would poison the average.
        if (cycleMs > 0) {
            pollIdle.record(pollTimeMs / (double) cycleMs, nowMs);
        }
    }

    // ---- group (application and I/O threads) ----

    /** An OffsetCommit answer arrived {@code latencyMs} after it was sent. */
    void recordCommit(long latencyMs) {
        commits.record(latencyMs);
    }

    /** A Heartbeat answer arrived {@code latencyMs} after it was sent. */
    void recordHeartbeat(long latencyMs) {
        heartbeats.record(latencyMs);
    }

    /** A rebalance that started at {@code startMs} (its first JoinGroup) succeeded at {@code endMs}. */
    void recordRebalance(long startMs, long endMs) {
        lastRebalanceEndMs = endMs;
        rebalances.record(endMs - startMs, endMs);
    }

    /** Every metric of the client's registry, a snapshot of the names with live values. */
    public Map<MetricName, Metric> metrics() {
        return registry.metrics();
    }
}
