package io.samsa.tools.cli;

import io.samsa.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KnownTopicsTest {

    @Test
    void aMissingTopicOrPartitionIsNamed() {
        assertEquals("Topic 'ordres' does not exist; did you mean 'orders'?",
                fails(() -> KnownTopics.requireAll(List.of("orders", "ordres"), List.of("orders", "audit"))));
        KnownTopics topics = new KnownTopics(Map.of("orders", 3));
        assertEquals(List.of(new TopicPartition("orders", 0), new TopicPartition("orders", 1), new TopicPartition("orders", 2)),
                topics.partitionsOf("orders"));
        topics.requirePartition(new TopicPartition("orders", 2));
        assertEquals("Topic 'orders' has no partition 3 (it has 3)",
                fails(() -> topics.requirePartition(new TopicPartition("orders", 3))));
    }

    private static String fails(Runnable r) {
        return assertThrows(ToolFailure.class, r::run).getMessage();
    }
}
