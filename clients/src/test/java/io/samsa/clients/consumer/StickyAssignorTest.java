package io.samsa.clients.consumer;

import static io.samsa.clients.consumer.AssignorInvariants.assertBalanced;
import static io.samsa.clients.consumer.AssignorInvariants.assertEvenlyBalanced;
import static io.samsa.clients.consumer.AssignorInvariants.assertValid;
import static io.samsa.clients.consumer.AssignorInvariants.kept;
import static io.samsa.clients.consumer.AssignorInvariants.maxKeepable;
import static io.samsa.clients.consumer.KafkaAssignorTypes.partitionsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.clients.consumer.ConsumerPartitionAssignor.Assignment;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.RebalanceProtocol;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.samsa.clients.consumer.StickyAssignorGroupSimulation.Impl;
import io.samsa.clients.consumer.StickyAssignorGroupSimulation.Member;
import io.samsa.clients.consumer.StickyAssignorGroupSimulation.Round;
import io.samsa.clients.consumer.internals.StickyAssignorUserData;
import io.samsa.common.Cluster;
import io.samsa.common.Node;
import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The eager sticky assignor: valid, balanced and sticky assignments, with and without racks. */
class StickyAssignorTest {

    @Test
    void nameProtocolAndUserDataBeforeTheFirstAssignment() {
        StickyAssignor assignor = new StickyAssignor();
        assertEquals("sticky", assignor.name());
        assertEquals(List.of(RebalanceProtocol.EAGER), assignor.supportedProtocols());
        assertNull(assignor.subscriptionUserData(Set.of("t")));
        assignor.onAssignment(new Assignment(List.of(tp("t", 1))), 4);
        var data = StickyAssignorUserData.decodeStickyAssignment(assignor.subscriptionUserData(Set.of("t")));
        assertEquals(List.of(tp("t", 1)), data.partitions());
        assertEquals(Optional.of(4), data.generation());
    }

    /** Kafka's documented example 2: when C0 leaves, C1 and C2 keep everything. */
    @Test
    void keepsEveryPartitionOfTheMembersThatStay() {
        Cluster cluster = AssignorScenarios.plainCluster(Map.of("t0", 1, "t1", 2, "t2", 3));
        Map<String, Subscription> members = new HashMap<>();
        members.put("C0", new Subscription(List.of("t0")));
        members.put("C1", new Subscription(List.of("t0", "t1")));
        members.put("C2", new Subscription(List.of("t0", "t1", "t2")));
        Map<String, List<TopicPartition>> first = partitionsOf(new StickyAssignor().assign(cluster, new GroupSubscription(members)));
        assertEquals(List.of(tp("t0", 0)), first.get("C0"));
        assertEquals(Set.of(tp("t1", 0), tp("t1", 1)), Set.copyOf(first.get("C1")));
        assertEquals(Set.of(tp("t2", 0), tp("t2", 1), tp("t2", 2)), Set.copyOf(first.get("C2")));

        members.remove("C0");
        members.put("C1", withPrevious(members.get("C1"), first.get("C1"), 1));
        members.put("C2", withPrevious(members.get("C2"), first.get("C2"), 1));
        Map<String, List<TopicPartition>> second = partitionsOf(new StickyAssignor().assign(cluster, new GroupSubscription(members)));
        assertEquals(Set.of(tp("t1", 0), tp("t1", 1), tp("t0", 0)), Set.copyOf(second.get("C1")));
        assertEquals(Set.copyOf(first.get("C2")), Set.copyOf(second.get("C2")));
    }

    @Test
    void theClaimOfTheHigherGenerationWins() {
        Cluster cluster = AssignorScenarios.plainCluster(Map.of("t", 4));
        Map<String, Subscription> members = Map.of(
            "old", withPrevious(new Subscription(List.of("t")), List.of(tp("t", 0), tp("t", 1)), 3),
            "new", withPrevious(new Subscription(List.of("t")), List.of(tp("t", 1), tp("t", 2)), 4));
        Map<String, List<TopicPartition>> result = partitionsOf(new StickyAssignor().assign(cluster, new GroupSubscription(members)));
        assertEquals(Set.of(tp("t", 1), tp("t", 2)), Set.copyOf(result.get("new")));
        assertEquals(Set.of(tp("t", 0), tp("t", 3)), Set.copyOf(result.get("old")));
    }

