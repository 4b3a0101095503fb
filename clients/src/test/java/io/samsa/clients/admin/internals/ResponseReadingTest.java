package io.samsa.clients.admin.internals;

import io.samsa.clients.admin.ConsumerGroupDescription;
import io.samsa.clients.admin.CreateTopicsResult.TopicMetadataAndConfig;
import io.samsa.clients.admin.ListConsumerGroupOffsetsSpec;
import io.samsa.clients.admin.NewTopic;
import io.samsa.clients.admin.TopicDescription;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.Assignment;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.clients.consumer.internals.ConsumerProtocol;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.ConsumerGroupState;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.TopicExistsException;
import io.samsa.common.errors.UnknownTopicOrPartitionException;
import io.samsa.common.errors.UnsupportedVersionException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ApiMessage;
import io.samsa.protocol.message.CreateTopicsResponse;
import io.samsa.protocol.message.DescribeGroupsResponse;
import io.samsa.protocol.message.MetadataResponse;
import io.samsa.protocol.message.OffsetFetchResponse;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the call families read brokers' answers into per-key verdicts. */
class ResponseReadingTest {

    private static final Node NODE = new Node(3, "coordinator", 9092);

    private static ClientResponse response(ApiKeys api, int version, ApiMessage body) {
        return new ClientResponse(NODE, api, (short) version, body, 0, 0);
    }

    private static Set<String> keys(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }

    @SuppressWarnings("unchecked")
    private static <V> V completed(Outcomes<?, ?> out, Object key) {
        Outcomes.Verdict<?> v = out.verdicts().get(key);
        assertInstanceOf(Outcomes.Completed.class, v, "verdict on " + key);
        return (V) ((Outcomes.Completed<?>) v).value();
    }

    private static Throwable failed(Outcomes<?, ?> out, Object key) {
        Outcomes.Verdict<?> v = out.verdicts().get(key);
        assertInstanceOf(Outcomes.Failed.class, v, "verdict on " + key);
        return ((Outcomes.Failed<?>) v).error();
    }

    private static CreateTopicsResponse.CreatableTopicResult created(String name, Errors error) {
        return new CreateTopicsResponse.CreatableTopicResult().setName(name).setErrorCode(error.code())
                .setNumPartitions(3).setReplicationFactor((short) 2);
    }

    @Test
    void createTopicsReroutesEveryTopicWhenTheControllerMoved() {
        TopicCalls.CreateTopics f = new TopicCalls.CreateTopics(Map.of("a", new NewTopic("a", 1, (short) 1),
                "b", new NewTopic("b", 1, (short) 1)), false);
        Outcomes<String, TopicMetadataAndConfig> out = new Outcomes<>(keys("a", "b"));
        CreateTopicsResponse body = new CreateTopicsResponse();
        body.topics().add(created("a", Errors.NONE));
        body.topics().add(created("b", Errors.NOT_CONTROLLER));
        f.onResponse(Destination.controller(), out.keys(), response(ApiKeys.CREATE_TOPICS, 7, body), out);
        assertTrue(out.verdicts().values().stream().allMatch(v -> v instanceof Outcomes.Reroute), out.verdicts().toString());
    }

    @Test
    void createTopicsFailsTopicsByTheirErrorAndReportsTheOthers() {
        TopicCalls.CreateTopics f = new TopicCalls.CreateTopics(Map.of("a", new NewTopic("a", 1, (short) 1),
                "b", new NewTopic("b", 1, (short) 1)), false);
        Outcomes<String, TopicMetadataAndConfig> out = new Outcomes<>(keys("a", "b"));
        CreateTopicsResponse body = new CreateTopicsResponse();
        body.topics().add(created("a", Errors.NONE).setConfigs(List.of(new CreateTopicsResponse.CreatableTopicConfigs()
                .setName("cleanup.policy").setValue("compact").setConfigSource((byte) 1))));
        body.topics().add(created("b", Errors.TOPIC_ALREADY_EXISTS).setErrorMessage("Topic 'b' already exists."));
        f.onResponse(Destination.controller(), out.keys(), response(ApiKeys.CREATE_TOPICS, 7, body), out);
        TopicMetadataAndConfig a = completed(out, "a");
        assertEquals(3, a.numPartitions());
        assertEquals(2, a.replicationFactor());
        assertEquals("compact", a.config().get("cleanup.policy").value());
        Throwable b = failed(out, "b");
        assertInstanceOf(TopicExistsException.class, b);
        assertEquals("Topic 'b' already exists.", b.getMessage());

        Outcomes<String, TopicMetadataAndConfig> old = new Outcomes<>(keys("a"));
        CreateTopicsResponse v4 = new CreateTopicsResponse();
        v4.topics().add(new CreateTopicsResponse.CreatableTopicResult().setName("a"));
        f.onResponse(Destination.controller(), old.keys(), response(ApiKeys.CREATE_TOPICS, 4, v4), old);
        TopicMetadataAndConfig oldA = completed(old, "a");
        assertInstanceOf(UnsupportedVersionException.class, org.junit.jupiter.api.Assertions.assertThrows(
                RuntimeException.class, oldA::numPartitions), "no metadata before v5");
    }

