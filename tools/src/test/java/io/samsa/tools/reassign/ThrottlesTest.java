package io.samsa.tools.reassign;

import io.samsa.clients.admin.PartitionReassignment;
import io.samsa.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ThrottlesTest {

    @Test
    void leadersAreThrottledWhereDataComesFromAndFollowersWhereItGoes() {
        Map<String, Map<Integer, Throttles.Move>> moves = Throttles.moves(Map.of(),
                Map.of(new TopicPartition("foo", 0), List.of(2, 3), new TopicPartition("foo", 1), List.of(1, 2),
                        new TopicPartition("bar", 0), List.of(1)),
                Map.of(new TopicPartition("foo", 0), List.of(1, 2), new TopicPartition("foo", 1), List.of(1, 2),
                        new TopicPartition("bar", 0), List.of(3)));
        assertEquals(Map.of("foo", "0:1,0:2,1:1,1:2", "bar", "0:3"), Throttles.leaderReplicas(moves));
        assertEquals(Map.of("foo", "0:3", "bar", "0:1"), Throttles.followerReplicas(moves));
        assertEquals(Set.of(1, 2, 3), Throttles.brokers(moves));
    }

    @Test
    void aMoveInProgressKeepsItsOriginalSources() {
        // foo-0 is moving from [1,2] to [2,3]: replicas [2,3,1], adding [3], removing [1]; now it is sent to [3,4].
        Map<String, Map<Integer, Throttles.Move>> moves = Throttles.moves(
                Map.of(new TopicPartition("foo", 0), new PartitionReassignment(List.of(2, 3, 1), List.of(3), List.of(1))),
                Map.of(new TopicPartition("foo", 0), List.of(3, 4)), Map.of(new TopicPartition("foo", 0), List.of(2, 3, 1)));
        assertEquals(Map.of("foo", "0:1,0:2"), Throttles.leaderReplicas(moves));
        assertEquals(Map.of("foo", "0:3,0:4"), Throttles.followerReplicas(moves));
    }
}