    @Test
    void unreadableUserDataCountsAsNothingOwned() {
        Cluster cluster = AssignorScenarios.plainCluster(Map.of("t", 3));
        Map<String, Subscription> members = Map.of(
            "a", new Subscription(List.of("t"), ByteBuffer.wrap(new byte[] {0, 0, 0, 9, 1})),
            "b", new Subscription(List.of("t"), ByteBuffer.allocate(0)));
        Map<String, List<TopicPartition>> result = partitionsOf(new StickyAssignor().assign(cluster, new GroupSubscription(members)));
        assertValid(cluster, members, result, true);
        assertEvenlyBalanced(result);
    }

    @Test
    void noMembersNoAssignment() {
        Cluster cluster = AssignorScenarios.plainCluster(Map.of("t", 3));
        assertTrue(new StickyAssignor().assign(cluster, new GroupSubscription(Map.of())).groupAssignment().isEmpty());
    }

    /** Uniform subscriptions: counts within one, and exactly as many partitions stay put as balance allows. */
    @Test
    void uniformGroupsStayEvenAndKeepAllThatBalanceAllows() {
        for (long seed = 0; seed < 30; seed++) {
            StickyGroupScenario scenario = new StickyGroupScenario(seed, false, true, false);
            for (int step = 0; step < 12; step++) {
                scenario.randomEvent();
                Round round = scenario.rebalance();
                assertValid(scenario.cluster, round.subscriptions(), round.assignment(), true);
                assertEvenlyBalanced(round.assignment());
                assertEquals(maxKeepable(scenario.totalPartitions(), round.ownedBefore(), round.assignment().keySet()),
                    kept(round.ownedBefore(), round.assignment()), () -> "seed " + scenario.seed + " " + round);
            }
        }
    }

    /** Different subscriptions: valid, and no member could take a partition from one with two more. */
    @Test
    void mixedGroupsStayValidAndBalanced() {
        for (long seed = 0; seed < 30; seed++) {
            StickyGroupScenario scenario = new StickyGroupScenario(seed, false, false, false);
            for (int step = 0; step < 12; step++) {
                scenario.randomEvent();
                Round round = scenario.rebalance();
                assertValid(scenario.cluster, round.subscriptions(), round.assignment(), true);
                assertBalanced(round.subscriptions(), round.assignment());
            }
        }
    }

    /** With racks, assignments stay valid and balanced. */
    @Test
    void rackAwareGroupsStayValidAndBalanced() {
        for (long seed = 0; seed < 30; seed++) {
            boolean uniform = seed % 2 == 0;
            StickyGroupScenario scenario = new StickyGroupScenario(seed, false, uniform, true);
            for (int step = 0; step < 10; step++) {
                scenario.randomEvent();
                Round round = scenario.rebalance();
                assertValid(scenario.cluster, round.subscriptions(), round.assignment(), true);
                if (uniform) {
                    assertEvenlyBalanced(round.assignment());
                } else {
                    assertBalanced(round.subscriptions(), round.assignment());
                }
            }
        }
    }

