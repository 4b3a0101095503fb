package io.samsa.clients.admin;

import io.samsa.clients.admin.internals.AdminSettings;
import io.samsa.clients.admin.internals.AdminTimers;
import io.samsa.clients.admin.internals.CallRunner;
import io.samsa.clients.admin.internals.ClusterCalls;
import io.samsa.clients.admin.internals.ConfigCalls;
import io.samsa.clients.admin.internals.GroupCalls;
import io.samsa.clients.admin.internals.GroupOffsetCalls;
import io.samsa.clients.admin.internals.LeaderElectionCalls;
import io.samsa.clients.admin.internals.ReassignmentCalls;
import io.samsa.clients.admin.internals.RecordCalls;
import io.samsa.clients.admin.internals.TopicCalls;
import io.samsa.clients.admin.internals.TopicMetadataCalls;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.clients.internals.ClientIds;
import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.clients.internals.NetworkClient;
import io.samsa.common.ElectionType;
import io.samsa.common.Node;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.common.config.ConfigResource;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Samsa's {@link Admin}: one I/O thread owning the connections and cluster metadata, and one small
 * class per family of calls ({@link TopicCalls}, {@link ConfigCalls}, {@link GroupCalls}, ...)
 * running on it through a shared {@link CallRunner} that routes, retries and times calls out. This
 * class only turns each family's futures into Kafka's result types. Thread-safe.
 */
public final class SamsaAdminClient implements Admin {

    private final ClientIoThread io;
    private final CallRunner runner;
    private final TopicCalls topics;
    private final TopicMetadataCalls topicMetadata;
    private final ConfigCalls configs;
    private final GroupCalls groups;
    private final GroupOffsetCalls groupOffsets;
    private final RecordCalls records;
    private final ClusterCalls cluster;
    private final LeaderElectionCalls elections;
    private final ReassignmentCalls reassignments;

    SamsaAdminClient(AdminSettings settings, Time time) {
        String clientId = ClientIds.admin(settings.clientId());
        ClientMetadata metadata = new ClientMetadata(settings.bootstrap(), settings.metadataMaxAgeMs(),
                settings.retryBackoffMs(), time);
        NetworkClient network = new NetworkClient(clientId, settings.network(), time);
        this.io = new ClientIoThread("samsa-admin-client-thread | " + clientId, network, metadata, false,
                settings.requestTimeoutMs(), time);
        AdminTimers timers = new AdminTimers();
        io.addParticipant(timers);
        this.runner = new CallRunner(io, settings, timers, time);
        this.topics = new TopicCalls(runner);
        this.topicMetadata = new TopicMetadataCalls(runner);
        this.configs = new ConfigCalls(runner);
        this.groups = new GroupCalls(runner);
        this.groupOffsets = new GroupOffsetCalls(runner);
        this.records = new RecordCalls(runner);
        this.cluster = new ClusterCalls(runner);
        this.elections = new LeaderElectionCalls(runner);
        this.reassignments = new ReassignmentCalls(runner);
        io.start();
    }

    static SamsaAdminClient create(Properties props) {
        return new SamsaAdminClient(AdminSettings.from(new AdminClientConfig(props)), Time.SYSTEM);
    }

    static SamsaAdminClient create(Map<String, Object> conf) {
        return new SamsaAdminClient(AdminSettings.from(new AdminClientConfig(conf)), Time.SYSTEM);
    }

