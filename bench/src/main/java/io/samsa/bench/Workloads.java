package io.samsa.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workloads of issue 5 (one broker) and of issue 10 (W5 and W4R3, three brokers with
 * replication), at full size or at the small sizes of a {@code --quick} smoke run. W3 reads the
 * topic W1 filled, so it consumes exactly W1's record count. Stateless.
 */
public final class Workloads {

    /** The pseudo-workload id under which each broker's start-up is reported. */
    public static final String STARTUP = "startup";

    private Workloads() {
    }

    public static List<Workload> standard(boolean quick) {
        long w1Records = quick ? 100_000 : 3_000_000;
        long w2Records = quick ? 20_000 : 1_000_000;
        long w4Records = quick ? 1_000 : 20_000;
        Workload w1 = new Workload("W1", "100 B records, 1 partition, acks=1, max throughput",
                Workload.Kind.PRODUCE, "bench-w1", 1, w1Records, 100, props("acks", "1"));
        Workload w2 = new Workload("W2", "1 KiB records, 6 partitions, acks=all, lz4, linger.ms=5, batch.size=64 KiB",
                Workload.Kind.PRODUCE, "bench-w2", 6, w2Records, 1024,
                props("acks", "all", "compression.type", "lz4", "linger.ms", "5", "batch.size", "65536"));
        Workload w3 = new Workload("W3", "consume W1's topic from the beginning",
                Workload.Kind.CONSUME, w1.topic(), w1.partitions(), w1Records, 0, Map.of());
        Workload w4 = new Workload("W4", "end-to-end latency at low load, acks=all, 100 B records",
                Workload.Kind.END_TO_END, "bench-w4", 1, w4Records, 100, props("acks", "all"));
        long w5Records = quick ? 100_000 : 3_000_000;
        Map<String, String> minIsr2 = props("min.insync.replicas", "2");
        Workload w5 = new Workload("W5", "3 brokers, 100 B records, 3 partitions, RF 3, min.insync.replicas=2, acks=all",
                Workload.Kind.PRODUCE, "bench-w5", 3, w5Records, 100, props("acks", "all"), 3, 3, minIsr2);
        Workload w4r3 = new Workload("W4R3", "W4 on 3 brokers, RF 3, min.insync.replicas=2",
                Workload.Kind.END_TO_END, "bench-w4r3", 1, w4Records, 100, props("acks", "all"), 3, 3, minIsr2);
        return List.of(w1, w2, w3, w4, w5, w4r3);
    }

    /** The workload whose topic a consume workload reads, or null. */
    public static Workload source(Workload consume, List<Workload> all) {
        for (Workload w : all) {
            if (w.kind() == Workload.Kind.PRODUCE && w.topic().equals(consume.topic())) {
                return w;
            }
        }
        return null;
    }

    private static Map<String, String> props(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
