package io.samsa.tools.reassign;

import io.samsa.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SizeBalancerTest {

    private static final List<SizeBalancer.Broker> THREE = List.of(broker(0), broker(1), broker(2));

    @Test
    void bytesAreEvenWhereRoundRobinWouldNotBe() {
        // Round-robin in partition order would give broker 0 100+30, broker 1 90+20, broker 2 80+10.
        long[] sizes = {100, 90, 80, 30, 20, 10};
        List<SizeBalancer.Partition> partitions = new ArrayList<>();
        Map<TopicPartition, Long> bySize = new HashMap<>();
        for (int p = 0; p < sizes.length; p++) {
            partitions.add(new SizeBalancer.Partition(tp("t", p), List.of(p % 3), sizes[p]));
            bySize.put(tp("t", p), sizes[p]);
        }
        Map<TopicPartition, List<Integer>> proposal = SizeBalancer.assign(partitions, THREE, true);
        for (SizeBalancer.Load l : SizeBalancer.loads(proposal, bySize, List.of(0, 1, 2))) {
            assertEquals(110, l.bytes(), l.toString());
            assertEquals(2, l.leaders(), l.toString());
        }
    }

    @Test
    void everyBrokersTotalIsWithinOnePartitionOfTheOthersAndLeadersSpreadEvenly() {
        Random random = new Random(42);
        List<SizeBalancer.Partition> partitions = new ArrayList<>();
        Map<TopicPartition, Long> sizes = new HashMap<>();
        long largest = 0;
        for (int p = 0; p < 60; p++) {
            long size = (long) (random.nextDouble() * random.nextDouble() * 1_000_000_000L);
            largest = Math.max(largest, size);
            partitions.add(new SizeBalancer.Partition(tp("big", p), List.of(0, 1), size));
            sizes.put(tp("big", p), size);
        }
        List<SizeBalancer.Broker> five = List.of(broker(0), broker(1), broker(2), broker(3), broker(4));
        Map<TopicPartition, List<Integer>> proposal = SizeBalancer.assign(partitions, five, true);
        List<SizeBalancer.Load> loads = SizeBalancer.loads(proposal, sizes, List.of(0, 1, 2, 3, 4));
        long min = loads.stream().mapToLong(SizeBalancer.Load::bytes).min().orElseThrow();
        long max = loads.stream().mapToLong(SizeBalancer.Load::bytes).max().orElseThrow();
        assertTrue(max - min <= largest, loads + " differ by more than the largest partition, " + largest);
        int minLeaders = loads.stream().mapToInt(SizeBalancer.Load::leaders).min().orElseThrow();
        int maxLeaders = loads.stream().mapToInt(SizeBalancer.Load::leaders).max().orElseThrow();
        assertTrue(maxLeaders - minLeaders <= 1, loads.toString());
        proposal.values().forEach(r -> assertEquals(2, new HashSet<>(r).size(), "two distinct replicas: " + r));
        assertEquals(proposal, SizeBalancer.assign(partitions, five, true), "deterministic");
    }

    @Test
    void emptyPartitionsSpreadByCountAndLeadership() {
        List<SizeBalancer.Partition> partitions = new ArrayList<>();
        for (int p = 0; p < 6; p++) {
            partitions.add(new SizeBalancer.Partition(tp("e", p), List.of(0, 1, 2), 0));
        }
        Map<TopicPartition, List<Integer>> proposal = SizeBalancer.assign(partitions, THREE, true);
        for (SizeBalancer.Load l : SizeBalancer.loads(proposal, Map.of(), List.of(0, 1, 2))) {
            assertEquals(6, l.replicas(), l.toString());
            assertEquals(2, l.leaders(), l.toString());
        }
    }

    @Test
    void aBalancedAssignmentStaysWhereItIs() {
        List<SizeBalancer.Partition> partitions = List.of(
                new SizeBalancer.Partition(tp("s", 0), List.of(2, 0), 50),
                new SizeBalancer.Partition(tp("s", 1), List.of(0, 1), 50),
                new SizeBalancer.Partition(tp("s", 2), List.of(1, 2), 50));
        Map<TopicPartition, List<Integer>> proposal = SizeBalancer.assign(partitions, THREE, true);
        assertEquals(List.of(2, 0), proposal.get(tp("s", 0)));
        assertEquals(List.of(0, 1), proposal.get(tp("s", 1)));
        assertEquals(List.of(1, 2), proposal.get(tp("s", 2)));
    }

    @Test
    void replicasOfAPartitionSpreadOverRacks() {
        List<SizeBalancer.Broker> racked = List.of(new SizeBalancer.Broker(0, "a"), new SizeBalancer.Broker(1, "a"),
                new SizeBalancer.Broker(2, "b"), new SizeBalancer.Broker(3, "b"));
        Map<Integer, String> rackOf = Map.of(0, "a", 1, "a", 2, "b", 3, "b");
        List<SizeBalancer.Partition> partitions = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            partitions.add(new SizeBalancer.Partition(tp("r", p), List.of(0, 1), 1000 - p));
        }
        Map<TopicPartition, List<Integer>> proposal = SizeBalancer.assign(partitions, racked, true);
        for (List<Integer> replicas : proposal.values()) {
            Set<String> racks = new HashSet<>();
            replicas.forEach(r -> racks.add(rackOf.get(r)));
            assertEquals(2, racks.size(), "one replica per rack: " + replicas);
        }
        assertEquals("brokers [2] have no rack while others have one; --disable-rack-aware places replicas without racks",
                assertThrows(IllegalArgumentException.class, () -> SizeBalancer.checkRacks(List.of(
                        new SizeBalancer.Broker(0, "a"), new SizeBalancer.Broker(1, "b"), broker(2)))).getMessage());
    }

    @Test
    void moreReplicasThanBrokersCannotBePlaced() {
        assertEquals("t-0 has 3 replicas but there are only 2 brokers to place them on",
                assertThrows(IllegalArgumentException.class, () -> SizeBalancer.assign(List.of(
                        new SizeBalancer.Partition(tp("t", 0), List.of(0, 1, 2), 1)), List.of(broker(0), broker(1)), true))
                        .getMessage());
    }

    private static SizeBalancer.Broker broker(int id) {
        return new SizeBalancer.Broker(id, null);
    }

    private static TopicPartition tp(String topic, int p) {
        return new TopicPartition(topic, p);
    }
}
