package io.samsa.tools.groups;

import io.samsa.clients.admin.ConsumerGroupDescription;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.common.ConsumerGroupState;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.KnownTopics;
import io.samsa.tools.cli.ToolFailure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * {@code --reset-offsets}: plans every group's new offsets, then, with {@code --execute}, commits
 * them. Everything is checked before anything is committed: each group must be inactive
 * ({@code Empty}, or not existing yet, which committing creates), each topic must exist and each
 * partition named be one of its topic's. With {@code --all-topics} the scope is the partitions
 * the group has offsets for; with {@code --topic} the partitions named, or all of the topic's.
 * Stateless.
 */
final class OffsetReset {

    private OffsetReset() {
    }

    /**
     * The plans, by group in the order given, committed first when {@code options.execute()}.
     *
     * @param warnings where moved offsets and groups that do not exist yet are reported
     */
    static Map<String, List<PlannedOffset>> run(ClusterConnection connection, ConsumerGroupCommandOptions options,
                                                Time time, Consumer<String> warnings)
            throws ExecutionException, InterruptedException {
        List<String> groupIds = GroupFinder.ids(connection, options);
        Map<String, ConsumerGroupDescription> described = GroupFinder.describe(connection, groupIds);
        for (String id : groupIds) {
            ConsumerGroupDescription d = described.get(id);
            if (d == null || d.state() == ConsumerGroupState.DEAD) {
                warnings.accept("consumer group '" + id + "' does not exist yet"
                        + (options.execute() ? "; committing its offsets creates it" : "") + GroupFinder.hint(connection, id));
            } else if (d.state() != ConsumerGroupState.EMPTY) {
                throw new ToolFailure("Assignments can only be reset if the group '" + id + "' is inactive, but the current "
                        + "state is " + d.state() + ".");
            }
        }
        KnownTopics topics = KnownTopics.describe(connection, options.topics().stream().map(TopicScope::topic).toList());
        List<TopicPartition> named = new ArrayList<>();
        for (TopicScope scope : options.topics()) {
            if (scope.allPartitions()) {
                named.addAll(topics.partitionsOf(scope.topic()));
            } else {
                for (int p : scope.partitions()) {
                    TopicPartition tp = new TopicPartition(scope.topic(), p);
                    topics.requirePartition(tp);
                    named.add(tp);
                }
            }
        }
        Map<String, List<PlannedOffset>> plans = new LinkedHashMap<>();
        for (String id : groupIds) {
            Map<TopicPartition, Long> committed = GroupOffsets.committed(connection, id);
            Set<TopicPartition> partitions = new LinkedHashSet<>(options.allTopics() ? committed.keySet() : named);
            plans.put(id, plan(connection, id, options.reset(), time, committed, partitions, warnings));
        }
        if (options.execute()) {
            for (Map.Entry<String, List<PlannedOffset>> e : plans.entrySet()) {
                if (!e.getValue().isEmpty()) {
                    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                    e.getValue().forEach(p -> offsets.put(p.partition(), new OffsetAndMetadata(p.newOffset())));
                    connection.await(connection.admin().alterConsumerGroupOffsets(e.getKey(), offsets).all());
                }
            }
        }
        return plans;
    }

    private static List<PlannedOffset> plan(ClusterConnection connection, String group, ResetSpec spec, Time time,
                                            Map<TopicPartition, Long> committed, Set<TopicPartition> partitions,
                                            Consumer<String> warnings) throws ExecutionException, InterruptedException {
        long now = time.milliseconds();
        Map<TopicPartition, Long> atTime = spec.byTime()
                ? LogOffsets.atTime(connection, partitions, spec.timestamp(now)) : Map.of();
        OffsetResetPlanner planner = new OffsetResetPlanner(committed, LogOffsets.earliest(connection, partitions),
                LogOffsets.latest(connection, partitions), atTime);
        return planner.plan(group, spec, now, partitions, warnings);
    }
}
