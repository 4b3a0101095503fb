package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerPartitionAssignor;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.RebalanceProtocol;
import io.samsa.common.config.ConfigException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The consumer's assignors in order of preference ({@code partition.assignment.strategy}), and the
 * rebalance protocol they all support (cooperative only if every one of them does, as in Kafka).
 * Immutable after construction; the assignors themselves are called from the application thread.
 */
final class Assignors {

    private final Map<String, ConsumerPartitionAssignor> byName = new LinkedHashMap<>();
    private final RebalanceProtocol protocol;

    Assignors(List<ConsumerPartitionAssignor> assignors) {
        if (assignors.isEmpty()) {
            throw new ConfigException("partition.assignment.strategy", assignors, "at least one assignor is needed");
        }
        Set<RebalanceProtocol> common = EnumSet.allOf(RebalanceProtocol.class);
        for (ConsumerPartitionAssignor a : assignors) {
            if (byName.put(a.name(), a) != null) {
                throw new ConfigException("partition.assignment.strategy", a.name(), "the assignor is named twice");
            }
            common.retainAll(a.supportedProtocols());
        }
        if (common.isEmpty()) {
            throw new ConfigException("partition.assignment.strategy", byName.keySet(),
                    "the assignors have no rebalance protocol in common");
        }
        this.protocol = common.contains(RebalanceProtocol.COOPERATIVE) ? RebalanceProtocol.COOPERATIVE : RebalanceProtocol.EAGER;
    }

    /** Instantiates the configured strategies (protocol names or class names). */
    static Assignors of(List<String> strategies) {
        List<ConsumerPartitionAssignor> list = new ArrayList<>();
        for (String s : strategies) {
            String className = AssignmentStrategies.className(s);
            try {
                Object o = Class.forName(className).getDeclaredConstructor().newInstance();
                if (!(o instanceof ConsumerPartitionAssignor a)) {
                    throw new ConfigException("partition.assignment.strategy", s, "is not a ConsumerPartitionAssignor");
                }
                list.add(a);
            } catch (ReflectiveOperationException e) {
                throw new ConfigException("partition.assignment.strategy", s, "cannot be instantiated: " + e);
            }
        }
        return new Assignors(list);
    }

    List<ConsumerPartitionAssignor> all() {
        return List.copyOf(byName.values());
    }

    ConsumerPartitionAssignor named(String name) {
        ConsumerPartitionAssignor a = byName.get(name);
        if (a == null) {
            throw new IllegalStateException("The group chose assignor " + name + ", which this consumer does not have");
        }
        return a;
    }

    RebalanceProtocol protocol() {
        return protocol;
    }
}
