package io.samsa.core.coordinator.group;

import io.samsa.common.TopicPartition;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.coordinator.group.generated.GroupMetadataKey;
import org.apache.kafka.coordinator.group.generated.GroupMetadataValue;
import org.apache.kafka.coordinator.group.generated.OffsetCommitKey;
import org.apache.kafka.coordinator.group.generated.OffsetCommitValue;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Apache Kafka 3.9.1's own generated record classes as the oracle for the {@code __consumer_offsets}
 * formats: Samsa's bytes equal Kafka's, and Samsa reads every version Kafka can write.
 */
class KafkaOffsetsFormatOracleTest {

    @Test
    void keysMatchKafka() {
        byte[] kafkaOffsetKey = MessageUtil.toVersionPrefixedBytes((short) 1,
                new OffsetCommitKey().setGroup("grp").setTopic("topic").setPartition(7));
        assertArrayEquals(kafkaOffsetKey, OffsetsTopicRecords.offsetCommitKey("grp", new TopicPartition("topic", 7)));
        byte[] kafkaGroupKey = MessageUtil.toVersionPrefixedBytes((short) 2, new GroupMetadataKey().setGroup("grp"));
        assertArrayEquals(kafkaGroupKey, OffsetsTopicRecords.groupMetadataKey("grp"));
    }

    @Test
    void offsetValuesMatchKafkaAndEveryKafkaVersionReads() {
        OffsetAndMetadata o = new OffsetAndMetadata(123456789L, 4, "some metadata", 1_700_000_000_123L, -1);
        OffsetCommitValue kafka = new OffsetCommitValue().setOffset(o.offset()).setLeaderEpoch(o.leaderEpoch())
                .setMetadata(o.metadata()).setCommitTimestamp(o.commitTimestamp());
        assertArrayEquals(MessageUtil.toVersionPrefixedBytes((short) 3, kafka), OffsetsTopicRecords.offsetCommitValue(o));

        OffsetAndMetadata expiring = new OffsetAndMetadata(5, -1, "", 100, 900);
        assertArrayEquals(MessageUtil.toVersionPrefixedBytes((short) 1, new OffsetCommitValue().setOffset(5).setMetadata("")
                .setCommitTimestamp(100).setExpireTimestamp(900)), OffsetsTopicRecords.offsetCommitValue(expiring));

        for (short v = 0; v <= 4; v++) {
            OffsetAndMetadata read = OffsetsTopicRecords.readOffsetValue(ByteBuffer.wrap(MessageUtil.toVersionPrefixedBytes(v, kafka)));
            assertEquals(o.offset(), read.offset(), "v" + v);
            assertEquals(o.metadata(), read.metadata(), "v" + v);
            assertEquals(o.commitTimestamp(), read.commitTimestamp(), "v" + v);
            assertEquals(v >= 3 ? 4 : -1, read.leaderEpoch(), "v" + v);
        }
    }

    @Test
    void groupValuesMatchKafkaAndEveryKafkaVersionReads() {
        GroupMetadata g = new GroupMetadata("grp", 0, GroupState.EMPTY, 0);
        g.add(new MemberMetadata("m1", "inst", "client", "/10.0.0.1", 45_000, 10_000, "consumer",
                List.of(new Protocol("range", new byte[]{1, 2, 3}))), null);
        g.add(new MemberMetadata("m2", null, "client", "/10.0.0.2", 45_000, 10_000, "consumer",
                List.of(new Protocol("range", new byte[]{4}))), null);
        g.transitionTo(GroupState.PREPARING_REBALANCE, 1);
        g.initNextGeneration(1_700_000_000_000L);
        byte[] samsa = OffsetsTopicRecords.groupMetadataValue(g, Map.of("m1", new byte[]{9}, "m2", new byte[]{8, 8}));

        GroupMetadataValue kafka = new GroupMetadataValue().setProtocolType("consumer").setGeneration(1).setProtocol("range")
                .setLeader("m1").setCurrentStateTimestamp(1_700_000_000_000L).setMembers(List.of(
                        new GroupMetadataValue.MemberMetadata().setMemberId("m1").setGroupInstanceId("inst").setClientId("client")
                                .setClientHost("/10.0.0.1").setRebalanceTimeout(45_000).setSessionTimeout(10_000)
                                .setSubscription(new byte[]{1, 2, 3}).setAssignment(new byte[]{9}),
                        new GroupMetadataValue.MemberMetadata().setMemberId("m2").setGroupInstanceId(null).setClientId("client")
                                .setClientHost("/10.0.0.2").setRebalanceTimeout(45_000).setSessionTimeout(10_000)
                                .setSubscription(new byte[]{4}).setAssignment(new byte[]{8, 8})));
        assertArrayEquals(MessageUtil.toVersionPrefixedBytes((short) 3, kafka), samsa);

        // And the reverse: Kafka reads Samsa's bytes back to the same message.
        GroupMetadataValue parsed = new GroupMetadataValue(new ByteBufferAccessor(ByteBuffer.wrap(samsa, 2, samsa.length - 2)), (short) 3);
        assertEquals(kafka, parsed);

        for (short v = 0; v <= 4; v++) {
            OffsetsTopicRecords.StoredGroup s = OffsetsTopicRecords.readGroupValue(ByteBuffer.wrap(MessageUtil.toVersionPrefixedBytes(v, kafka)));
            assertEquals("consumer", s.protocolType(), "v" + v);
            assertEquals(1, s.generation(), "v" + v);
            assertEquals("range", s.protocol(), "v" + v);
            assertEquals(2, s.members().size(), "v" + v);
            assertEquals("m2", s.members().get(1).memberId(), "v" + v);
            assertEquals(10_000, s.members().get(1).sessionTimeoutMs(), "v" + v);
            assertArrayEquals(new byte[]{8, 8}, s.members().get(1).assignment(), "v" + v);
            assertEquals(v >= 3 ? "inst" : null, s.members().get(0).groupInstanceId(), "v" + v);
        }
    }
}
