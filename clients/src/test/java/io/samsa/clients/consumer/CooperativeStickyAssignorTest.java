package io.samsa.clients.consumer;

import static io.samsa.clients.consumer.AssignorInvariants.assertBalanced;
import static io.samsa.clients.consumer.AssignorInvariants.assertCooperative;
import static io.samsa.clients.consumer.AssignorInvariants.assertEvenlyBalanced;
import static io.samsa.clients.consumer.AssignorInvariants.assertValid;
import static io.samsa.clients.consumer.AssignorInvariants.kept;
import static io.samsa.clients.consumer.AssignorInvariants.maxKeepable;
import static io.samsa.clients.consumer.KafkaAssignorTypes.bytes;
import static io.samsa.clients.consumer.KafkaAssignorTypes.partitionsOf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.clients.consumer.ConsumerPartitionAssignor.Assignment;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.RebalanceProtocol;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.samsa.clients.consumer.StickyAssignorGroupSimulation.Round;
import io.samsa.clients.consumer.StickyAssignorTest.StickyGroupScenario;
import io.samsa.clients.consumer.internals.StickyAssignorUserData;
import io.samsa.common.Cluster;
import io.samsa.common.TopicPartition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.junit.jupiter.api.Test;

/** The cooperative sticky assignor: the sticky properties, and no partition with two owners at once. */
class CooperativeStickyAssignorTest {

    private static final int MAX_ROUNDS = 8;

    @Test
    void nameProtocolsAndGenerationUserDataLikeKafka() {
        CooperativeStickyAssignor ours = new CooperativeStickyAssignor();
        var kafka = new org.apache.kafka.clients.consumer.CooperativeStickyAssignor();
        assertEquals(kafka.name(), ours.name());
        assertEquals(List.of(RebalanceProtocol.COOPERATIVE, RebalanceProtocol.EAGER), ours.supportedProtocols());
        assertArrayEquals(bytes(kafka.subscriptionUserData(Set.of("t"))), bytes(ours.subscriptionUserData(Set.of("t"))));
        ours.onAssignment(new Assignment(List.of()), 7);
        kafka.onAssignment(new org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment(List.of()),
            new ConsumerGroupMetadata("g", 7, "m", Optional.empty()));
        assertArrayEquals(bytes(kafka.subscriptionUserData(Set.of("t"))), bytes(ours.subscriptionUserData(Set.of("t"))));
    }

    /** A member joins a group of two owning everything: first the owners give up, then it receives. */
    @Test
    void aNewMemberGetsPartitionsOnlyAfterTheirOwnersRevokedThem() {
        Cluster cluster = AssignorScenarios.plainCluster(Map.of("t", 6));
        Map<String, Subscription> members = new TreeMap<>();
        members.put("a", owning(List.of(tp(0), tp(1), tp(2)), 3));
        members.put("b", owning(List.of(tp(3), tp(4), tp(5)), 3));
        members.put("c", owning(List.of(), -1));
        Map<String, List<TopicPartition>> first = assign(cluster, members);
        assertEquals(List.of(), first.get("c"));
        assertEquals(2, first.get("a").size());
        assertEquals(2, first.get("b").size());

        members.put("a", owning(first.get("a"), 4));
        members.put("b", owning(first.get("b"), 4));
        members.put("c", owning(List.of(), 4));
        Map<String, List<TopicPartition>> second = assign(cluster, members);
        assertEquals(first.get("a"), second.get("a"));
        assertEquals(first.get("b"), second.get("b"));
        assertEquals(2, second.get("c").size());
        assertValid(cluster, members, second, true);
    }

    @Test
    void aPartitionClaimedTwiceInOneGenerationGoesToNoNewOwnerThisRound() {
        Cluster cluster = AssignorScenarios.plainCluster(Map.of("t", 3));
        Map<String, Subscription> members = Map.of(
            "a", owning(List.of(tp(0), tp(1)), 5),
            "b", owning(List.of(tp(0)), 5),
            "c", owning(List.of(), 5));
        Map<String, List<TopicPartition>> result = assign(cluster, members);
        assertFalse(result.get("c").contains(tp(0)));
        assertCooperative(Map.of("a", Set.of(tp(0), tp(1)), "b", Set.of(tp(0)), "c", Set.of()), result);
    }

