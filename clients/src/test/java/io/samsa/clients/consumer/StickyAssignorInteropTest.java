package io.samsa.clients.consumer;

import static io.samsa.clients.consumer.AssignorInvariants.assertBalanced;
import static io.samsa.clients.consumer.AssignorInvariants.assertEvenlyBalanced;
import static io.samsa.clients.consumer.AssignorInvariants.assertValid;
import static io.samsa.clients.consumer.AssignorInvariants.kept;
import static io.samsa.clients.consumer.AssignorInvariants.maxKeepable;
import static io.samsa.clients.consumer.KafkaAssignorTypes.fromKafka;
import static io.samsa.clients.consumer.KafkaAssignorTypes.toKafka;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.samsa.clients.consumer.ConsumerPartitionAssignor.Assignment;
import io.samsa.clients.consumer.StickyAssignorGroupSimulation.Impl;
import io.samsa.clients.consumer.StickyAssignorGroupSimulation.Member;
import io.samsa.clients.consumer.StickyAssignorGroupSimulation.Round;
import io.samsa.clients.consumer.StickyAssignorTest.StickyGroupScenario;
import io.samsa.clients.consumer.internals.AbstractStickyAssignor.MemberData;
import io.samsa.clients.consumer.internals.StickyAssignorUserData;
import io.samsa.common.TopicPartition;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.junit.jupiter.api.Test;

/**
 * Samsa and Kafka (kafka-clients 3.9.1) sticky members in one group, taking turns leading, with
 * only bytes passing between them: each implementation reads the other's sticky user data, and
 * the group stays valid, balanced and sticky across generations.
 */
class StickyAssignorInteropTest {

    private static final List<Impl> BOTH = List.of(Impl.SAMSA, Impl.KAFKA);

    /** Kafka's assignor, opened up to show how it reads a member's user data. */
    static final class KafkaStickyProbe extends org.apache.kafka.clients.consumer.StickyAssignor {
        org.apache.kafka.clients.consumer.internals.AbstractStickyAssignor.MemberData read(ByteBuffer userData) {
            return memberData(new org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription(
                List.of("t"), userData));
        }
    }

    @Test
    void eachReadsTheOthersStickyUserData() {
        Random random = new Random(5);
        KafkaStickyProbe probe = new KafkaStickyProbe();
        for (int i = 0; i < 200; i++) {
            List<TopicPartition> partitions = randomPartitions(random);
            int generation = random.nextInt(100);

            var kafka = new org.apache.kafka.clients.consumer.StickyAssignor();
            kafka.onAssignment(new org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Assignment(toKafka(partitions)),
                new ConsumerGroupMetadata("g", generation, "m", Optional.empty()));
            MemberData oursRead = StickyAssignorUserData.decodeStickyAssignment(kafka.subscriptionUserData(Set.of("t")));
            assertEquals(Set.copyOf(partitions), Set.copyOf(oursRead.partitions()));
            assertEquals(Optional.of(generation), oursRead.generation());

            StickyAssignor ours = new StickyAssignor();
            ours.onAssignment(new Assignment(partitions), generation);
            var kafkaRead = probe.read(ours.subscriptionUserData(Set.of("t")));
            assertEquals(Set.copyOf(partitions), Set.copyOf(fromKafka(kafkaRead.partitions)));
            assertEquals(Optional.of(generation), kafkaRead.generation);
        }
    }

    /** Version 0 had no generation; unreadable data means nothing owned, at the default generation. */
    @Test
    void olderAndUnreadableStickyUserDataReadTheSameWay() {
        KafkaStickyProbe probe = new KafkaStickyProbe();
        ByteBuffer v1 = StickyAssignorUserData.encodeStickyAssignment(List.of(new TopicPartition("t", 3)), 9);
        ByteBuffer v0 = ByteBuffer.wrap(KafkaAssignorTypes.bytes(v1), 0, v1.remaining() - 4).slice();
        ByteBuffer garbage = ByteBuffer.wrap(new byte[] {0, 0, 0, 1, 0});
        for (ByteBuffer data : List.of(v0, garbage)) {
            MemberData ours = StickyAssignorUserData.decodeStickyAssignment(data);
            var kafka = probe.read(data.duplicate());
            assertEquals(Set.copyOf(fromKafka(kafka.partitions)), Set.copyOf(ours.partitions()));
            assertEquals(kafka.generation, ours.generation());
        }
    }

