package io.samsa.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything reported for one workload: a summary per broker and the Samsa/Kafka ratio of each
 * figure's medians. Immutable.
 *
 * @param id    W1..W5, W4R3, or {@link Workloads#STARTUP}
 * @param title a one-line description including the size
 */
public record WorkloadSummary(String id, String title, Map<BrokerKind, BrokerSummary> brokers) {

    /** Summarises the results of {@code id} among {@code all}, for each broker in {@code brokers}. */
    public static WorkloadSummary of(String id, String title, List<BrokerKind> brokers, List<RunResult> all) {
        Map<BrokerKind, BrokerSummary> byBroker = new EnumMap<>(BrokerKind.class);
        for (BrokerKind b : brokers) {
            List<RunResult> mine = new ArrayList<>();
            for (RunResult r : all) {
                if (r.workload().equals(id) && r.broker() == b) {
                    mine.add(r);
                }
            }
            byBroker.put(b, BrokerSummary.of(b, mine));
        }
        return new WorkloadSummary(id, title, byBroker);
    }

    public BrokerSummary broker(BrokerKind kind) {
        return brokers.get(kind);
    }

    /** Samsa's median over Kafka's, or null when either is missing (or Kafka's is zero). */
    public Double ratio(Metric metric) {
        BrokerSummary samsa = brokers.get(BrokerKind.SAMSA);
        BrokerSummary kafka = brokers.get(BrokerKind.KAFKA);
        if (samsa == null || kafka == null) {
            return null;
        }
        return Stats.ratio(samsa.median(metric), kafka.median(metric));
    }

    /** The figures measured by at least one broker, in table order. */
    public List<Metric> metrics() {
        List<Metric> present = new ArrayList<>();
        for (Metric m : Metric.values()) {
            for (BrokerSummary s : brokers.values()) {
                if (s.median(m) != null) {
                    present.add(m);
                    break;
                }
            }
        }
        return present;
    }
}
