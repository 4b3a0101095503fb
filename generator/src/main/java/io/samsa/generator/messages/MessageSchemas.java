package io.samsa.generator.messages;

import io.samsa.generator.schema.MessageSpec;

import java.util.List;

/** Every message schema, request then response, in api key order: what the generator turns into classes. */
public final class MessageSchemas {

    private MessageSchemas() {
    }

    /** One API: its schema class and the two messages it declares. */
    public record Api(Class<?> schemaClass, MessageSpec request, MessageSpec response) {
    }

    public static final List<Api> ALL = List.of(
        new Api(ProduceMessages.class, ProduceMessages.REQUEST, ProduceMessages.RESPONSE),
        new Api(FetchMessages.class, FetchMessages.REQUEST, FetchMessages.RESPONSE),
        new Api(ListOffsetsMessages.class, ListOffsetsMessages.REQUEST, ListOffsetsMessages.RESPONSE),
        new Api(MetadataMessages.class, MetadataMessages.REQUEST, MetadataMessages.RESPONSE),
        new Api(LeaderAndIsrMessages.class, LeaderAndIsrMessages.REQUEST, LeaderAndIsrMessages.RESPONSE),
        new Api(StopReplicaMessages.class, StopReplicaMessages.REQUEST, StopReplicaMessages.RESPONSE),
        new Api(UpdateMetadataMessages.class, UpdateMetadataMessages.REQUEST, UpdateMetadataMessages.RESPONSE),
        new Api(ControlledShutdownMessages.class, ControlledShutdownMessages.REQUEST, ControlledShutdownMessages.RESPONSE),
        new Api(OffsetCommitMessages.class, OffsetCommitMessages.REQUEST, OffsetCommitMessages.RESPONSE),
        new Api(OffsetFetchMessages.class, OffsetFetchMessages.REQUEST, OffsetFetchMessages.RESPONSE),
        new Api(FindCoordinatorMessages.class, FindCoordinatorMessages.REQUEST, FindCoordinatorMessages.RESPONSE),
        new Api(JoinGroupMessages.class, JoinGroupMessages.REQUEST, JoinGroupMessages.RESPONSE),
        new Api(HeartbeatMessages.class, HeartbeatMessages.REQUEST, HeartbeatMessages.RESPONSE),
        new Api(LeaveGroupMessages.class, LeaveGroupMessages.REQUEST, LeaveGroupMessages.RESPONSE),
        new Api(SyncGroupMessages.class, SyncGroupMessages.REQUEST, SyncGroupMessages.RESPONSE),
        new Api(DescribeGroupsMessages.class, DescribeGroupsMessages.REQUEST, DescribeGroupsMessages.RESPONSE),
        new Api(ListGroupsMessages.class, ListGroupsMessages.REQUEST, ListGroupsMessages.RESPONSE),
        new Api(ApiVersionsMessages.class, ApiVersionsMessages.REQUEST, ApiVersionsMessages.RESPONSE),
        new Api(CreateTopicsMessages.class, CreateTopicsMessages.REQUEST, CreateTopicsMessages.RESPONSE),
        new Api(DeleteTopicsMessages.class, DeleteTopicsMessages.REQUEST, DeleteTopicsMessages.RESPONSE),
        new Api(DeleteRecordsMessages.class, DeleteRecordsMessages.REQUEST, DeleteRecordsMessages.RESPONSE),
        new Api(InitProducerIdMessages.class, InitProducerIdMessages.REQUEST, InitProducerIdMessages.RESPONSE),
        new Api(OffsetForLeaderEpochMessages.class, OffsetForLeaderEpochMessages.REQUEST, OffsetForLeaderEpochMessages.RESPONSE),
        new Api(DescribeConfigsMessages.class, DescribeConfigsMessages.REQUEST, DescribeConfigsMessages.RESPONSE),
        new Api(AlterConfigsMessages.class, AlterConfigsMessages.REQUEST, AlterConfigsMessages.RESPONSE),
        new Api(DescribeLogDirsMessages.class, DescribeLogDirsMessages.REQUEST, DescribeLogDirsMessages.RESPONSE),
        new Api(CreatePartitionsMessages.class, CreatePartitionsMessages.REQUEST, CreatePartitionsMessages.RESPONSE),
        new Api(DeleteGroupsMessages.class, DeleteGroupsMessages.REQUEST, DeleteGroupsMessages.RESPONSE),
        new Api(IncrementalAlterConfigsMessages.class, IncrementalAlterConfigsMessages.REQUEST,
            IncrementalAlterConfigsMessages.RESPONSE),
        new Api(ElectLeadersMessages.class, ElectLeadersMessages.REQUEST, ElectLeadersMessages.RESPONSE),
        new Api(AlterPartitionReassignmentsMessages.class, AlterPartitionReassignmentsMessages.REQUEST,
            AlterPartitionReassignmentsMessages.RESPONSE),
        new Api(ListPartitionReassignmentsMessages.class, ListPartitionReassignmentsMessages.REQUEST,
            ListPartitionReassignmentsMessages.RESPONSE),
        new Api(OffsetDeleteMessages.class, OffsetDeleteMessages.REQUEST, OffsetDeleteMessages.RESPONSE),
        new Api(AlterPartitionMessages.class, AlterPartitionMessages.REQUEST, AlterPartitionMessages.RESPONSE),
        new Api(DescribeClusterMessages.class, DescribeClusterMessages.REQUEST, DescribeClusterMessages.RESPONSE));
}
