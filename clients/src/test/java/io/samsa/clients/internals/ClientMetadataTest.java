package io.samsa.clients.internals;

import io.samsa.common.MockTime;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.common.config.ConfigException;
import io.samsa.protocol.message.MetadataResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientMetadataTest {

    private final MockTime time = new MockTime();

    private static MetadataResponse answer(int leader, int leaderEpoch) {
        MetadataResponse r = new MetadataResponse().setClusterId("c").setControllerId(1);
        r.brokers().add(new MetadataResponse.MetadataResponseBroker().setNodeId(1).setHost("h1").setPort(1));
        r.brokers().add(new MetadataResponse.MetadataResponseBroker().setNodeId(2).setHost("h2").setPort(2));
        MetadataResponse.MetadataResponseTopic t = new MetadataResponse.MetadataResponseTopic().setName("t");
        t.partitions().add(new MetadataResponse.MetadataResponsePartition().setPartitionIndex(0).setLeaderId(leader)
                .setLeaderEpoch(leaderEpoch).setReplicaNodes(List.of(1, 2)).setIsrNodes(List.of(1, 2)));
        r.topics().add(t);
        return r;
    }

    @Test
    void anAnswerWithAnOlderLeaderEpochDoesNotReplaceANewerView() {
        ClientMetadata m = new ClientMetadata(List.of(new Node(-1, "h", 1)), 300_000, 100, time);
        m.addTopics(List.of("t"));
        m.update(answer(2, 5), false, time.milliseconds());
        assertEquals(2, m.cluster().leaderFor(new TopicPartition("t", 0)).id());
        m.update(answer(1, 4), false, time.milliseconds());
        assertEquals(2, m.cluster().leaderFor(new TopicPartition("t", 0)).id(), "epoch 4 is older than 5");
        assertEquals(0, m.timeToNextUpdateMs(time.milliseconds() + 100), "and another refresh is asked for");
        m.update(answer(1, 6), false, time.milliseconds());
        assertEquals(1, m.cluster().leaderFor(new TopicPartition("t", 0)).id());
        assertEquals(1, m.cluster().controller().id());
    }

    @Test
    void refreshesWhenAskedAfterTheBackoffAndOtherwiseByAge() {
        ClientMetadata m = new ClientMetadata(List.of(new Node(-1, "h", 1)), 1000, 100, time);
        assertEquals(0, m.timeToNextUpdateMs(time.milliseconds()), "the first refresh is due at once");
        m.update(answer(1, 0), false, time.milliseconds());
        assertEquals(1000, m.timeToNextUpdateMs(time.milliseconds()));
        m.requestUpdate();
        assertEquals(100, m.timeToNextUpdateMs(time.milliseconds()), "asked for, but within the back-off");
        time.advance(100);
        assertEquals(0, m.timeToNextUpdateMs(time.milliseconds()));
    }

    @Test
    void bootstrapServersParseAndRefuseNonsense() {
        List<Node> nodes = BootstrapServers.parse(List.of("a:1", " [::1]:9092 "), "bootstrap.servers");
        assertEquals(List.of(new Node(-1, "a", 1), new Node(-2, "::1", 9092)), nodes);
        ConfigException e = assertThrows(ConfigException.class, () -> BootstrapServers.parse(List.of("nohost"), "bootstrap.servers"));
        assertTrue(e.getMessage().contains("bootstrap.servers"));
        assertThrows(ConfigException.class, () -> BootstrapServers.parse(List.of("h:99999"), "bootstrap.servers"));
    }

    @Test
    void backoffGrowsToItsCapWithJitter() {
        ExponentialBackoff b = new ExponentialBackoff(50, 1000);
        assertEquals(0, b.backoffMs(0));
        long first = b.backoffMs(1);
        assertTrue(first >= 40 && first <= 60, "50 ms ±20%: " + first);
        long capped = b.backoffMs(20);
        assertTrue(capped >= 800 && capped <= 1200, "capped at 1 s ±20%: " + capped);
    }
}
