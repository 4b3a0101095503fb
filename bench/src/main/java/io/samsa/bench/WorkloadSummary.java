package io.samsa.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything reported for one workload: a summary per (client, broker) pair, the Samsa/Kafka
 * broker ratio of each figure's medians with kafka-clients driving both, and, when Samsa's client
 * ran the workload too, the Samsa-client/kafka-clients ratio on each broker. kafka-clients is
 * always among the clients (its pairs are NOT_RUN when it did not run); Samsa's client only when it
 * has a result for this workload. Immutable.
 *
 * @param id    W1..W5, W4R3, or {@link Workloads#STARTUP}
 * @param title a one-line description including the size
 * @param runs  per client, in {@link ClientKind} order, per broker: that pair's summary
 */
public record WorkloadSummary(String id, String title, Map<ClientKind, Map<BrokerKind, BrokerSummary>> runs) {

    public WorkloadSummary {
        Map<ClientKind, Map<BrokerKind, BrokerSummary>> copy = new EnumMap<>(ClientKind.class);
        runs.forEach((c, byBroker) -> copy.put(c, Collections.unmodifiableMap(new EnumMap<>(byBroker))));
        runs = Collections.unmodifiableMap(copy);
    }

    /** Summarises the results of {@code id} among {@code all}, for each broker in {@code brokers}. */
    public static WorkloadSummary of(String id, String title, List<BrokerKind> brokers, List<RunResult> all) {
        Map<ClientKind, Map<BrokerKind, BrokerSummary>> runs = new EnumMap<>(ClientKind.class);
        for (ClientKind c : ClientKind.values()) {
            Map<BrokerKind, BrokerSummary> byBroker = new EnumMap<>(BrokerKind.class);
            boolean any = false;
            for (BrokerKind b : brokers) {
                List<RunResult> mine = new ArrayList<>();
                for (RunResult r : all) {
                    if (r.workload().equals(id) && r.broker() == b && r.client() == c) {
                        mine.add(r);
                    }
                }
                any |= !mine.isEmpty();
                byBroker.put(b, BrokerSummary.of(b, mine));
            }
            if (any || c == ClientKind.KAFKA) {
                runs.put(c, byBroker);
            }
        }
        return new WorkloadSummary(id, title, runs);
    }

    /** The clients reported, kafka-clients first. */
    public List<ClientKind> clients() {
        return List.copyOf(runs.keySet());
    }

    /** Whether Samsa's client ran this workload, so both clients are compared. */
    public boolean comparesClients() {
        return runs.containsKey(ClientKind.SAMSA);
    }

    /** {@code broker}'s summary with kafka-clients driving it (the only client before clients were compared). */
    public BrokerSummary broker(BrokerKind broker) {
        return summary(broker, ClientKind.KAFKA);
    }

    /** The pair's summary, or null when that client or broker is not in this report. */
    public BrokerSummary summary(BrokerKind broker, ClientKind client) {
        Map<BrokerKind, BrokerSummary> byBroker = runs.get(client);
        return byBroker == null ? null : byBroker.get(broker);
    }

    /** Samsa's median over Kafka's, both driven by kafka-clients, or null when either is missing (or Kafka's is zero). */
    public Double ratio(Metric metric) {
        BrokerSummary samsa = broker(BrokerKind.SAMSA);
        BrokerSummary kafka = broker(BrokerKind.KAFKA);
        if (samsa == null || kafka == null) {
            return null;
        }
        return Stats.ratio(samsa.median(metric), kafka.median(metric));
    }

    /** On {@code broker}: Samsa's client's median over kafka-clients', or null when either is missing. */
    public Double clientRatio(BrokerKind broker, Metric metric) {
        BrokerSummary samsa = summary(broker, ClientKind.SAMSA);
        BrokerSummary kafka = summary(broker, ClientKind.KAFKA);
        if (samsa == null || kafka == null) {
            return null;
        }
        return Stats.ratio(samsa.median(metric), kafka.median(metric));
    }

    /** The figures measured by at least one pair, in table order. */
    public List<Metric> metrics() {
        List<Metric> present = new ArrayList<>();
        for (Metric m : Metric.values()) {
            boolean found = false;
            for (Map<BrokerKind, BrokerSummary> byBroker : runs.values()) {
                for (BrokerSummary s : byBroker.values()) {
                    found |= s.median(m) != null;
                }
            }
            if (found) {
                present.add(m);
            }
        }
        return present;
    }
}
