package io.samsa.clients.producer.internals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.clients.producer.RecordMetadata;
import io.samsa.clients.producer.internals.BuiltInPartitioner.StickyPartition;
import io.samsa.common.Cluster;
import io.samsa.common.Node;
import io.samsa.common.PartitionInfo;
import io.samsa.common.utils.Murmur2;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.common.utils.LogContext;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Keyed records against Kafka 3.9.1's own hash (kafka-clients, test scope); keyless records
 * against the sticky rules of KIP-794.
 */
class BuiltInPartitionerTest {

    private static final String TOPIC = "topic";
    private static final Node NODE = new Node(0, "localhost", 9092);
    private final Random random = new Random(794);

    @Test
    void keyedPartitionsEqualKafkas() {
        int[] counts = {1, 2, 3, 7, 12, 100, 1000};
        for (int i = 0; i < 5000; i++) {
            byte[] key = new byte[random.nextInt(65)];
            random.nextBytes(key);
            int hash = Murmur2.hash(key);
            assertEquals(Utils.murmur2(key), hash);
            assertEquals(Utils.toPositive(hash), Murmur2.toPositive(hash));
            for (int n : counts) {
                int expected = org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(key, n);
                assertEquals(expected, BuiltInPartitioner.partitionForKey(key, n));
                assertEquals(expected, BuiltInPartitioner.partitionFor(key, false, n));
            }
        }
    }

    @Test
    void toPositiveClearsOnlyTheSignBit() {
        for (int v : new int[] {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, -123456}) {
            assertEquals(Utils.toPositive(v), Murmur2.toPositive(v));
        }
    }

    @Test
    void keylessOrIgnoredKeysAreLeftToTheStickyChoice() {
        assertEquals(RecordMetadata.UNKNOWN_PARTITION, BuiltInPartitioner.partitionFor(null, false, 5));
        assertEquals(RecordMetadata.UNKNOWN_PARTITION, BuiltInPartitioner.partitionFor(new byte[] {1}, true, 5));
    }

    @Test
    void sticksUntilBatchSizeBytesWereAppended() {
        Cluster cluster = cluster(8, Set.of());
        BuiltInPartitioner partitioner = new BuiltInPartitioner(TOPIC, 1000, true, random::nextInt);
        for (int round = 0; round < 50; round++) {
            StickyPartition first = partitioner.current(cluster);
            for (int appended = 100; appended < 1000; appended += 100) {
                partitioner.appended(first, 100, cluster, true);
                assertSame(first, partitioner.current(cluster), appended + " bytes");
            }
            partitioner.appended(first, 100, cluster, true);
            StickyPartition next = partitioner.current(cluster);
            assertNotSame(first, next);
            assertTrue(!partitioner.isCurrent(first) && partitioner.isCurrent(next));
            assertEquals(1000, first.producedBytes());
        }
    }

    @Test
    void withoutSwitchPermissionSticksUpToTwiceBatchSize() {
        Cluster cluster = cluster(8, Set.of());
        BuiltInPartitioner partitioner = new BuiltInPartitioner(TOPIC, 1000, true, random::nextInt);
        StickyPartition first = partitioner.current(cluster);
        partitioner.appended(first, 1500, cluster, false);
        assertSame(first, partitioner.current(cluster));
        partitioner.appended(first, 499, cluster, false);
        assertSame(first, partitioner.current(cluster));
        partitioner.appended(first, 1, cluster, false);
        assertNotSame(first, partitioner.current(cluster));
    }

    @Test
    void appendsToAPartitionThatIsNoLongerStickyAreIgnored() {
        Cluster cluster = cluster(4, Set.of());
        BuiltInPartitioner partitioner = new BuiltInPartitioner(TOPIC, 10, true, random::nextInt);
        StickyPartition first = partitioner.current(cluster);
        partitioner.appended(first, 10, cluster, true);
        StickyPartition second = partitioner.current(cluster);
        partitioner.appended(first, 10, cluster, true);
        assertSame(second, partitioner.current(cluster));
        partitioner.appended(null, 10, cluster, true);
        assertSame(second, partitioner.current(cluster));
    }

    @Test
    void spreadsEvenlyOverManySwitches() {
        int partitions = 12;
        Cluster cluster = cluster(partitions, Set.of());
        BuiltInPartitioner partitioner = new BuiltInPartitioner(TOPIC, 16384, true, random::nextInt);
        int[] chosen = new int[partitions];
        int switches = 120_000;
        for (int i = 0; i < switches; i++) {
            StickyPartition p = partitioner.current(cluster);
            chosen[p.partition()]++;
            partitioner.appended(p, 16384, cluster, true);
        }
        double expected = (double) switches / partitions;
        for (int count : chosen) {
            assertTrue(Math.abs(count - expected) < expected * 0.05, () -> java.util.Arrays.toString(chosen));
        }
    }

    @Test
    void choosesOnlyPartitionsWithALeader() {
        Cluster cluster = cluster(6, Set.of(1, 4));
        BuiltInPartitioner partitioner = new BuiltInPartitioner(TOPIC, 1, true, random::nextInt);
        int[] chosen = new int[6];
        for (int i = 0; i < 10_000; i++) {
            StickyPartition p = partitioner.current(cluster);
            chosen[p.partition()]++;
            partitioner.appended(p, 1, cluster, true);
        }
        assertEquals(0, chosen[1]);
        assertEquals(0, chosen[4]);
        for (int p : new int[] {0, 2, 3, 5}) {
            assertTrue(chosen[p] > 2000, () -> java.util.Arrays.toString(chosen));
        }
    }

