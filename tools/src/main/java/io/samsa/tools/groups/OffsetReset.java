package io.samsa.tools.groups;

import io.samsa.clients.admin.ConsumerGroupDescription;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.common.ConsumerGroupState;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.ClusterConnection;
import io.samsa.tools.cli.KnownTopics;
import io.samsa.tools.cli.ToolFailure;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * {@code --reset-offsets}: plans every group's new offsets, then, with {@code --execute}, commits
 * them. Everything is checked before anything is committed: each group must be inactive
 * ({@code Empty}, or not existing yet, which committing creates), each topic must exist and each
 * partition named be one of its topic's. With {@code --all-topics} the scope is the partitions
 * the group has offsets for; with {@code --topic} the partitions named, or all of the topic's; with
 * {@code --from-file} the partitions the file gives the group.
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
        Map<String, List<PlannedOffset>> plans = options.fromFile() != null
                ? fromFile(connection, options, groupIds, warnings) : byScenario(connection, options, groupIds, time, warnings);
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

    private static Map<String, List<PlannedOffset>> byScenario(ClusterConnection connection,
                                                               ConsumerGroupCommandOptions options, List<String> groupIds,
                                                               Time time, Consumer<String> warnings)
            throws ExecutionException, InterruptedException {
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
        return plans;
    }

    /** The file's offsets of each group, kept within the logs; a group the file lacks is warned about and left alone. */
    private static Map<String, List<PlannedOffset>> fromFile(ClusterConnection connection,
                                                             ConsumerGroupCommandOptions options, List<String> groupIds,
                                                             Consumer<String> warnings)
            throws ExecutionException, InterruptedException {
        String text;
        try {
            text = Files.readString(options.fromFile());
        } catch (IOException e) {
            throw new ToolFailure("cannot read --from-file " + options.fromFile() + ": " + e.getMessage());
        }
        Map<String, Map<TopicPartition, Long>> file = ResetPlanCsv.read(text, options.fromFile().toString(),
                options.groups().size() == 1 ? options.groups().get(0) : null);
        Set<String> topicNames = new TreeSet<>();
        for (String id : groupIds) {
            file.getOrDefault(id, Map.of()).keySet().forEach(p -> topicNames.add(p.topic()));
        }
        KnownTopics topics = KnownTopics.describe(connection, topicNames);
        for (String id : groupIds) {
            for (TopicPartition p : file.getOrDefault(id, Map.of()).keySet()) {
                topics.requirePartition(p);
            }
        }
        Map<String, List<PlannedOffset>> plans = new LinkedHashMap<>();
        for (String id : groupIds) {
            Map<TopicPartition, Long> requested = file.get(id);
            if (requested == null) {
                warnings.accept(options.fromFile() + " has no offsets for consumer group '" + id + "'; it is left alone");
                plans.put(id, List.of());
                continue;
            }
            Map<TopicPartition, Long> committed = GroupOffsets.committed(connection, id);
            Set<TopicPartition> partitions = requested.keySet();
            OffsetResetPlanner planner = new OffsetResetPlanner(committed, LogOffsets.earliest(connection, partitions),
                    LogOffsets.latest(connection, partitions), Map.of());
            plans.put(id, planner.planRequested(requested, warnings));
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
