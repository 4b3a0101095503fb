package io.samsa.tools.topics;

import io.samsa.tools.cli.UsageException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code --replica-assignment}: partitions separated by commas, each partition's broker ids
 * separated by colons, the first being the preferred leader ({@code 1:2,2:3,3:1}), as in Kafka's
 * tool. Every partition must list the same number of distinct brokers. Stateless.
 */
final class ReplicaAssignment {

    private ReplicaAssignment() {
    }

    /** The replicas of partition 0, 1, ..., in order. */
    static Map<Integer, List<Integer>> parse(String text) throws UsageException {
        if (text.isBlank()) {
            throw new UsageException("--replica-assignment is empty");
        }
        Map<Integer, List<Integer>> assignment = new LinkedHashMap<>();
        String[] partitions = text.split(",", -1);
        for (int p = 0; p < partitions.length; p++) {
            List<Integer> replicas = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (String id : partitions[p].split(":", -1)) {
                int broker;
                try {
                    broker = Integer.parseInt(id.trim());
                } catch (NumberFormatException e) {
                    throw new UsageException("--replica-assignment: '" + id.trim() + "' in partition " + p
                            + " is not a broker id");
                }
                if (!seen.add(broker)) {
                    throw new UsageException("--replica-assignment: partition " + p + " lists broker " + broker + " twice");
                }
                replicas.add(broker);
            }
            if (p > 0 && replicas.size() != assignment.get(0).size()) {
                throw new UsageException("--replica-assignment: partition " + p + " has " + replicas.size()
                        + " replicas but partition 0 has " + assignment.get(0).size());
            }
            assignment.put(p, List.copyOf(replicas));
        }
        return assignment;
    }
}