    /**
     * Three racks, each partition's only replica on rack {@code partition % 3}, two members per
     * rack: every partition can be read locally without unbalancing anyone, and is.
     */
    @Test
    void rackAwareAssignmentReadsLocallyWhenBalanceAllows() {
        String[] racks = {"a", "b", "c"};
        List<Node> brokers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            brokers.add(new Node(i, "b" + i, 9092, racks[i]));
        }
        List<PartitionInfo> partitions = new ArrayList<>();
        for (String topic : List.of("t1", "t2")) {
            for (int p = 0; p < 12; p++) {
                Node[] replicas = {brokers.get(p % 3)};
                partitions.add(new PartitionInfo(topic, p, replicas[0], replicas, replicas));
            }
        }
        Cluster cluster = new Cluster("c", brokers, partitions, Set.of(), Set.of());
        for (boolean uniform : new boolean[] {true, false}) {
            Map<String, Subscription> members = new TreeMap<>();
            for (int i = 0; i < 6; i++) {
                List<String> topics = uniform || i % 2 == 0 ? List.of("t1", "t2") : List.of("t1");
                members.put("m" + i, new Subscription(topics, null, List.of(), -1, Optional.of(racks[i % 3])));
            }
            Map<String, List<TopicPartition>> result =
                partitionsOf(new StickyAssignor().assign(cluster, new GroupSubscription(members)));
            assertValid(cluster, members, result, true);
            result.forEach((m, tps) -> tps.forEach(tp -> assertEquals(
                members.get(m).rackId().orElseThrow(), racks[tp.partition() % 3], () -> m + " reads " + tp + " remotely")));
        }
    }

    private static Subscription withPrevious(Subscription s, List<TopicPartition> previous, int generation) {
        return new Subscription(s.topics(), StickyAssignorUserData.encodeStickyAssignment(previous, generation));
    }

    private static TopicPartition tp(String topic, int partition) {
        return new TopicPartition(topic, partition);
    }

    /**
     * A group of Samsa members going through random events (members join or leave, change
     * subscription, topics grow), each followed by a rebalance led by a random member.
     */
    static final class StickyGroupScenario {
        final long seed;
        final Random random;
        final boolean cooperative;
        final boolean uniform;
        final boolean racks;
        final StickyAssignorGroupSimulation group = new StickyAssignorGroupSimulation();
        final Map<String, Integer> topics = new TreeMap<>();
        final AssignorScenarios scenarios;
        final List<Impl> impls;
        Cluster cluster;
        List<String> sharedTopics;
        private int nextMember;
        private Member leader;

        StickyGroupScenario(long seed, boolean cooperative, boolean uniform, boolean racks) {
            this(seed, cooperative, uniform, racks, List.of(Impl.SAMSA));
        }

        StickyGroupScenario(long seed, boolean cooperative, boolean uniform, boolean racks, List<Impl> impls) {
            this.seed = seed;
            this.random = new Random(seed);
            this.cooperative = cooperative;
            this.uniform = uniform;
            this.racks = racks;
            this.impls = impls;
            this.scenarios = new AssignorScenarios(seed);
            int topicCount = 1 + random.nextInt(5);
            for (int t = 0; t < topicCount; t++) {
                topics.put("topic" + t, 1 + random.nextInt(10));
            }
            rebuildCluster();
            sharedTopics = randomTopics();
            int members = 1 + random.nextInt(6);
            for (int i = 0; i < members; i++) {
                addMember();
            }
        }

        void rebuildCluster() {
            List<Node> brokers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                brokers.add(new Node(i, "b" + i, 9092, racks ? AssignorScenarios.RACKS[i % 3] : null));
            }
            cluster = scenarios.cluster(brokers, topics, 1 + random.nextInt(2));
        }

        List<String> randomTopics() {
            List<String> out = new ArrayList<>();
            topics.keySet().forEach(t -> {
                if (random.nextInt(3) != 0) {
                    out.add(t);
                }
            });
            if (out.isEmpty()) {
                out.add("topic0");
            }
            return out;
        }

        void addMember() {
            Impl impl = impls.get(random.nextInt(impls.size()));
            String rack = racks && random.nextInt(4) != 0 ? AssignorScenarios.RACKS[random.nextInt(3)] : null;
            group.members().add(new Member("member-" + (nextMember++), impl, cooperative,
                uniform ? sharedTopics : randomTopics(), rack));
        }

        void randomEvent() {
            List<Member> members = group.members();
            leader = null;
            switch (random.nextInt(6)) {
                case 0, 1 -> addMember();
                case 2 -> {
                    if (members.size() > 1) {
                        members.remove(random.nextInt(members.size()));
                    }
                }
                case 3 -> {
                    String topic = "topic" + random.nextInt(topics.size());
                    topics.put(topic, topics.get(topic) + 1 + random.nextInt(3));
                    rebuildCluster();
                }
                case 4 -> {
                    if (!uniform) {
                        members.get(random.nextInt(members.size())).topics = randomTopics();
                    }
                }
                default -> {
                    // No change: a rebalance with nothing new must keep everything.
                }
            }
        }

        /**
         * Runs a rebalance. The coordinator keeps its leader while the leader stays, so the rounds
         * that follow one event share a leader; a new event may bring a new one (the old one left
         * or restarted), of either implementation.
         */
        Round rebalance() {
            if (leader == null || !group.members().contains(leader)) {
                leader = group.members().get(random.nextInt(group.members().size()));
            }
            return group.rebalance(cluster, leader);
        }

        int totalPartitions() {
            return AssignorScenarios.subscribedPartitions(cluster,
                List.of(new Subscription(group.members().get(0).topics))).size();
        }
    }
}