    @Test
    void eagerUniformGroupsStayEvenAndStickyWhoeverLeads() {
        for (long seed = 0; seed < 40; seed++) {
            StickyGroupScenario scenario = new StickyGroupScenario(seed, false, true, false, BOTH);
            for (int step = 0; step < 12; step++) {
                scenario.randomEvent();
                randomVersions(scenario, 0);
                Round round = scenario.rebalance();
                assertValid(scenario.cluster, round.subscriptions(), round.assignment(), true);
                assertEvenlyBalanced(round.assignment());
                assertEquals(maxKeepable(scenario.totalPartitions(), round.ownedBefore(), round.assignment().keySet()),
                    kept(round.ownedBefore(), round.assignment()), () -> "seed " + scenario.seed + " " + round);
            }
        }
    }

    @Test
    void eagerMixedGroupsStayValidWhoeverLeads() {
        for (long seed = 0; seed < 40; seed++) {
            StickyGroupScenario scenario = new StickyGroupScenario(seed, false, false, seed % 3 == 0, BOTH);
            for (int step = 0; step < 12; step++) {
                scenario.randomEvent();
                randomVersions(scenario, 0);
                Round round = scenario.rebalance();
                assertValid(scenario.cluster, round.subscriptions(), round.assignment(), true);
                if (round.leader().impl == Impl.SAMSA) {
                    assertBalanced(round.subscriptions(), round.assignment());
                }
            }
        }
    }

    /**
     * On the same inputs (different subscriptions, with and without racks), Samsa's sticky
     * assignment keeps at least as many partitions with their owners as Kafka's, in total.
     */
    @Test
    void keepsAtLeastAsManyPartitionsAsKafkaOnTheSameInputs() {
        for (boolean racks : new boolean[] {false, true}) {
            long ours = 0;
            long kafka = 0;
            for (long seed = 0; seed < 100; seed++) {
                StickyGroupScenario scenario = new StickyGroupScenario(seed, false, false, racks);
                for (int step = 0; step < 10; step++) {
                    scenario.randomEvent();
                    Round round = scenario.rebalance();
                    ours += kept(round.ownedBefore(), KafkaAssignorTypes.partitionsOf(new StickyAssignor().assign(
                        scenario.cluster, new ConsumerPartitionAssignor.GroupSubscription(round.subscriptions()))));
                    kafka += kept(round.ownedBefore(), KafkaAssignorTypes.fromKafkaGroup(
                        new org.apache.kafka.clients.consumer.StickyAssignor().assign(toKafka(scenario.cluster),
                            KafkaAssignorTypes.toKafkaGroup(round.subscriptions()))));
                }
            }
            long oursKept = ours;
            long kafkaKept = kafka;
            assertTrue(oursKept >= kafkaKept, () -> "racks " + racks + ": kept " + oursKept + ", Kafka " + kafkaKept);
        }
    }

    /** Subscriptions from v1 on carry owned partitions, which cooperative rebalancing needs. */
    @Test
    void cooperativeUniformGroupsFollowTheRuleWhoeverLeads() {
        for (long seed = 0; seed < 40; seed++) {
            StickyGroupScenario scenario = new StickyGroupScenario(seed, true, true, seed % 3 == 0, BOTH);
            randomVersions(scenario, 1);
            CooperativeStickyAssignorTest.runCooperative(scenario, true);
        }
    }

    @Test
    void cooperativeMixedGroupsFollowTheRuleWhoeverLeads() {
        for (long seed = 0; seed < 40; seed++) {
            StickyGroupScenario scenario = new StickyGroupScenario(seed, true, false, seed % 3 == 0, BOTH);
            randomVersions(scenario, 1);
            CooperativeStickyAssignorTest.runCooperative(scenario, false);
        }
    }

    /** Gives every member a random subscription version from {@code lowest} to 3. */
    private static void randomVersions(StickyGroupScenario scenario, int lowest) {
        for (Member m : scenario.group.members()) {
            m.version = (short) (lowest + scenario.random.nextInt(4 - lowest));
        }
    }

    private static List<TopicPartition> randomPartitions(Random random) {
        Set<TopicPartition> out = new HashSet<>();
        int count = random.nextInt(12);
        for (int i = 0; i < count; i++) {
            out.add(new TopicPartition("topic" + random.nextInt(4), random.nextInt(10)));
        }
        return new ArrayList<>(out);
    }
}
