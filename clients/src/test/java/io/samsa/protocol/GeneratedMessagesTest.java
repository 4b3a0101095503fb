package io.samsa.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.samsa.generator.MessageGenerator;
import io.samsa.protocol.message.FetchRequest;
import io.samsa.protocol.message.JoinGroupRequest;
import io.samsa.protocol.message.JoinGroupResponse;
import io.samsa.protocol.message.ProduceRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated message classes: they are exactly what the generator makes of the schemas today,
 * and they follow Kafka's rules for values a version cannot carry.
 */
class GeneratedMessagesTest {

    @Test
    void committedClassesAreWhatTheSchemasGenerate() throws IOException {
        Path dir = MessageGenerator.packageDir(Path.of("src/main/java"));
        Map<String, String> expected = MessageGenerator.generateAll();
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = dir.resolve(e.getKey());
            if (!Files.exists(file) || !Files.readString(file, StandardCharsets.UTF_8).equals(e.getValue())) {
                stale.add(e.getKey());
            }
        }
        try (var files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(name -> !expected.containsKey(name)).forEach(stale::add);
        }
        if (!stale.isEmpty()) {
            fail("Generated message classes differ from their schemas (io.samsa.generator.messages): " + stale
                + ". Run bin/samsa-generate-messages.sh and commit the result; never edit them by hand.");
        }
    }

    @Test
    void aNonIgnorableFieldSetAtAVersionThatLacksItFailsToSerialize() {
        JoinGroupRequest join = new JoinGroupRequest().setGroupId("g").setGroupInstanceId("instance-1");
        UnsupportedVersionException e = assertThrows(UnsupportedVersionException.class, () -> MessageCodec.toBuffer(join, (short) 4));
        assertTrue(e.getMessage().contains("JoinGroupRequest.group_instance_id"), e.getMessage());
        assertThrows(UnsupportedVersionException.class, () -> join.size((short) 4));
        // From v5 on the field exists; without a value it may be written at any version.
        assertEquals("instance-1", ((JoinGroupRequest) ApiKeys.JOIN_GROUP.parseRequest(MessageCodec.toBuffer(join, (short) 5), (short) 5))
            .groupInstanceId());
        MessageCodec.toBuffer(join.setGroupInstanceId(null), (short) 4);

        // The same rule inside an array element.
        FetchRequest fetch = new FetchRequest();
        FetchRequest.FetchTopic topic = new FetchRequest.FetchTopic().setTopic("t");
        topic.partitions().add(new FetchRequest.FetchPartition().setLastFetchedEpoch(3));
        fetch.topics().add(topic);
        e = assertThrows(UnsupportedVersionException.class, () -> MessageCodec.toBuffer(fetch, (short) 11));
        assertTrue(e.getMessage().contains("last_fetched_epoch"), e.getMessage());
        MessageCodec.toBuffer(fetch, (short) 12);
    }

    @Test
    void anIgnorableFieldIsDroppedAtAVersionThatLacksIt() {
        JoinGroupResponse response = new JoinGroupResponse().setThrottleTimeMs(100).setMemberId("m");
        JoinGroupResponse read = (JoinGroupResponse) ApiKeys.JOIN_GROUP.parseResponse(MessageCodec.toBuffer(response, (short) 0), (short) 0);
        assertEquals(0, read.throttleTimeMs());
        assertEquals("m", read.memberId());
        assertEquals(MessageCodec.toBuffer(response.setThrottleTimeMs(0), (short) 0), MessageCodec.toBuffer(read, (short) 0));
    }

    @Test
    void nullIsWrittenOnlyWhereTheVersionCanEncodeIt() {
        JoinGroupResponse response = new JoinGroupResponse().setProtocolName(null);
        UnsupportedVersionException e = assertThrows(UnsupportedVersionException.class, () -> MessageCodec.toBuffer(response, (short) 6));
        assertTrue(e.getMessage().contains("protocol_name"), e.getMessage());
        assertNull(((JoinGroupResponse) ApiKeys.JOIN_GROUP.parseResponse(MessageCodec.toBuffer(response, (short) 7), (short) 7)).protocolName());
        assertThrows(UnsupportedVersionException.class, () -> MessageCodec.toBuffer(new JoinGroupRequest().setGroupId(null), (short) 9));
    }

    @Test
    void aVersionTheMessageDoesNotHaveIsRefusedBothWays() {
        assertThrows(UnsupportedVersionException.class, () -> MessageCodec.toBuffer(new ProduceRequest(), (short) 12));
        assertThrows(UnsupportedVersionException.class, () -> MessageCodec.toBuffer(new ProduceRequest(), (short) -1));
    }

    @Test
    void newMessagesStartAtTheSchemaDefaults() {
        FetchRequest fetch = new FetchRequest();
        assertEquals(-1, fetch.replicaId());
        assertEquals(Integer.MAX_VALUE, fetch.maxBytes());
        assertEquals(-1, fetch.sessionEpoch());
        assertTrue(fetch.topics().isEmpty());
        assertNull(fetch.clusterId());
        assertTrue(fetch.replicaState().hasOnlyDefaults());
        assertEquals(-1, new FetchRequest.FetchPartition().currentLeaderEpoch());
    }
}
