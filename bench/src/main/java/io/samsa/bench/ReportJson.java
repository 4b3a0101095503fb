package io.samsa.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders one workload summary as its machine-readable line, {@code BENCH } followed by one JSON
 * object: the workload's id and title, per broker its status, run counts, medians, per-run samples
 * and failure reasons, and the Samsa/Kafka ratio of every median both brokers have. Stateless.
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
