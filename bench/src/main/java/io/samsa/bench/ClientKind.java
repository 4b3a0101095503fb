package io.samsa.bench;

import java.util.Locale;

/**
 * The client libraries whose perf tools drive the workloads: Apache Kafka's kafka-clients 3.9.1
 * (Kafka's own perf tools) and Samsa's (Samsa's perf tools, which take Kafka's flags and print
 * Kafka's output). Immutable.
 */
public enum ClientKind {
    KAFKA("kafka-clients", "kafka-cl"),
    SAMSA("samsa", "samsa-cl");

    private final String label;
    private final String shortLabel;

    ClientKind(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    /** The lower-case name used on the command line and in the JSON line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The library's name, for log lines. */
    public String label() {
        return label;
    }

    /** The name in the table's column headers. */
    public String shortLabel() {
        return shortLabel;
    }

    /** @throws IllegalArgumentException for a name other than kafka or samsa */
    public static ClientKind fromId(String id) {
        for (ClientKind k : values()) {
            if (k.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown client '" + id + "' (expected kafka or samsa)");
    }
}
