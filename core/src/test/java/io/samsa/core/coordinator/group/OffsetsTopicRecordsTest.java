package io.samsa.core.coordinator.group;

import io.samsa.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Kafka's {@code __consumer_offsets} record formats, checked against bytes laid out by hand from the schemas. */
class OffsetsTopicRecordsTest {

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void offsetCommitKeyIsTypeOneGroupTopicPartition() {
        byte[] key = OffsetsTopicRecords.offsetCommitKey("g", new TopicPartition("t", 2));
        assertArrayEquals(hex("0001 0001 67 0001 74 00000002"), key);
        OffsetsTopicRecords.Key k = OffsetsTopicRecords.readKey(ByteBuffer.wrap(key));
        assertEquals(new OffsetsTopicRecords.OffsetKey("g", new TopicPartition("t", 2)), k);
        // Version 0 keys (written by old brokers) have the same layout.
        assertEquals(k, OffsetsTopicRecords.readKey(ByteBuffer.wrap(hex("0000 0001 67 0001 74 00000002"))));
    }

    @Test
    void groupMetadataKeyIsTypeTwoGroup() {
        byte[] key = OffsetsTopicRecords.groupMetadataKey("grp");
        assertArrayEquals(hex("0002 0003 677270"), key);
        assertEquals(new OffsetsTopicRecords.GroupKey("grp"), OffsetsTopicRecords.readKey(ByteBuffer.wrap(key)));
        assertThrows(IllegalArgumentException.class, () -> OffsetsTopicRecords.readKey(ByteBuffer.wrap(hex("0009 0000"))));
    }

    @Test
    void offsetCommitValueV3() {
        OffsetAndMetadata o = new OffsetAndMetadata(0x1234, 5, "m", 0x0102030405L, -1);
        byte[] v = OffsetsTopicRecords.offsetCommitValue(o);
        assertArrayEquals(hex("0003 0000000000001234 00000005 0001 6d 0000000102030405"), v);
        assertEquals(o, OffsetsTopicRecords.readOffsetValue(ByteBuffer.wrap(v)));
    }

    @Test
    void offsetCommitValueV1CarriesAnExpireTimestamp() {
        OffsetAndMetadata o = new OffsetAndMetadata(7, -1, "", 100, 200);
        byte[] v = OffsetsTopicRecords.offsetCommitValue(o);
        assertArrayEquals(hex("0001 0000000000000007 0000 0000000000000064 00000000000000c8"), v);
        assertEquals(o, OffsetsTopicRecords.readOffsetValue(ByteBuffer.wrap(v)));
    }

    @Test
    void readsOlderAndFlexibleOffsetValues() {
        OffsetAndMetadata v0 = OffsetsTopicRecords.readOffsetValue(ByteBuffer.wrap(hex("0000 0000000000000009 0002 6869 000000000000000a")));
        assertEquals(new OffsetAndMetadata(9, -1, "hi", 10, -1), v0);
        // v4: flexible; compact string length+1 and an empty tagged-field section.
        OffsetAndMetadata v4 = OffsetsTopicRecords.readOffsetValue(ByteBuffer.wrap(
                hex("0004 0000000000000009 00000002 03 6869 000000000000000a 00")));
        assertEquals(new OffsetAndMetadata(9, 2, "hi", 10, -1), v4);
    }

    @Test
    void groupMetadataValueV3RoundTrips() {
        GroupMetadata g = new GroupMetadata("grp", 0, GroupState.EMPTY, 1000);
        MemberMetadata m = new MemberMetadata("m1", "i1", "c", "/h", 300, 100, "consumer", List.of(new Protocol("range", new byte[]{1, 2})));
        g.add(m, null);
        g.transitionTo(GroupState.PREPARING_REBALANCE, 1500);
        g.initNextGeneration(2000);
        byte[] v = OffsetsTopicRecords.groupMetadataValue(g, Map.of("m1", new byte[]{9}));
        assertArrayEquals(hex("0003"
                + "0008 636f6e73756d6572"      // protocol type "consumer"
                + "00000001"                   // generation
                + "0005 72616e6765"            // protocol "range"
                + "0002 6d31"                  // leader "m1"
                + "00000000000007d0"           // current state timestamp
                + "00000001"                   // one member
                + "0002 6d31 0002 6931 0001 63 0002 2f68" // member id, instance id, client id, host
                + "0000012c 00000064"          // rebalance and session timeouts
                + "00000002 0102 00000001 09"), v);
        OffsetsTopicRecords.StoredGroup s = OffsetsTopicRecords.readGroupValue(ByteBuffer.wrap(v));
        assertEquals("consumer", s.protocolType());
        assertEquals(1, s.generation());
        assertEquals("range", s.protocol());
        assertEquals("m1", s.leader());
        assertEquals(2000, s.currentStateTimestamp());
        OffsetsTopicRecords.StoredMember sm = s.members().get(0);
        assertEquals("i1", sm.groupInstanceId());
        assertEquals(300, sm.rebalanceTimeoutMs());
        assertEquals(100, sm.sessionTimeoutMs());
        assertArrayEquals(new byte[]{9}, sm.assignment());
    }

    @Test
    void emptyGroupValueHasNullProtocolAndLeader() {
        OffsetsTopicRecords.StoredGroup s = OffsetsTopicRecords.readGroupValue(ByteBuffer.wrap(
                hex("0003 0008 636f6e73756d6572 00000004 ffff ffff 0000000000000001 00000000")));
        assertNull(s.protocol());
        assertNull(s.leader());
        assertEquals(4, s.generation());
        assertEquals(0, s.members().size());
    }

    @Test
    void readsGroupValueV0WithoutRebalanceTimeout() {
        OffsetsTopicRecords.StoredGroup s = OffsetsTopicRecords.readGroupValue(ByteBuffer.wrap(hex("0000"
                + "0008 636f6e73756d6572 00000002 0005 72616e6765 0002 6d31 00000001"
                + "0002 6d31 0001 63 0002 2f68 00000064 00000000 00000000")));
        assertEquals(100, s.members().get(0).sessionTimeoutMs());
        assertEquals(100, s.members().get(0).rebalanceTimeoutMs());
        assertEquals(-1, s.currentStateTimestamp());
    }

    @Test
    void partitionForUsesKafkasAbs() {
        assertEquals(103 % 50, OffsetsTopic.partitionFor("g", 50));
        assertEquals(Integer.MIN_VALUE, "polygenelubricants".hashCode());
        assertEquals(0, OffsetsTopic.partitionFor("polygenelubricants", 50));
        assertEquals(Math.abs("test_group".hashCode()) % 50, OffsetsTopic.partitionFor("test_group", 50));
    }
}
