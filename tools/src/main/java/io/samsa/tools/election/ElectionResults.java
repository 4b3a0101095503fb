package io.samsa.tools.election;

import io.samsa.common.ElectionType;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.ElectionNotNeededException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The brokers' answer to an election, sorted into Kafka's three outcomes: elected, not needed (a
 * valid leader already leads) and failed, each partition in order. Immutable.
 */
record ElectionResults(ElectionType type, TreeSet<TopicPartition> elected, TreeSet<TopicPartition> notNeeded,
                       TreeMap<TopicPartition, Throwable> failed) {

    static ElectionResults of(ElectionType type, Map<TopicPartition, Optional<Throwable>> answer) {
        TreeSet<TopicPartition> elected = new TreeSet<>();
        TreeSet<TopicPartition> notNeeded = new TreeSet<>();
        TreeMap<TopicPartition, Throwable> failed = new TreeMap<>();
        answer.forEach((p, error) -> {
            if (error.isEmpty()) {
                elected.add(p);
            } else if (error.get() instanceof ElectionNotNeededException) {
                notNeeded.add(p);
            } else {
                failed.put(p, error.get());
            }
        });
        return new ElectionResults(type, elected, notNeeded, failed);
    }

    /** Kafka's lines for the partitions that did not fail: those elected, then those that needed no election. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (!elected.isEmpty()) {
            lines.add("Successfully completed leader election (" + type + ") for partitions " + joined(elected));
        }
        if (!notNeeded.isEmpty()) {
            lines.add("Valid replica already elected for partitions " + joined(notNeeded));
        }
        return lines;
    }

    /** Kafka's line for a partition that failed, given the error's message. */
    String failureLine(TopicPartition p, String why) {
        return "Error completing leader election (" + type + ") for partition: " + p + ": " + why;
    }

    private static String joined(TreeSet<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::toString).collect(Collectors.joining(", "));
    }
}
