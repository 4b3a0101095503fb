package io.samsa.systest.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which broker a {@link ProcessCluster} runs, and how one is launched from its generated
 * server.properties: Samsa through the project's own bin/ script, or Apache Kafka 3.9.1 (the
 * oracle) as {@code kafka.Kafka} in its own JVM on this test JVM's classpath, where kafka_2.13 is a
 * test dependency. Both read the same properties file. The system property {@value #PROPERTY}
 * chooses the kind for the tests that run against either. Immutable.
 */
public enum BrokerKind {

    SAMSA {
        @Override
        List<String> command(Path config) {
            return List.of(ProcessCluster.HOME.resolve("bin/samsa-server-start.sh").toString(), config.toString());
        }
    },
    KAFKA {
        @Override
        List<String> command(Path config) {
            return JavaCommand.of("kafka.Kafka", List.of(HEAP_MIN, "-Xmx512m", "-XX:+UseG1GC"), List.of(config.toString()));
        }
    };

    /** System property that chooses the broker: {@code samsa} (default) or {@code kafka}. */
    public static final String PROPERTY = "systest.broker";

    private static final String HEAP_MIN = "-Xms128m";

    /** The kind named by {@value #PROPERTY}; Samsa when it is unset. */
    public static BrokerKind fromSystemProperty() {
        String kind = System.getProperty(PROPERTY, "samsa").trim().toLowerCase(Locale.ROOT);
        switch (kind) {
            case "samsa":
                return SAMSA;
            case "kafka":
                return KAFKA;
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + " must be samsa or kafka, not " + kind);
        }
    }

    /** The process's command line for a broker configured by {@code config}. */
    abstract List<String> command(Path config);

    /** Environment for the broker process: Samsa's script takes its heap from SAMSA_HEAP_OPTS. */
    Map<String, String> environment() {
        return Map.of("SAMSA_HEAP_OPTS", HEAP_MIN + " -Xmx384m");
    }

    /** {@code samsa} or {@code kafka}, as in the system property. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
