package io.samsa.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One broker's repetitions of one workload, reduced: how many ran and succeeded, the median of each
 * figure over the successful runs, the per-run samples behind each median, and the distinct failure
 * reasons. Immutable.
 */
public record BrokerSummary(BrokerKind broker, int runs, int succeeded, Map<Metric, Double> medians,
                            Map<Metric, List<Double>> samples, List<String> failures) {

    /** Whether every run, none, or some succeeded. */
    public enum Status {
        OK, PARTIAL, FAILED, NOT_RUN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public static BrokerSummary of(BrokerKind broker, List<RunResult> results) {
        Map<Metric, List<Double>> samples = new EnumMap<>(Metric.class);
        Set<String> failures = new LinkedHashSet<>();
        int ok = 0;
        for (RunResult r : results) {
            if (!r.succeeded()) {
                failures.add(r.failure());
                continue;
            }
            ok++;
            r.figures().forEach((metric, value) -> {
                if (value != null && !value.isNaN()) {
                    samples.computeIfAbsent(metric, m -> new ArrayList<>()).add(value);
                }
            });
        }
        Map<Metric, Double> medians = new EnumMap<>(Metric.class);
        Map<Metric, List<Double>> frozen = new EnumMap<>(Metric.class);
        samples.forEach((metric, values) -> {
            medians.put(metric, Stats.median(values));
            frozen.put(metric, List.copyOf(values));
        });
        return new BrokerSummary(broker, results.size(), ok, Collections.unmodifiableMap(medians),
                Collections.unmodifiableMap(frozen), List.copyOf(failures));
    }

    public Status status() {
        if (runs == 0) {
            return Status.NOT_RUN;
        }
        if (succeeded == runs) {
            return Status.OK;
        }
        return succeeded == 0 ? Status.FAILED : Status.PARTIAL;
    }

    /** The median of {@code metric}, or null if no successful run measured it. */
    public Double median(Metric metric) {
        return medians.get(metric);
    }
}
