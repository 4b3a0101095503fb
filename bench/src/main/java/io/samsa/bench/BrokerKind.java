package io.samsa.bench;

import java.util.Locale;

/** The two brokers the harness compares. Immutable. */
public enum BrokerKind {
    SAMSA, KAFKA;

    /** The lower-case name used on the command line, in the table and in the JSON line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a name other than samsa or kafka */
    public static BrokerKind fromId(String id) {
        for (BrokerKind k : values()) {
            if (k.id().equals(id.trim().toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown broker '" + id + "' (expected samsa or kafka)");
    }
}