    @Test
    void describeTopicsSortsPartitionsAndNamesReplicasOfDeadBrokers() {
        Outcomes<String, TopicDescription> out = new Outcomes<>(keys("t", "missing"));
        MetadataResponse body = new MetadataResponse();
        body.brokers().add(new MetadataResponse.MetadataResponseBroker().setNodeId(1).setHost("h1").setPort(1));
        MetadataResponse.MetadataResponseTopic t = new MetadataResponse.MetadataResponseTopic().setName("t");
        t.partitions().add(new MetadataResponse.MetadataResponsePartition().setPartitionIndex(1).setLeaderId(-1)
                .setReplicaNodes(List.of(2, 1)).setIsrNodes(List.of(1)));
        t.partitions().add(new MetadataResponse.MetadataResponsePartition().setPartitionIndex(0).setLeaderId(1)
                .setReplicaNodes(List.of(1)).setIsrNodes(List.of(1)));
        body.topics().add(t);
        new TopicMetadataCalls.DescribeTopics().onResponse(Destination.any(), out.keys(), response(ApiKeys.METADATA, 12, body), out);
        TopicDescription d = completed(out, "t");
        assertEquals(List.of(0, 1), d.partitions().stream().map(io.samsa.common.TopicPartitionInfo::partition).toList());
        assertEquals(1, d.partitions().get(0).leader().id());
        assertNull(d.partitions().get(1).leader(), "no leader");
        assertEquals(new Node(2, "", -1), d.partitions().get(1).replicas().get(0), "a replica on a broker that is down");
        assertInstanceOf(UnknownTopicOrPartitionException.class, failed(out, "missing"));
    }

    @Test
    void describeGroupsDecodesAssignmentsAndRetriesCoordinatorErrors() {
        Outcomes<String, ConsumerGroupDescription> out = new Outcomes<>(keys("g", "loading", "moved", "connect"));
        DescribeGroupsResponse body = new DescribeGroupsResponse();
        ByteBuffer assignment = ConsumerProtocol.serializeAssignment(new Assignment(List.of(new TopicPartition("t", 0),
                new TopicPartition("t", 1))));
        DescribeGroupsResponse.DescribedGroup g = new DescribeGroupsResponse.DescribedGroup().setGroupId("g")
                .setGroupState("Stable").setProtocolType("consumer").setProtocolData("range");
        g.members().add(new DescribeGroupsResponse.DescribedGroupMember().setMemberId("m-1").setClientId("c")
                .setClientHost("/10.0.0.1").setGroupInstanceId("static-1").setMemberAssignment(assignment));
        body.groups().add(g);
        body.groups().add(new DescribeGroupsResponse.DescribedGroup().setGroupId("loading")
                .setErrorCode(Errors.COORDINATOR_LOAD_IN_PROGRESS.code()));
        body.groups().add(new DescribeGroupsResponse.DescribedGroup().setGroupId("moved").setErrorCode(Errors.NOT_COORDINATOR.code()));
        body.groups().add(new DescribeGroupsResponse.DescribedGroup().setGroupId("connect").setGroupState("Stable")
                .setProtocolType("connect"));
        new GroupCalls.DescribeGroups().onResponse(Destination.node(NODE), out.keys(),
                response(ApiKeys.DESCRIBE_GROUPS, 5, body), out);

        ConsumerGroupDescription d = completed(out, "g");
        assertEquals(ConsumerGroupState.STABLE, d.state());
        assertEquals("range", d.partitionAssignor());
        assertEquals(NODE, d.coordinator());
        var member = d.members().iterator().next();
        assertEquals(Optional.of("static-1"), member.groupInstanceId());
        assertEquals(Set.of(new TopicPartition("t", 0), new TopicPartition("t", 1)), member.assignment().topicPartitions());
        assertInstanceOf(Outcomes.Retry.class, out.verdicts().get("loading"));
        assertInstanceOf(Outcomes.Reroute.class, out.verdicts().get("moved"));
        assertInstanceOf(IllegalArgumentException.class, failed(out, "connect"));
    }

    @Test
    void committedOffsetsMapMissingOnesToNull() {
        TopicPartition t0 = new TopicPartition("t", 0);
        TopicPartition t1 = new TopicPartition("t", 1);
        GroupOffsetCalls.FetchOffsets f = new GroupOffsetCalls.FetchOffsets(
                Map.of("g", new ListConsumerGroupOffsetsSpec().topicPartitions(List.of(t0, t1))), false);
        Outcomes<String, Map<TopicPartition, OffsetAndMetadata>> out = new Outcomes<>(keys("g"));
        OffsetFetchResponse body = new OffsetFetchResponse();
        OffsetFetchResponse.OffsetFetchResponseTopics topic = new OffsetFetchResponse.OffsetFetchResponseTopics().setName("t");
        topic.partitions().add(new OffsetFetchResponse.OffsetFetchResponsePartitions().setPartitionIndex(0).setCommittedOffset(5)
                .setCommittedLeaderEpoch(2).setMetadata("m"));
        topic.partitions().add(new OffsetFetchResponse.OffsetFetchResponsePartitions().setPartitionIndex(1).setCommittedOffset(-1)
                .setMetadata(""));
        OffsetFetchResponse.OffsetFetchResponseGroup group = new OffsetFetchResponse.OffsetFetchResponseGroup().setGroupId("g");
        group.topics().add(topic);
        body.groups().add(group);
        f.onResponse(Destination.node(NODE), out.keys(), response(ApiKeys.OFFSET_FETCH, 9, body), out);
        Map<TopicPartition, OffsetAndMetadata> offsets = completed(out, "g");
        assertEquals(new OffsetAndMetadata(5, Optional.of(2), "m"), offsets.get(t0));
        assertTrue(offsets.containsKey(t1));
        assertNull(offsets.get(t1), "no committed offset");
    }
}
