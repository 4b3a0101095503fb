package io.samsa.tools.offsets;

import io.samsa.tools.cli.UsageException;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which partitions {@code samsa-get-offsets} asks about, as Kafka's {@code GetOffsetShell} reads
 * its filters: a topic regular expression (matching whole names; a missing one matches every
 * topic) with either a set of partitions ({@code --topic} and {@code --partitions}) or a range
 * ({@code --topic-partitions} rules {@code topic:N}, {@code topic:N-M} with M excluded,
 * {@code topic:N-}, {@code topic:-M}, or {@code topic} for all). Immutable.
 *
 * @param partitions the partitions allowed, or empty to allow the range
 * @param low        the first partition allowed (inclusive), with an empty {@code partitions}
 * @param high       the first partition not allowed, with an empty {@code partitions}
 */
record PartitionRule(Pattern topic, Set<Integer> partitions, int low, int high) {

    private static final Pattern RULE = Pattern.compile("([^:,]*)(?::(?:([0-9]*)|(?:([0-9]*)-([0-9]*))))?");
    private static final Pattern ANY = Pattern.compile(".*");

    PartitionRule {
        partitions = Set.copyOf(partitions);
    }

    boolean allowsTopic(String name) {
        return topic.matcher(name).matches();
    }

    boolean allows(String name, int partition) {
        return allowsTopic(name) && (partitions.isEmpty() ? partition >= low && partition < high : partitions.contains(partition));
    }

    /** The rule of {@code --topic} (null for any) and {@code --partitions} (null for all). */
    static PartitionRule of(String topicRegex, String partitionList) throws UsageException {
        Set<Integer> partitions = new TreeSet<>();
        if (partitionList != null && !partitionList.isBlank()) {
            for (String p : partitionList.split(",")) {
                try {
                    partitions.add(Integer.parseInt(p.trim()));
                } catch (NumberFormatException e) {
                    throw new UsageException("--partitions takes partition ids separated by commas, not '" + partitionList + "'");
                }
            }
        }
        return new PartitionRule(topicRegex == null ? ANY : regex(topicRegex, "--topic"), partitions, 0, Integer.MAX_VALUE);
    }

    /** The rules of {@code --topic-partitions}, comma-separated. */
    static List<PartitionRule> parseAll(String text) throws UsageException {
        List<PartitionRule> rules = new ArrayList<>();
        for (String spec : text.split(",")) {
            Matcher m = RULE.matcher(spec.trim());
            if (spec.isBlank() || !m.matches()) {
                throw new UsageException("--topic-partitions: invalid rule '" + spec + "' (the forms are topic, topic:N, "
                        + "topic:N-M, topic:N- and topic:-M; the topic a regular expression, left out for any)");
            }
            Pattern topic = empty(m.group(1)) ? ANY : regex(m.group(1), "--topic-partitions");
            if (!empty(m.group(2))) {
                rules.add(new PartitionRule(topic, Set.of(Integer.parseInt(m.group(2))), 0, 0));
            } else {
                int low = empty(m.group(3)) ? 0 : Integer.parseInt(m.group(3));
                int high = empty(m.group(4)) ? Integer.MAX_VALUE : Integer.parseInt(m.group(4));
                rules.add(new PartitionRule(topic, Set.of(), low, high));
            }
        }
        return rules;
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    private static Pattern regex(String text, String option) throws UsageException {
        try {
            return Pattern.compile(text.trim());
        } catch (PatternSyntaxException e) {
            throw new UsageException(option + " '" + text + "' is not a valid regular expression: " + e.getDescription());
        }
    }
}
