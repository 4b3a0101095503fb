package io.samsa.clients.admin;

import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.common.ElectionType;
import io.samsa.common.TopicPartition;
import io.samsa.common.config.ConfigResource;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Administers a cluster: topics, partitions, configurations, consumer groups and their offsets,
 * records, log directories, leader elections and partition moves, in the shape of Kafka's Admin
 * API. Every call returns at once; its result holds {@link java.util.concurrent.CompletableFuture}s
 * that complete when the brokers have answered, or fail with the exception of the error a broker
 * returned (see {@link io.samsa.common.errors}), or with a
 * {@link io.samsa.common.errors.TimeoutException} once the call's timeout
 * ({@code default.api.timeout.ms} unless its options say otherwise) has passed. Retriable errors
 * (a moved controller, leader or coordinator, a lost connection) are retried until then.
 *
 * <p>Thread-safe: share one instance. The futures complete on the client's I/O thread, so work
 * chained onto them must not block.
 */
public interface Admin extends AutoCloseable {

    /** An admin client configured by {@code props} ({@code bootstrap.servers} is required). */
    static Admin create(Properties props) {
        return SamsaAdminClient.create(props);
    }

    /** An admin client configured by {@code conf} ({@code bootstrap.servers} is required). */
    static Admin create(Map<String, Object> conf) {
        return SamsaAdminClient.create(conf);
    }

    /** Waits for the calls in progress to finish (each within its own timeout), then closes. */
    @Override
    default void close() {
        close(Duration.ofMillis(Long.MAX_VALUE));
    }

    /**
     * Waits up to {@code timeout} for the calls in progress, then closes; calls still running fail
     * with a TimeoutException. Calls made after close fail the same way.
     */
    void close(Duration timeout);

    default CreateTopicsResult createTopics(Collection<NewTopic> newTopics) {
        return createTopics(newTopics, new CreateTopicsOptions());
    }

    /** Creates topics (TopicExistsException for one that exists). With validateOnly, only checks them. */
    CreateTopicsResult createTopics(Collection<NewTopic> newTopics, CreateTopicsOptions options);

    default DeleteTopicsResult deleteTopics(Collection<String> topics) {
        return deleteTopics(topics, new DeleteTopicsOptions());
    }

    /** Deletes topics by name (UnknownTopicOrPartitionException for one that does not exist). */
    DeleteTopicsResult deleteTopics(Collection<String> topics, DeleteTopicsOptions options);

    default ListTopicsResult listTopics() {
        return listTopics(new ListTopicsOptions());
    }

    /** Lists the topics, without internal ones unless the options ask for them. */
    ListTopicsResult listTopics(ListTopicsOptions options);

    default DescribeTopicsResult describeTopics(Collection<String> topicNames) {
        return describeTopics(topicNames, new DescribeTopicsOptions());
    }

    /** Describes topics: their partitions with leaders, replicas and in-sync replicas. */
    DescribeTopicsResult describeTopics(Collection<String> topicNames, DescribeTopicsOptions options);

    default CreatePartitionsResult createPartitions(Map<String, NewPartitions> newPartitions) {
        return createPartitions(newPartitions, new CreatePartitionsOptions());
    }

    /** Adds partitions to topics (InvalidPartitionsException when the count does not grow). */
    CreatePartitionsResult createPartitions(Map<String, NewPartitions> newPartitions, CreatePartitionsOptions options);

    default DescribeConfigsResult describeConfigs(Collection<ConfigResource> resources) {
        return describeConfigs(resources, new DescribeConfigsOptions());
    }

    /** Describes the configurations of topics, brokers and broker loggers. */
    DescribeConfigsResult describeConfigs(Collection<ConfigResource> resources, DescribeConfigsOptions options);

    default AlterConfigsResult incrementalAlterConfigs(Map<ConfigResource, Collection<AlterConfigOp>> configs) {
        return incrementalAlterConfigs(configs, new AlterConfigsOptions());
    }

    /** Changes configurations entry by entry (set, delete, append, subtract). */
    AlterConfigsResult incrementalAlterConfigs(Map<ConfigResource, Collection<AlterConfigOp>> configs,
                                               AlterConfigsOptions options);

    default ListConsumerGroupsResult listConsumerGroups() {
        return listConsumerGroups(new ListConsumerGroupsOptions());
    }

    /** Lists the consumer groups of every broker. */
    ListConsumerGroupsResult listConsumerGroups(ListConsumerGroupsOptions options);

    default DescribeConsumerGroupsResult describeConsumerGroups(Collection<String> groupIds) {
        return describeConsumerGroups(groupIds, new DescribeConsumerGroupsOptions());
    }

    /** Describes consumer groups: members, their assignments, the assignor, the state and the coordinator. */
    DescribeConsumerGroupsResult describeConsumerGroups(Collection<String> groupIds, DescribeConsumerGroupsOptions options);

    default DeleteConsumerGroupsResult deleteConsumerGroups(Collection<String> groupIds) {
        return deleteConsumerGroups(groupIds, new DeleteConsumerGroupsOptions());
    }

    /** Deletes consumer groups and their offsets (GroupNotEmptyException while a group has members). */
    DeleteConsumerGroupsResult deleteConsumerGroups(Collection<String> groupIds, DeleteConsumerGroupsOptions options);

