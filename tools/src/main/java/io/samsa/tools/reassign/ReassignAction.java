package io.samsa.tools.reassign;

/** What {@code samsa-reassign-partitions} is asked to do: one of Kafka's five actions. */
enum ReassignAction {
    GENERATE, EXECUTE, VERIFY, CANCEL, LIST;

    /** {@code --generate}, ... */
    String flag() {
        return "--" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
