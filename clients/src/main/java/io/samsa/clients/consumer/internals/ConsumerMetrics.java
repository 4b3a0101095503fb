package io.samsa.clients.consumer.internals;

import io.samsa.clients.internals.ClientMetricSet;
import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.Time;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The consumer's metrics, with the names, groups and meanings of Kafka 3.9's: the fetcher's
 * ({@code consumer-fetch-manager-metrics}: records and bytes consumed, fetch requests and their
 * latency, the largest lag), the poll loop's ({@code consumer-metrics}) and, when the consumer has
 * a group, the group's ({@code consumer-coordinator-metrics}: commits, heartbeats, rebalances,
 * assigned partitions). All at client level, tagged {@code client-id}; Kafka's per-topic and
 * per-partition variants are not kept. Rates, averages and maxima are windowed as Kafka's are.
 *
 * <p>Thread-safe: the fetcher and poll record from the application thread, heartbeats and commit
 * answers from the I/O thread, and any thread reads. The poll timestamps are written by the
 * application thread only.
 */
public final class ConsumerMetrics {

    private final Time time;
    private final ClientMetricSet fetchManager;
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
        this.time = time;
        fetchManager = new ClientMetricSet("consumer-fetch-manager-metrics", clientId, time);
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

        consumer = new ClientMetricSet("consumer-metrics", clientId, time);
        consumer.gauge("last-poll-seconds-ago", "The number of seconds since the last poll() invocation.",
                () -> secondsSince(lastPollMs));
        timeBetweenPoll = consumer.sensor()
                .avg("time-between-poll-avg", "The average delay between invocations of poll() in milliseconds.")
                .max("time-between-poll-max", "The max delay between invocations of poll() in milliseconds.");
        pollIdle = consumer.sensor()
                .avg("poll-idle-ratio-avg", "The average fraction of time the consumer's poll() is idle as opposed to "
                        + "waiting for the user code to process records.");

        if (hasGroup) {
            coordinator = new ClientMetricSet("consumer-coordinator-metrics", clientId, time);
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

    /** The largest lag of the partitions a poll returned records from (Kafka records each; only the max is kept). */
    void recordLag(long lag) {
        recordsLag.record(lag);
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

    /** Every metric, a snapshot of the names with live values. */
    public Map<MetricName, Metric> metrics() {
        Map<MetricName, Metric> all = new LinkedHashMap<>(fetchManager.metrics());
        all.putAll(consumer.metrics());
        if (coordinator != null) {
            all.putAll(coordinator.metrics());
        }
        return Collections.unmodifiableMap(all);
    }
}
