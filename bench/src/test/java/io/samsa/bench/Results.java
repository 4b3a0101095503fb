package io.samsa.bench;

import java.util.EnumMap;
import java.util.Map;

/** Builders of run results for the reporting tests. */
final class Results {

    private Results() {
    }

    static RunResult ok(String workload, BrokerKind broker, int rep, Object... metricValues) {
        return ok(workload, broker, ClientKind.KAFKA, rep, metricValues);
    }

    static RunResult ok(String workload, BrokerKind broker, ClientKind client, int rep, Object... metricValues) {
        Map<Metric, Double> f = new EnumMap<>(Metric.class);
        for (int i = 0; i < metricValues.length; i += 2) {
            f.put((Metric) metricValues[i], ((Number) metricValues[i + 1]).doubleValue());
        }
        return RunResult.ok(workload, broker, client, rep, f);
    }
}
