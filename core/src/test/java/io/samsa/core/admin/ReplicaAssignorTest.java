package io.samsa.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.common.Errors;
import io.samsa.zk.BrokerInfo;
import io.samsa.zk.EndPoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplicaAssignorTest {

    private static List<BrokerInfo> brokers(int... ids) {
        List<BrokerInfo> result = new ArrayList<>();
        for (int id : ids) {
            result.add(BrokerInfo.forRegistration(id, List.of(EndPoint.plaintext("h", 9000 + id)), null, 0L));
        }
        return result;
    }

    @Test
    void followsKafkasRoundRobinWithShiftedFollowers() {
        // Kafka's own reference case: 5 brokers, 10 partitions, RF 3, start index 0.
        Map<Integer, List<Integer>> expected = Map.of(
                0, List.of(0, 1, 2), 1, List.of(1, 2, 3), 2, List.of(2, 3, 4), 3, List.of(3, 4, 0), 4, List.of(4, 0, 1),
                5, List.of(0, 2, 3), 6, List.of(1, 3, 4), 7, List.of(2, 4, 0), 8, List.of(3, 0, 1), 9, List.of(4, 1, 2));
        Map<Integer, List<Integer>> actual = new ReplicaAssignor(new Random(1)).assign(brokers(4, 2, 0, 3, 1), 10, 3, 0, 0);
        assertEquals(expected, actual);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), new ArrayList<>(actual.keySet()), "partitions in order");
    }

    @Test
    void spreadsLeadersAndReplicasEvenlyFromARandomStart() {
        ReplicaAssignor assignor = new ReplicaAssignor(new Random(7));
        for (int trial = 0; trial < 20; trial++) {
            Map<Integer, List<Integer>> a = assignor.assign(brokers(1, 2, 3, 4), 8, 2);
            Map<Integer, Integer> leaders = new HashMap<>();
            Map<Integer, Integer> replicas = new HashMap<>();
            for (List<Integer> r : a.values()) {
                assertEquals(2, new HashSet<>(r).size(), "no broker twice in " + r);
                leaders.merge(r.get(0), 1, Integer::sum);
                r.forEach(b -> replicas.merge(b, 1, Integer::sum));
            }
            assertEquals(Map.of(1, 2, 2, 2, 3, 2, 4, 2), leaders);
            assertEquals(Map.of(1, 4, 2, 4, 3, 4, 4, 4), replicas);
        }
    }

    @Test
    void addedPartitionsContinueNumberingFromTheStartPartition() {
        Map<Integer, List<Integer>> a = new ReplicaAssignor(new Random(1)).assign(brokers(1, 2, 3), 2, 2, 1, 3);
        assertEquals(List.of(3, 4), new ArrayList<>(a.keySet()));
        a.values().forEach(r -> assertTrue(r.size() == 2 && !r.get(0).equals(r.get(1))));
    }

    @Test
    void validatesCounts() {
        ReplicaAssignor assignor = new ReplicaAssignor(new Random(1));
        assertEquals(Errors.INVALID_PARTITIONS,
                assertThrows(AdminException.class, () -> assignor.assign(brokers(1), 0, 1)).error());
        assertEquals(Errors.INVALID_REPLICATION_FACTOR,
                assertThrows(AdminException.class, () -> assignor.assign(brokers(1), 1, 0)).error());
        AdminException tooMany = assertThrows(AdminException.class, () -> assignor.assign(brokers(1, 2), 3, 3));
        assertEquals(Errors.INVALID_REPLICATION_FACTOR, tooMany.error());
        assertEquals("Replication factor: 3 larger than available brokers: 2.", tooMany.getMessage());
        assertEquals(Map.of(0, List.of(5)), assignor.assign(brokers(5), 1, 1));
    }

    private static List<BrokerInfo> brokersWithRacks(Map<Integer, String> racks) {
        List<BrokerInfo> result = new ArrayList<>();
        racks.forEach((id, rack) -> result.add(BrokerInfo.forRegistration(id, List.of(EndPoint.plaintext("h", 9000 + id)), rack, 0L)));
        return result;
    }

    @Test
    void rackAwarePlacementIsKafkasForEveryShapeOfCluster() {
        Random shapes = new Random(11);
        for (int trial = 0; trial < 300; trial++) {
            int brokerCount = 1 + shapes.nextInt(9);
            int rackCount = 1 + shapes.nextInt(brokerCount);
            Map<Integer, String> racks = new java.util.TreeMap<>();
            List<org.apache.kafka.admin.BrokerMetadata> kafkaBrokers = new ArrayList<>();
            for (int id = 0; id < brokerCount; id++) {
                String rack = "rack-" + shapes.nextInt(rackCount);
                racks.put(id * 3 + 1, rack);
                kafkaBrokers.add(new org.apache.kafka.admin.BrokerMetadata(id * 3 + 1, java.util.Optional.of(rack)));
            }
            int partitions = 1 + shapes.nextInt(20);
            int rf = 1 + shapes.nextInt(brokerCount);
            int start = shapes.nextInt(brokerCount);
            int firstPartition = shapes.nextInt(5);
            Map<Integer, List<Integer>> expected = org.apache.kafka.admin.AdminUtils.assignReplicasToBrokers(kafkaBrokers, partitions, rf,
                    start, firstPartition);
            assertEquals(expected, new ReplicaAssignor(new Random(1)).assign(brokersWithRacks(racks), partitions, rf, start, firstPartition),
                    racks + " partitions=" + partitions + " rf=" + rf + " start=" + start + " from=" + firstPartition);
        }
    }

    @Test
    void replicasOfAPartitionSpanAsManyRacksAsTheyCan() {
        Map<Integer, String> racks = Map.of(1, "a", 2, "a", 3, "b", 4, "b", 5, "c", 6, "c");
        for (List<Integer> replicas : ReplicaAssignor.create().assign(brokersWithRacks(racks), 12, 3).values()) {
            assertEquals(3, replicas.stream().map(racks::get).distinct().count(), "racks of " + replicas);
        }
        Map<Integer, String> partial = new HashMap<>(racks);
        partial.put(7, null);
        AdminException incomplete = assertThrows(AdminException.class,
                () -> ReplicaAssignor.create().assign(brokersWithRacks(partial), 1, 1));
        assertEquals("Not all brokers have rack information for replica rack aware assignment.", incomplete.getMessage());
    }
}
