package io.samsa.core.controller;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One partition's answer to an election request: the leader it now has (written to ZooKeeper and
 * announced), or why there was no election. Immutable.
 *
 * @param leader the elected leader, or -1 with an error
 */
public record ElectionOutcome(Errors error, String message, int leader) {

    static ElectionOutcome elected(int leader) {
        return new ElectionOutcome(Errors.NONE, null, leader);
    }

    static ElectionOutcome failed(Errors error, String message) {
        return new ElectionOutcome(error, message, -1);
    }

    /** The same failure for each partition asked for; none when every partition was asked for (empty). */
    public static Map<TopicPartition, ElectionOutcome> allFailed(Optional<Set<TopicPartition>> partitions, Errors error, String message) {
        Map<TopicPartition, ElectionOutcome> outcomes = new LinkedHashMap<>();
        partitions.ifPresent(ps -> ps.forEach(tp -> outcomes.put(tp, failed(error, message))));
        return outcomes;
    }

    public boolean isElected() {
        return error == Errors.NONE;
    }
}
