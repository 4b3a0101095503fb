package io.samsa.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Uuid;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic value API as the broker's handlers use it. */
class StructTest {

    @Test
    void buildsAProduceRequestAndReadsItBack() {
        MessageSpec spec = ApiKeys.PRODUCE.requestSpec();
        Struct req = spec.newStruct().set("acks", -1).set("timeout_ms", 30_000);
        Struct topic = req.addElement("topic_data").set("name", "events");
        ByteBuffer batch = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5});
        topic.addElement("partition_data").set("index", 3).set("records", new MemoryRecordsData(batch));

        ByteBuffer wire = MessageCodec.toBuffer(spec, (short) 9, req);
        Struct back = MessageCodec.read(spec, (short) 9, wire);
        assertFalse(wire.hasRemaining());
        assertNull(back.getString("transactional_id"));
        assertEquals(-1, back.getShort("acks"));
        Struct p = back.getStructArray("topic_data").get(0).getStructArray("partition_data").get(0);
        assertEquals(3, p.getInt("index"));
        ByteBuffer records = p.getBytes("records");
        assertFalse(records.isReadOnly(), "records are a writable view, so the broker can assign offsets in place");
        assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}), records);
        assertEquals(5, batch.remaining(), "writing does not consume the caller's buffer");
    }

    @Test
    void bytesReadAreASliceOfTheInputNotACopy() {
        MessageSpec spec = ApiKeys.SYNC_GROUP.responseSpec();
        Struct s = spec.newStruct().set("assignment", new byte[] {7, 7, 7});
        ByteBuffer wire = MessageCodec.toBuffer(spec, (short) 0, s);
        Struct back = MessageCodec.read(spec, (short) 0, wire);
        ByteBuffer assignment = back.getBytes("assignment");
        wire.put(wire.limit() - 1, (byte) 9);
        assertEquals(9, assignment.get(2), "the slice sees changes to the input buffer");
    }

    @Test
    void unknownFieldNamesAndWrongValueKindsAreRejected() {
        Struct s = ApiKeys.METADATA.requestSpec().newStruct();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.set("topicz", List.of()));
        assertTrue(e.getMessage().contains("topicz"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.get("nope"));
        assertThrows(IllegalArgumentException.class, () -> s.set("allow_auto_topic_creation", 1));
        assertThrows(IllegalArgumentException.class, () -> s.set("allow_auto_topic_creation", null));
        assertThrows(IllegalArgumentException.class, () -> s.addElement("allow_auto_topic_creation"));
        Struct resp = ApiKeys.METADATA.responseSpec().newStruct();
        Struct partition = resp.addElement("topics").addElement("partitions");
        assertThrows(IllegalArgumentException.class, () -> partition.set("error_code", 70_000), "out of INT16 range");
        assertThrows(IllegalArgumentException.class, () -> resp.set("brokers", List.of(partition)), "wrong element spec");
    }

    @Test
    void defaultsNumbersAndNestedStructs() {
        Struct fetch = ApiKeys.FETCH.requestSpec().newStruct();
        assertEquals(-1, fetch.getInt("replica_id"));
        assertEquals(Integer.MAX_VALUE, fetch.getInt("max_bytes"));
        assertEquals(-1, fetch.getStruct("replica_state").getLong("replica_epoch"));
        assertTrue(fetch.getStructArray("topics").isEmpty());
        fetch.set("isolation_level", 1);
        assertEquals(Byte.valueOf((byte) 1), fetch.get("isolation_level"), "numbers are stored as the field's type");
        Struct topic = fetch.newElement("topics").set("topic_id", new Uuid(1, 2));
        assertTrue(fetch.getStructArray("topics").isEmpty(), "newElement does not append");
        fetch.set("topics", List.of(topic));
        assertEquals(new Uuid(1, 2), fetch.getStructArray("topics").get(0).getUuid("topic_id"));
    }

    @Test
    void taggedFieldsAreWrittenOnlyWhenNotDefault() {
        MessageSpec spec = ApiKeys.FETCH.responseSpec();
        Struct resp = spec.newStruct();
        Struct p = resp.addElement("responses").addElement("partitions");
        int plain = MessageCodec.size(spec, (short) 12, resp);
        p.getStruct("current_leader").set("leader_id", 4).set("leader_epoch", 9);
        int withLeader = MessageCodec.size(spec, (short) 12, resp);
        assertEquals(plain + 1 + 1 + 8 + 1, withLeader, "tag, size, two int32s, the struct's own empty tag section");
        Struct back = MessageCodec.read(spec, (short) 12, MessageCodec.toBuffer(spec, (short) 12, resp));
        Struct leader = back.getStructArray("responses").get(0).getStructArray("partitions").get(0).getStruct("current_leader");
        assertEquals(4, leader.getInt("leader_id"));
        assertEquals(9, leader.getInt("leader_epoch"));
    }

    @Test
    void fieldsAVersionLacksAreSkippedWhenWriting() {
        MessageSpec spec = ApiKeys.METADATA.requestSpec();
        Struct s = spec.newStruct().set("allow_auto_topic_creation", false);
        assertEquals(4, MessageCodec.size(spec, (short) 3, s), "v3 has only the topics array");
        assertThrows(IllegalArgumentException.class, () -> MessageCodec.toBuffer(spec, (short) 0, s.set("topics", null)),
            "topics cannot be null in v0");
    }

    @Test
    void fileRecordsAreCopiedByTheByteBufferSink(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("segment.log");
        Files.write(file, new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        MessageSpec spec = ApiKeys.FETCH.responseSpec();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Struct resp = spec.newStruct();
            resp.addElement("responses").set("topic_id", new Uuid(3, 4))
                .addElement("partitions").set("records", new FileRecordsData(channel, 2, 6));
            Struct back = MessageCodec.read(spec, (short) 13, MessageCodec.toBuffer(spec, (short) 13, resp));
            ByteBuffer records = back.getStructArray("responses").get(0).getStructArray("partitions").get(0).getBytes("records");
            assertEquals(ByteBuffer.wrap(new byte[] {2, 3, 4, 5, 6, 7}), records);
        }
    }

    @Test
    void describeListsFieldsWithVersionsAndDocs() {
        String text = ApiKeys.PRODUCE.requestSpec().describe();
        assertTrue(text.startsWith("ProduceRequest (api key 0, versions 0-11, flexible from v9)"), text);
        assertTrue(text.contains("transactional_id: STRING v3-11 nullable v3-11 default null"), text);
        assertTrue(text.contains("      records: RECORDS"), text);
        String fetch = ApiKeys.FETCH.responseSpec().describe();
        assertTrue(fetch.contains("current_leader: LeaderIdAndEpoch v12-17 tag 1"), fetch);
    }

    @Test
    void everyFieldHasADoc() {
        for (ApiKeys api : ApiKeys.values()) {
            for (MessageSpec spec : List.of(api.requestSpec(), api.responseSpec())) {
                assertFalse(spec.describe().contains(": \n"), spec.name());
                checkDocs(spec.root());
            }
        }
    }

    private static void checkDocs(StructSpec spec) {
        for (FieldSpec f : spec.fields()) {
            assertTrue(f.doc() != null && !f.doc().isBlank(), spec.name() + "." + f.name() + " has no doc");
            if (f.struct() != null) {
                checkDocs(f.struct());
            }
        }
    }
}