    @Test
    void theOwnerOfTheHigherGenerationKeepsAPartitionBothClaim() {
        Cluster cluster = AssignorScenarios.plainCluster(Map.of("t", 2));
        Map<String, Subscription> members = Map.of("a", owning(List.of(tp(0)), 5), "b", owning(List.of(tp(0)), 4));
        assertEquals(List.of(tp(0)), assign(cluster, members).get("a"));
    }

    /** Before subscription v2 the generation travels in the user data. */
    @Test
    void takesTheGenerationFromTheUserDataOfOlderSubscriptions() {
        Cluster cluster = AssignorScenarios.plainCluster(Map.of("t", 2));
        Map<String, Subscription> members = Map.of(
            "a", new Subscription(List.of("t"), StickyAssignorUserData.encodeCooperativeGeneration(4), List.of(tp(0))),
            "b", new Subscription(List.of("t"), StickyAssignorUserData.encodeCooperativeGeneration(5), List.of(tp(0))));
        assertEquals(List.of(tp(0)), assign(cluster, members).get("b"));
    }

    @Test
    void uniformGroupsFollowTheCooperativeRuleAndSettleEvenAndSticky() {
        for (long seed = 0; seed < 30; seed++) {
            runCooperative(new StickyGroupScenario(seed, true, true, seed % 3 == 0), true);
        }
    }

    @Test
    void mixedGroupsFollowTheCooperativeRuleAndSettleBalanced() {
        for (long seed = 0; seed < 30; seed++) {
            runCooperative(new StickyGroupScenario(seed, true, false, seed % 3 == 0), false);
        }
    }

    /**
     * Random events, each followed by rebalances (same leader) until no member revokes anything.
     * Every round follows the cooperative rule; the settled assignment is complete and balanced;
     * without racks in a uniform group, the first round keeps all that balance allows.
     */
    static void runCooperative(StickyGroupScenario scenario, boolean uniform) {
        for (int step = 0; step < 10; step++) {
            scenario.randomEvent();
            Round round = scenario.rebalance();
            if (uniform && !scenario.racks) {
                Round first = round;
                assertEquals(maxKeepable(scenario.totalPartitions(), first.ownedBefore(), first.assignment().keySet()),
                    kept(first.ownedBefore(), first.assignment()), () -> "seed " + scenario.seed + " " + first);
            }
            int rounds = 1;
            while (true) {
                assertCooperative(round.ownedBefore(), round.assignment());
                assertValid(scenario.cluster, round.subscriptions(), round.assignment(), false);
                if (!round.revoked()) {
                    break;
                }
                // Usually one or two; with racks and different subscriptions up to 6 were seen in
                // 4,000 random runs (Kafka's own assignor occasionally needs more than 10).
                assertTrue(++rounds <= MAX_ROUNDS, () -> "seed " + scenario.seed + ": still revoking after " + MAX_ROUNDS + " rounds");
                round = scenario.rebalance();
            }
            Round settled = round;
            assertValid(scenario.cluster, settled.subscriptions(), settled.assignment(), true);
            if (uniform) {
                assertEvenlyBalanced(settled.assignment());
            } else if (settled.leader().impl == StickyAssignorGroupSimulation.Impl.SAMSA) {
                assertBalanced(settled.subscriptions(), settled.assignment());
            }
        }
    }

    private static Map<String, List<TopicPartition>> assign(Cluster cluster, Map<String, Subscription> members) {
        return partitionsOf(new CooperativeStickyAssignor().assign(cluster, new GroupSubscription(members)));
    }

    private static Subscription owning(List<TopicPartition> owned, int generation) {
        return new Subscription(List.of("t"), null, owned, generation, Optional.empty());
    }

    private static TopicPartition tp(int partition) {
        return new TopicPartition("t", partition);
    }
}
