package io.samsa.tools.topics;

import java.util.Set;

/**
 * The {@code --describe} options that show only some partitions, each with Kafka's flag and
 * meaning. A partition is shown when any of those given selects it.
 */
enum PartitionFilter {
    UNDER_REPLICATED("under-replicated-partitions", "only partitions with fewer in-sync replicas than replicas") {
        @Override
        boolean selects(PartitionState p, Set<Integer> liveBrokers) {
            return p.isUnderReplicated();
        }
    },
    UNDER_MIN_ISR("under-min-isr-partitions", "only partitions with fewer in-sync replicas than min.insync.replicas") {
        @Override
        boolean selects(PartitionState p, Set<Integer> liveBrokers) {
            return p.isUnderMinIsr();
        }
    },
    AT_MIN_ISR("at-min-isr-partitions", "only partitions with exactly min.insync.replicas in-sync replicas") {
        @Override
        boolean selects(PartitionState p, Set<Integer> liveBrokers) {
            return p.isAtMinIsr();
        }
    },
    UNAVAILABLE("unavailable-partitions", "only partitions whose leader is missing or not a live broker") {
        @Override
        boolean selects(PartitionState p, Set<Integer> liveBrokers) {
            return p.isUnavailable(liveBrokers);
        }
    };

    private final String option;
    private final String description;

    PartitionFilter(String option, String description) {
        this.option = option;
        this.description = description;
    }

    /** The option's name without dashes. */
    String option() {
        return option;
    }

    String description() {
        return "With --describe, " + description + ".";
    }

    abstract boolean selects(PartitionState p, Set<Integer> liveBrokers);
}