    @Override
    public void close(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("The timeout cannot be negative");
        }
        runner.close(timeout);
    }

    @Override
    public CreateTopicsResult createTopics(Collection<NewTopic> newTopics, CreateTopicsOptions options) {
        return new CreateTopicsResult(topics.create(newTopics, options.shouldValidateOnly(), options.timeoutMs()));
    }

    @Override
    public DeleteTopicsResult deleteTopics(Collection<String> names, DeleteTopicsOptions options) {
        return new DeleteTopicsResult(topics.delete(names, options.timeoutMs()));
    }

    @Override
    public ListTopicsResult listTopics(ListTopicsOptions options) {
        return new ListTopicsResult(topicMetadata.list(options.shouldListInternal(), options.timeoutMs()));
    }

    @Override
    public DescribeTopicsResult describeTopics(Collection<String> topicNames, DescribeTopicsOptions options) {
        return new DescribeTopicsResult(topicMetadata.describe(topicNames, options.timeoutMs()));
    }

    @Override
    public CreatePartitionsResult createPartitions(Map<String, NewPartitions> newPartitions, CreatePartitionsOptions options) {
        return new CreatePartitionsResult(topics.createPartitions(newPartitions, options.validateOnly(), options.timeoutMs()));
    }

    @Override
    public DescribeConfigsResult describeConfigs(Collection<ConfigResource> resources, DescribeConfigsOptions options) {
        return new DescribeConfigsResult(configs.describe(resources, options.includeSynonyms(), options.includeDocumentation(),
                options.timeoutMs()));
    }

    @Override
    public AlterConfigsResult incrementalAlterConfigs(Map<ConfigResource, Collection<AlterConfigOp>> changes,
                                                      AlterConfigsOptions options) {
        return new AlterConfigsResult(configs.incrementalAlter(changes, options.shouldValidateOnly(), options.timeoutMs()));
    }

    @Override
    public ListConsumerGroupsResult listConsumerGroups(ListConsumerGroupsOptions options) {
        CompletableFuture<GroupCalls.GroupListing> listing = groups.list(options.states(), options.types(), options.timeoutMs());
        return new ListConsumerGroupsResult(listing.thenApply(GroupCalls.GroupListing::listings),
                listing.thenApply(GroupCalls.GroupListing::errors));
    }

    @Override
    public DescribeConsumerGroupsResult describeConsumerGroups(Collection<String> groupIds,
                                                               DescribeConsumerGroupsOptions options) {
        return new DescribeConsumerGroupsResult(groups.describe(groupIds, options.timeoutMs()));
    }

    @Override
    public DeleteConsumerGroupsResult deleteConsumerGroups(Collection<String> groupIds, DeleteConsumerGroupsOptions options) {
        return new DeleteConsumerGroupsResult(groups.delete(groupIds, options.timeoutMs()));
    }

    @Override
    public ListConsumerGroupOffsetsResult listConsumerGroupOffsets(Map<String, ListConsumerGroupOffsetsSpec> groupSpecs,
                                                                   ListConsumerGroupOffsetsOptions options) {
        return new ListConsumerGroupOffsetsResult(groupOffsets.list(groupSpecs, options.requireStable(), options.timeoutMs()));
    }

    @Override
    public AlterConsumerGroupOffsetsResult alterConsumerGroupOffsets(String groupId, Map<TopicPartition, OffsetAndMetadata> offsets,
                                                                     AlterConsumerGroupOffsetsOptions options) {
        return new AlterConsumerGroupOffsetsResult(groupOffsets.alter(groupId, offsets, options.timeoutMs()));
    }

    @Override
    public DeleteConsumerGroupOffsetsResult deleteConsumerGroupOffsets(String groupId, Set<TopicPartition> partitions,
                                                                       DeleteConsumerGroupOffsetsOptions options) {
        return new DeleteConsumerGroupOffsetsResult(groupOffsets.delete(groupId, partitions, options.timeoutMs()), partitions);
    }

    @Override
    public ListOffsetsResult listOffsets(Map<TopicPartition, OffsetSpec> topicPartitionOffsets, ListOffsetsOptions options) {
        return new ListOffsetsResult(records.listOffsets(topicPartitionOffsets, options.isolationLevel(), options.timeoutMs()));
    }

    @Override
    public DeleteRecordsResult deleteRecords(Map<TopicPartition, RecordsToDelete> recordsToDelete, DeleteRecordsOptions options) {
        return new DeleteRecordsResult(records.deleteRecords(recordsToDelete, options.timeoutMs()));
    }

    @Override
    public DescribeClusterResult describeCluster(DescribeClusterOptions options) {
        CompletableFuture<ClusterCalls.ClusterDescription> d = cluster.describeCluster(options.timeoutMs());
        return new DescribeClusterResult(d.thenApply(c -> (Collection<Node>) List.copyOf(c.nodes())),
                d.thenApply(ClusterCalls.ClusterDescription::controller), d.thenApply(ClusterCalls.ClusterDescription::clusterId));
    }

    @Override
    public DescribeLogDirsResult describeLogDirs(Collection<Integer> brokers, DescribeLogDirsOptions options) {
        return new DescribeLogDirsResult(cluster.describeLogDirs(brokers, options.timeoutMs()));
    }

    @Override
    public ElectLeadersResult electLeaders(ElectionType electionType, Set<TopicPartition> partitions,
                                           ElectLeadersOptions options) {
        return new ElectLeadersResult(elections.elect(electionType, partitions, options.timeoutMs()));
    }

    @Override
    public AlterPartitionReassignmentsResult alterPartitionReassignments(
            Map<TopicPartition, Optional<NewPartitionReassignment>> moves, AlterPartitionReassignmentsOptions options) {
        return new AlterPartitionReassignmentsResult(reassignments.alter(moves, options.timeoutMs()));
    }

    @Override
    public ListPartitionReassignmentsResult listPartitionReassignments(Optional<Set<TopicPartition>> partitions,
                                                                       ListPartitionReassignmentsOptions options) {
        return new ListPartitionReassignmentsResult(reassignments.list(partitions.orElse(null), options.timeoutMs()));
    }
}
