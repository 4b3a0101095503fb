package io.samsa.tools.groups;

import io.samsa.tools.cli.UsageException;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * One {@code --topic} argument of {@code --reset-offsets} or {@code --delete-offsets}, as Kafka's
 * tool reads it: a topic's name, meaning all its partitions, or {@code topic:0,1,2}, meaning those
 * partitions. Immutable.
 *
 * @param partitions the partitions named, ascending and distinct; empty for every partition
 */
record TopicScope(String topic, List<Integer> partitions) {

    TopicScope {
        partitions = List.copyOf(partitions);
    }

    /** Reads {@code topic} or {@code topic:p,p,...}. */
    static TopicScope parse(String arg) throws UsageException {
        String text = arg.trim();
        int colon = text.indexOf(':');
        String topic = colon < 0 ? text : text.substring(0, colon).trim();
        if (topic.isEmpty()) {
            throw new UsageException("--topic needs a topic name, not '" + arg + "'");
        }
        if (colon < 0) {
            return new TopicScope(topic, List.of());
        }
        TreeSet<Integer> partitions = new TreeSet<>();
        for (String p : text.substring(colon + 1).split(",", -1)) {
            try {
                int partition = Integer.parseInt(p.trim());
                if (partition < 0) {
                    throw new NumberFormatException();
                }
                partitions.add(partition);
            } catch (NumberFormatException e) {
                throw new UsageException("--topic '" + arg + "': '" + p.trim() + "' is not a partition number "
                        + "(the form is topic or topic:0,1,2)");
            }
        }
        return new TopicScope(topic, new ArrayList<>(partitions));
    }

    boolean allPartitions() {
        return partitions.isEmpty();
    }
}