    default ListConsumerGroupOffsetsResult listConsumerGroupOffsets(String groupId) {
        return listConsumerGroupOffsets(groupId, new ListConsumerGroupOffsetsOptions());
    }

    /** The committed offsets of every partition of one group. */
    default ListConsumerGroupOffsetsResult listConsumerGroupOffsets(String groupId, ListConsumerGroupOffsetsOptions options) {
        return listConsumerGroupOffsets(Map.of(groupId, new ListConsumerGroupOffsetsSpec()), options);
    }

    default ListConsumerGroupOffsetsResult listConsumerGroupOffsets(Map<String, ListConsumerGroupOffsetsSpec> groupSpecs) {
        return listConsumerGroupOffsets(groupSpecs, new ListConsumerGroupOffsetsOptions());
    }

    /** The committed offsets of several groups, each restricted to some partitions or not. */
    ListConsumerGroupOffsetsResult listConsumerGroupOffsets(Map<String, ListConsumerGroupOffsetsSpec> groupSpecs,
                                                            ListConsumerGroupOffsetsOptions options);

    default AlterConsumerGroupOffsetsResult alterConsumerGroupOffsets(String groupId,
                                                                      Map<TopicPartition, OffsetAndMetadata> offsets) {
        return alterConsumerGroupOffsets(groupId, offsets, new AlterConsumerGroupOffsetsOptions());
    }

    /** Sets a group's committed offsets; the group must have no active members (UnknownMemberIdException). */
    AlterConsumerGroupOffsetsResult alterConsumerGroupOffsets(String groupId, Map<TopicPartition, OffsetAndMetadata> offsets,
                                                              AlterConsumerGroupOffsetsOptions options);

    default DeleteConsumerGroupOffsetsResult deleteConsumerGroupOffsets(String groupId, Set<TopicPartition> partitions) {
        return deleteConsumerGroupOffsets(groupId, partitions, new DeleteConsumerGroupOffsetsOptions());
    }

    /** Deletes some of a group's committed offsets (not of topics the group is subscribed to). */
    DeleteConsumerGroupOffsetsResult deleteConsumerGroupOffsets(String groupId, Set<TopicPartition> partitions,
                                                                DeleteConsumerGroupOffsetsOptions options);

    default ListOffsetsResult listOffsets(Map<TopicPartition, OffsetSpec> topicPartitionOffsets) {
        return listOffsets(topicPartitionOffsets, new ListOffsetsOptions());
    }

    /** Looks offsets up by spec (earliest, latest, max timestamp, a timestamp), at each partition's leader. */
    ListOffsetsResult listOffsets(Map<TopicPartition, OffsetSpec> topicPartitionOffsets, ListOffsetsOptions options);

    default DeleteRecordsResult deleteRecords(Map<TopicPartition, RecordsToDelete> recordsToDelete) {
        return deleteRecords(recordsToDelete, new DeleteRecordsOptions());
    }

    /** Deletes the records before an offset, at each partition's leader. */
    DeleteRecordsResult deleteRecords(Map<TopicPartition, RecordsToDelete> recordsToDelete, DeleteRecordsOptions options);

    default DescribeClusterResult describeCluster() {
        return describeCluster(new DescribeClusterOptions());
    }

    /** The cluster's brokers, controller and id. */
    DescribeClusterResult describeCluster(DescribeClusterOptions options);

    default DescribeLogDirsResult describeLogDirs(Collection<Integer> brokers) {
        return describeLogDirs(brokers, new DescribeLogDirsOptions());
    }

    /** Each broker's log directories and the replicas in them. */
    DescribeLogDirsResult describeLogDirs(Collection<Integer> brokers, DescribeLogDirsOptions options);

    default ElectLeadersResult electLeaders(ElectionType electionType, Set<TopicPartition> partitions) {
        return electLeaders(electionType, partitions, new ElectLeadersOptions());
    }

    /** Elects leaders of the partitions given, or of every partition when {@code partitions} is null. */
    ElectLeadersResult electLeaders(ElectionType electionType, Set<TopicPartition> partitions, ElectLeadersOptions options);

    default AlterPartitionReassignmentsResult alterPartitionReassignments(
            Map<TopicPartition, Optional<NewPartitionReassignment>> reassignments) {
        return alterPartitionReassignments(reassignments, new AlterPartitionReassignmentsOptions());
    }

    /** Moves partitions' replicas; an empty Optional cancels the partition's move in progress. */
    AlterPartitionReassignmentsResult alterPartitionReassignments(
            Map<TopicPartition, Optional<NewPartitionReassignment>> reassignments, AlterPartitionReassignmentsOptions options);

    default ListPartitionReassignmentsResult listPartitionReassignments() {
        return listPartitionReassignments(Optional.empty(), new ListPartitionReassignmentsOptions());
    }

    default ListPartitionReassignmentsResult listPartitionReassignments(Set<TopicPartition> partitions) {
        return listPartitionReassignments(Optional.of(partitions), new ListPartitionReassignmentsOptions());
    }

    default ListPartitionReassignmentsResult listPartitionReassignments(ListPartitionReassignmentsOptions options) {
        return listPartitionReassignments(Optional.empty(), options);
    }

    /** The partition moves in progress, among {@code partitions} when present. */
    ListPartitionReassignmentsResult listPartitionReassignments(Optional<Set<TopicPartition>> partitions,
                                                                ListPartitionReassignmentsOptions options);
}
