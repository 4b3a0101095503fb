package io.samsa.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders one workload summary as its machine-readable line, {@code BENCH } followed by one JSON
 * object: the workload's id and title, per broker its status, run counts, medians, per-run samples
 * and failure reasons, and the Samsa/Kafka ratio of every median both brokers have; all of these
 * with kafka-clients driving the broker, as before clients were compared. When Samsa's client ran
 * the workload too, two more keys: {@code samsa_client} (per broker, the same object for Samsa's
 * client's runs) and {@code ratio_samsa_client_over_kafka_client} (per broker, Samsa's client's
 * median over kafka-clients' for every figure both have). Stateless.
 */
public final class ReportJson {

    /** What every machine-readable line starts with, so {@code grep '^BENCH '} finds them. */
    public static final String PREFIX = "BENCH ";

    private ReportJson() {
    }

    public static String line(WorkloadSummary w, List<BrokerKind> brokers) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("workload", w.id());
        root.put("title", w.title());
        for (BrokerKind b : brokers) {
            root.put(b.id(), broker(w.broker(b)));
        }
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (Metric m : w.metrics()) {
            Double r = w.ratio(m);
            if (r != null) {
                ratios.put(m.key(), r);
            }
        }
        root.put("ratio_samsa_over_kafka", ratios);
        if (w.comparesClients()) {
            Map<String, Object> samsaClient = new LinkedHashMap<>();
            Map<String, Object> clientRatios = new LinkedHashMap<>();
            for (BrokerKind b : brokers) {
                samsaClient.put(b.id(), broker(w.summary(b, ClientKind.SAMSA)));
                Map<String, Object> onBroker = new LinkedHashMap<>();
                for (Metric m : w.metrics()) {
                    Double r = w.clientRatio(b, m);
                    if (r != null) {
                        onBroker.put(m.key(), r);
                    }
                }
                clientRatios.put(b.id(), onBroker);
            }
            root.put("samsa_client", samsaClient);
            root.put("ratio_samsa_client_over_kafka_client", clientRatios);
        }
        return PREFIX + Json.write(root);
    }

    private static Map<String, Object> broker(BrokerSummary s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("status", s.status().id());
        o.put("runs", s.runs());
        o.put("ok", s.succeeded());
        Map<String, Object> medians = new LinkedHashMap<>();
        Map<String, Object> samples = new LinkedHashMap<>();
        for (Metric m : Metric.values()) {
            Double v = s.median(m);
            if (v != null) {
                medians.put(m.key(), v);
                samples.put(m.key(), s.samples().get(m));
            }
        }
        o.put("median", medians);
        o.put("samples", samples);
        o.put("failures", s.failures());
        return o;
    }
}
