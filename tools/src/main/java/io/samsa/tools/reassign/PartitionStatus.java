package io.samsa.tools.reassign;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.Json;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where one partition of a reassignment file stands, as {@code --verify} reports it: still
 * moving, moved (its replicas are the target's), or not moving but with other replicas than the
 * target (a cancelled or never-started move). Immutable.
 *
 * @param current the replicas the partition has now (while moving: the target's followed by those
 *                still to be removed; empty when the partition does not exist)
 */
record PartitionStatus(TopicPartition partition, State state, List<Integer> current, List<Integer> target) {

    enum State {
        COMPLETED, IN_PROGRESS, DIFFERENT;

        String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The status of a partition that is not being reassigned and has {@code replicas}. */
    static PartitionStatus settled(TopicPartition tp, List<Integer> replicas, List<Integer> target) {
        return new PartitionStatus(tp, replicas.equals(target) ? State.COMPLETED : State.DIFFERENT, replicas, target);
    }

    /** Kafka's line for this partition. */
    String line() {
        return switch (state) {
            case COMPLETED -> "Reassignment of partition " + partition + " is completed.";
            case IN_PROGRESS -> "Reassignment of partition " + partition + " is still in progress.";
            case DIFFERENT -> "There is no active reassignment of partition " + partition + ", but replica set is "
                    + ids(current) + " rather than " + ids(target) + ".";
        };
    }

    ObjectNode json() {
        ObjectNode o = Json.object();
        o.put("topic", partition.topic());
        o.put("partition", partition.partition());
        o.put("status", state.label());
        o.set("currentReplicas", Json.numbers(current));
        o.set("targetReplicas", Json.numbers(target));
        return o;
    }

    private static String ids(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
