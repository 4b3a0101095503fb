package io.samsa.clients.consumer;

import static io.samsa.clients.consumer.KafkaAssignorTypes.fromKafka;
import static io.samsa.clients.consumer.KafkaAssignorTypes.toKafka;

import io.samsa.clients.consumer.ConsumerPartitionAssignor.Assignment;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.samsa.clients.consumer.internals.ConsumerProtocol;
import io.samsa.common.Cluster;
import io.samsa.common.TopicPartition;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;

/**
 * A consumer group on the classic protocol, without a broker: each member, a Samsa or a Kafka
 * consumer with its implementation's sticky or cooperative-sticky assignor, sends its
 * subscription as JoinGroup metadata bytes written by its own implementation; the leader reads
 * them all with its own, assigns, and writes the SyncGroup assignments, which each member reads
 * with its own and hands to its assignor. Everything crossing between implementations is bytes,
 * as on the wire. Not thread-safe.
 */
final class StickyAssignorGroupSimulation {

    enum Impl { SAMSA, KAFKA }

    private static final String GROUP = "group";

    /** One group member and what it owns. */
    static final class Member {
        final String id;
        final Impl impl;
        final boolean cooperative;
        private final ConsumerPartitionAssignor samsa;
        private final org.apache.kafka.clients.consumer.ConsumerPartitionAssignor kafka;
        List<String> topics;
        String rack;
        /** The subscription version this member writes. */
        short version = ConsumerProtocol.HIGHEST_VERSION;
        List<TopicPartition> owned = List.of();
        int generation = -1;

        Member(String id, Impl impl, boolean cooperative, List<String> topics, String rack) {
            this.id = id;
            this.impl = impl;
            this.cooperative = cooperative;
            this.topics = topics;
            this.rack = rack;
            if (impl == Impl.SAMSA) {
                samsa = cooperative ? new CooperativeStickyAssignor() : new StickyAssignor();
                kafka = null;
            } else {
                samsa = null;
                kafka = cooperative ? new org.apache.kafka.clients.consumer.CooperativeStickyAssignor()
                    : new org.apache.kafka.clients.consumer.StickyAssignor();
            }
        }

        /** The JoinGroup metadata: an eager member has revoked everything and reports nothing owned. */
        ByteBuffer join() {
            Set<String> topicSet = new HashSet<>(topics);
            List<TopicPartition> reported = cooperative ? owned : List.of();
            if (impl == Impl.SAMSA) {
                return ConsumerProtocol.serializeSubscription(new Subscription(topics, samsa.subscriptionUserData(topicSet),
                    reported, generation, Optional.ofNullable(rack)), version);
            }
            return org.apache.kafka.clients.consumer.internals.ConsumerProtocol.serializeSubscription(
                new org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription(new ArrayList<>(topics),
                    kafka.subscriptionUserData(topicSet), new ArrayList<>(toKafka(reported)), generation,
                    Optional.ofNullable(rack)), version);
        }

        /** The SyncGroup assignment arrives: the member now owns exactly it. */
        void sync(ByteBuffer assignment, int newGeneration) {
            if (impl == Impl.SAMSA) {
                Assignment a = ConsumerProtocol.deserializeAssignment(assignment.duplicate());
                samsa.onAssignment(a, newGeneration);
                owned = a.partitions();
            } else {
                var a = org.apache.kafka.clients.consumer.internals.ConsumerProtocol.deserializeAssignment(assignment.duplicate());
                kafka.onAssignment(a, new ConsumerGroupMetadata(GROUP, newGeneration, id, Optional.empty()));
                owned = fromKafka(a.partitions());
            }
            generation = newGeneration;
        }

        /** As the leader: read every member's metadata, assign, write the assignments. */
        Map<String, ByteBuffer> lead(Cluster cluster, Map<String, ByteBuffer> joins) {
            Map<String, ByteBuffer> out = new HashMap<>();
            if (impl == Impl.SAMSA) {
                Map<String, Subscription> subscriptions = new HashMap<>();
                joins.forEach((m, b) -> subscriptions.put(m, ConsumerProtocol.deserializeSubscription(b.duplicate())));
                samsa.assign(cluster, new GroupSubscription(subscriptions)).groupAssignment()
                    .forEach((m, a) -> out.put(m, ConsumerProtocol.serializeAssignment(a)));
            } else {
                Map<String, org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription> subscriptions = new HashMap<>();
                joins.forEach((m, b) -> subscriptions.put(m,
                    org.apache.kafka.clients.consumer.internals.ConsumerProtocol.deserializeSubscription(b.duplicate())));
                kafka.assign(toKafka(cluster),
                        new org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription(subscriptions))
                    .groupAssignment()
                    .forEach((m, a) -> out.put(m, org.apache.kafka.clients.consumer.internals.ConsumerProtocol.serializeAssignment(a)));
            }
            return out;
        }

        @Override
        public String toString() {
            return id + "(" + impl + ")";
        }
    }

    /**
     * One rebalance as the leader saw it: the subscriptions, what each member owned before, and
     * the assignment handed out.
     */
    record Round(Member leader, Map<String, Subscription> subscriptions, Map<String, Set<TopicPartition>> ownedBefore,
                 Map<String, List<TopicPartition>> assignment) {

        /** True when some member lost a partition it owned, so (cooperatively) it revokes and rejoins. */
        boolean revoked() {
            for (Map.Entry<String, Set<TopicPartition>> e : ownedBefore.entrySet()) {
                if (!assignment.get(e.getKey()).containsAll(e.getValue())) {
                    return true;
                }
            }
            return false;
        }
    }

    private final List<Member> members = new ArrayList<>();
    private int generation = 0;

    List<Member> members() {
        return members;
    }

    Member member(String id) {
        return members.stream().filter(m -> m.id.equals(id)).findFirst().orElseThrow();
    }

    /** Runs one rebalance of all current members, led by {@code leader}, into the next generation. */
    Round rebalance(Cluster cluster, Member leader) {
        Map<String, ByteBuffer> joins = new LinkedHashMap<>();
        Map<String, Subscription> seen = new LinkedHashMap<>();
        Map<String, Set<TopicPartition>> ownedBefore = new HashMap<>();
        for (Member m : members) {
            ByteBuffer join = m.join();
            joins.put(m.id, join);
            seen.put(m.id, ConsumerProtocol.deserializeSubscription(join.duplicate()));
            ownedBefore.put(m.id, new HashSet<>(m.owned));
        }
        Map<String, ByteBuffer> assignments = leader.lead(cluster, joins);
        generation++;
        Map<String, List<TopicPartition>> assignment = new LinkedHashMap<>();
        for (Member m : members) {
            ByteBuffer bytes = assignments.get(m.id);
            assignment.put(m.id, ConsumerProtocol.deserializeAssignment(bytes.duplicate()).partitions());
            m.sync(bytes, generation);
        }
        return new Round(leader, seen, ownedBefore, assignment);
    }
}
