package io.samsa.tools.topics;

import io.samsa.clients.admin.Config;
import io.samsa.clients.admin.ConfigEntry;
import io.samsa.clients.admin.PartitionReassignment;
import io.samsa.clients.admin.TopicDescription;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.common.TopicPartitionInfo;
import io.samsa.common.config.ConfigResource;
import io.samsa.common.config.TopicConfig;
import io.samsa.common.errors.ClusterAuthorizationException;
import io.samsa.common.errors.UnknownTopicOrPartitionException;
import io.samsa.common.errors.UnsupportedVersionException;
import io.samsa.tools.cli.ClusterConnection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Gathers what {@code --describe} shows, as Kafka's tool does: the topics' partitions
 * ({@code describeTopics}), their configs ({@code describeConfigs}) and the partition moves in
 * progress ({@code listPartitionReassignments}; none when the cluster will not say). A topic
 * deleted between listing and describing is left out. Stateless.
 */
final class TopicDescriber {

    private TopicDescriber() {
    }

    /** The topics named, in the order given. */
    static List<TopicState> describe(ClusterConnection connection, List<String> names)
            throws ExecutionException, InterruptedException {
        if (names.isEmpty()) {
            return List.of();
        }
        Map<String, CompletableFuture<TopicDescription>> descriptions =
                connection.admin().describeTopics(names).topicNameValues();
        Map<ConfigResource, CompletableFuture<Config>> configs = connection.admin().describeConfigs(
                names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).values();
        List<TopicDescription> found = new ArrayList<>();
        for (String name : names) {
            TopicDescription d = orNullIfGone(connection, descriptions.get(name));
            if (d != null) {
                found.add(d);
            }
        }
        Map<TopicPartition, PartitionReassignment> moves = reassignments(connection, found);
        List<TopicState> topics = new ArrayList<>();
        for (TopicDescription d : found) {
            Config config = orNullIfGone(connection, configs.get(new ConfigResource(ConfigResource.Type.TOPIC, d.name())));
            if (config != null) {
                topics.add(state(d, config, moves));
            }
        }
        return topics;
    }

    private static TopicState state(TopicDescription d, Config config, Map<TopicPartition, PartitionReassignment> moves) {
        ConfigEntry minIsrEntry = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
        int minIsr = minIsrEntry == null || minIsrEntry.value() == null ? 1 : Integer.parseInt(minIsrEntry.value());
        List<PartitionState> partitions = new ArrayList<>();
        for (TopicPartitionInfo p : d.partitions()) {
            partitions.add(new PartitionState(p.partition(), p.leader() == null || p.leader().isEmpty() ? null : p.leader().id(),
                    ids(p.replicas()), ids(p.isr()), moves.get(new TopicPartition(d.name(), p.partition())), minIsr));
        }
        return new TopicState(d.name(), d.topicId(), d.isInternal(), partitions, List.copyOf(config.entries()));
    }

    private static Map<TopicPartition, PartitionReassignment> reassignments(ClusterConnection connection,
                                                                           List<TopicDescription> topics)
            throws ExecutionException, InterruptedException {
        Set<TopicPartition> partitions = new HashSet<>();
        for (TopicDescription d : topics) {
            d.partitions().forEach(p -> partitions.add(new TopicPartition(d.name(), p.partition())));
        }
        if (partitions.isEmpty()) {
            return Map.of();
        }
        try {
            return connection.await(connection.admin().listPartitionReassignments(partitions).reassignments());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnsupportedVersionException || e.getCause() instanceof ClusterAuthorizationException) {
                return Map.of();
            }
            throw e;
        }
    }

    private static <T> T orNullIfGone(ClusterConnection connection, CompletableFuture<T> future)
            throws ExecutionException, InterruptedException {
        try {
            return connection.await(future);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).collect(Collectors.toList());
    }
}
