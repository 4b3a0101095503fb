package io.samsa.bench;

/**
 * One figure the harness reports for a workload on a broker with a client, with its JSON key, its table label
 * and which direction is better (so a reader of a Samsa/Kafka ratio knows whether above 1 is good).
 * Declaration order is the order of the table rows. Immutable.
 */
public enum Metric {
    RECORDS_PER_SEC("records_per_sec", "records/s", Better.HIGHER),
    /** The perf tools' "MB": 2^20 bytes. */
    MB_PER_SEC("mb_per_sec", "MB/s", Better.HIGHER),
    LATENCY_AVG_MS("latency_avg_ms", "latency avg (ms)", Better.LOWER),
    LATENCY_P50_MS("latency_p50_ms", "latency p50 (ms)", Better.LOWER),
    LATENCY_P95_MS("latency_p95_ms", "latency p95 (ms)", Better.LOWER),
    LATENCY_P99_MS("latency_p99_ms", "latency p99 (ms)", Better.LOWER),
    LATENCY_P999_MS("latency_p999_ms", "latency p99.9 (ms)", Better.LOWER),
    LATENCY_MAX_MS("latency_max_ms", "latency max (ms)", Better.LOWER),
    /** ConsumerPerformance's rebalance.time.ms: joining the group before the first fetch. */
    GROUP_JOIN_MS("group_join_ms", "group join (ms)", Better.LOWER),
    /** Process start to the first Metadata response that lists the broker. */
    STARTUP_MS("startup_ms", "start to first request (ms)", Better.LOWER),
    /** utime + stime of the broker process over the workload (or over start-up). */
    BROKER_CPU_S("broker_cpu_s", "broker CPU (s)", Better.LOWER),
    /** VmHWM of the broker process, reset just before the workload when the kernel allows it. */
    BROKER_PEAK_RSS_MIB("broker_peak_rss_mib", "broker peak RSS (MiB)", Better.LOWER),
    /** utime + stime of the perf tool's JVM (the client), start-up and shutdown included. */
    CLIENT_CPU_S("client_cpu_s", "client CPU (s)", Better.LOWER),
    /** Wall time of the perf tool's JVM, start-up included. */
    TOOL_WALL_S("tool_wall_s", "tool wall time (s)", Better.LOWER);

    /** Which way a figure improves. */
    public enum Better {
        HIGHER, LOWER;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String key;
    private final String label;
    private final Better better;

    Metric(String key, String label, Better better) {
        this.key = key;
        this.label = label;
        this.better = better;
    }

    /** The key in the machine-readable line. */
    public String key() {
        return key;
    }

    /** The row label in the human table. */
    public String label() {
        return label;
    }

    public Better better() {
        return better;
    }
}