    @Test
    void withNoLeaderAnywhereAnyPartitionWillDo() {
        Cluster cluster = cluster(3, Set.of(0, 1, 2));
        BuiltInPartitioner partitioner = new BuiltInPartitioner(TOPIC, 1, true, random::nextInt);
        int p = partitioner.current(cluster).partition();
        assertTrue(p >= 0 && p < 3);
    }

    @Test
    void unknownTopicIsRefused() {
        BuiltInPartitioner partitioner = new BuiltInPartitioner("other", 1, true, random::nextInt);
        assertThrows(IllegalArgumentException.class, () -> partitioner.current(cluster(3, Set.of())));
        assertThrows(IllegalArgumentException.class, () -> new BuiltInPartitioner(TOPIC, 0, true));
    }

    @Test
    void adaptiveChoiceFavoursShortQueues() {
        Cluster cluster = cluster(4, Set.of());
        BuiltInPartitioner partitioner = new BuiltInPartitioner(TOPIC, 1, true, random::nextInt);
        // Partition 3 is left out (a slow leader); weights of 0, 1, 2: 4 - 0, 4 - 3, 4 - 1 = 4, 1, 3.
        partitioner.updateLoad(new int[] {0, 1, 2, 3}, new int[] {0, 3, 1, 9}, 3);
        int[] chosen = new int[4];
        int draws = 80_000;
        for (int i = 0; i < draws; i++) {
            StickyPartition p = partitioner.current(cluster);
            chosen[p.partition()]++;
            partitioner.appended(p, 1, cluster, true);
        }
        assertEquals(0, chosen[3]);
        assertNear(draws * 4 / 8, chosen[0]);
        assertNear(draws / 8, chosen[1]);
        assertNear(draws * 3 / 8, chosen[2]);

        partitioner.clearLoad();
        chosen = new int[4];
        for (int i = 0; i < draws; i++) {
            StickyPartition p = partitioner.current(cluster);
            chosen[p.partition()]++;
            partitioner.appended(p, 1, cluster, true);
        }
        assertNear(draws / 4, chosen[3]);
    }

    @Test
    void loadIsIgnoredWhenAdaptivePartitioningIsOff() {
        Cluster cluster = cluster(2, Set.of());
        BuiltInPartitioner partitioner = new BuiltInPartitioner(TOPIC, 1, false, random::nextInt);
        partitioner.updateLoad(new int[] {0, 1}, new int[] {0, 100}, 1);
        int[] chosen = new int[2];
        for (int i = 0; i < 10_000; i++) {
            StickyPartition p = partitioner.current(cluster);
            chosen[p.partition()]++;
            partitioner.appended(p, 1, cluster, true);
        }
        assertNear(5000, chosen[1]);
    }

    /** The total weight equals the end of Kafka's cumulative frequency table for the same queues. */
    @Test
    void loadWeightsMatchKafkas() {
        for (int i = 0; i < 2000; i++) {
            int n = 1 + random.nextInt(12);
            int[] ids = new int[n];
            int[] queues = new int[n];
            for (int j = 0; j < n; j++) {
                ids[j] = j;
                queues[j] = random.nextInt(4) == 0 ? 0 : random.nextInt(6);
            }
            int available = random.nextInt(n + 1);
            var kafka = new org.apache.kafka.clients.producer.internals.BuiltInPartitioner(new LogContext(), TOPIC, 1);
            kafka.updatePartitionLoadStats(queues.clone(), ids.clone(), available);
            QueueLoad samsa = QueueLoad.of(ids, queues, available);
            boolean kafkaHasStats;
            int kafkaEnd = 0;
            try {
                kafkaEnd = kafka.loadStatsRangeEnd();
                kafkaHasStats = true;
            } catch (AssertionError | NullPointerException e) {
                kafkaHasStats = false;
            }
            assertEquals(kafkaHasStats, samsa != null, () -> java.util.Arrays.toString(queues) + " " + available);
            if (samsa != null) {
                assertEquals(kafkaEnd, samsa.totalWeight());
            }
        }
    }

    @Test
    void inconsistentLoadIsRefused() {
        BuiltInPartitioner partitioner = new BuiltInPartitioner(TOPIC, 1, true);
        assertThrows(IllegalArgumentException.class, () -> partitioner.updateLoad(new int[2], new int[3], 2));
        assertThrows(IllegalArgumentException.class, () -> partitioner.updateLoad(new int[2], new int[2], 3));
    }

    private static void assertNear(int expected, int actual) {
        assertTrue(Math.abs(actual - expected) < expected * 0.05 + 10, () -> "expected about " + expected + ", got " + actual);
    }

    /** A topic of {@code count} partitions, all led by one broker except the leaderless ones. */
    private static Cluster cluster(int count, Set<Integer> leaderless) {
        List<PartitionInfo> partitions = new ArrayList<>();
        Node[] replicas = {NODE};
        for (int p = 0; p < count; p++) {
            partitions.add(new PartitionInfo(TOPIC, p, leaderless.contains(p) ? null : NODE, replicas, replicas));
        }
        return new Cluster("c", List.of(NODE), partitions, Set.of(), Set.of());
    }
}
