package io.samsa.clients.consumer;

import io.samsa.common.Cluster;
import io.samsa.common.TopicPartition;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which member of a consumer group reads which partitions, in the classic group protocol
 * (JoinGroup/SyncGroup with protocol type {@code consumer}): every member sends a
 * {@link Subscription} per assignor it supports, the coordinator picks one assignor name all
 * members support, and the elected leader runs that assignor's {@link #assign} over everyone's
 * subscriptions and hands each member its {@link Assignment}. The shape is Apache Kafka's
 * {@code org.apache.kafka.clients.consumer.ConsumerPartitionAssignor}, and the built-in assignors
 * ({@link RangeAssignor}, {@link RoundRobinAssignor}, {@link StickyAssignor},
 * {@link CooperativeStickyAssignor}) use Kafka's names and user-data encodings, so Samsa and Kafka
 * consumers can share one group. Thread-safety is up to the implementation: the consumer calls an
 * assignor from one thread at a time; the built-in assignors are thread-safe.
 *
 * <p>One deliberate difference from Kafka: Kafka's {@code onAssignment} takes a
 * {@code ConsumerGroupMetadata}; this one takes the generation id, the only part of it the
 * built-in assignors need, so that the assignors do not depend on the consumer's group metadata
 * type. A Kafka-shaped overload can delegate to it.
 */
public interface ConsumerPartitionAssignor {

    /**
     * The assignor's own data for the subscription this member sends to the leader, read back by
     * {@link #assign} on the leader (for example the previous assignment, a generation, a host).
     *
     * @param topics the topics this member subscribes to
     * @return the user data, or null for none
     */
    default ByteBuffer subscriptionUserData(Set<String> topics) {
        return null;
    }

    /**
     * Assigns the partitions of the subscribed topics to the group's members. Runs on the leader.
     *
     * @param metadata the leader's view of the cluster: the partitions (and their replicas' racks)
     *     of every topic any member subscribes to; topics it does not know are skipped
     * @param groupSubscription every member's subscription, by member id
     * @return one assignment for every member of {@code groupSubscription}
     */
    GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription);

    /**
     * Tells the assignor the assignment this member received from the leader, once the group has
     * settled on generation {@code generationId}.
     *
     * @param assignment this member's assignment
     * @param generationId the group generation the assignment belongs to
     */
    default void onAssignment(Assignment assignment, int generationId) {
    }

    /** The rebalance protocols this assignor can work with; EAGER only, unless it says otherwise. */
    default List<RebalanceProtocol> supportedProtocols() {
        return Collections.singletonList(RebalanceProtocol.EAGER);
    }

    /** The version of the assignor's user-data encoding and algorithm; 0 unless it says otherwise. */
    default short version() {
        return (short) 0;
    }

    /**
     * The name the group protocol knows this assignor by (for example {@code range}); the group
     * coordinator picks an assignor every member names. Never null, unique among the assignors a
     * consumer is configured with.
     */
    String name();

    /**
     * What one member sends the leader: the topics it subscribes to, the assignor's user data, the
     * partitions it owns now (cooperative rebalancing), the generation those were assigned in, its
     * rack, and (set by the leader from the JoinGroup response) its static group instance id.
     * Thread-safe; immutable apart from the group instance id. The user-data buffer is shared:
     * read it through {@link ByteBuffer#duplicate()}.
     */
    final class Subscription {
        private final List<String> topics;
        private final ByteBuffer userData;
        private final List<TopicPartition> ownedPartitions;
        private final Optional<Integer> generationId;
        private final Optional<String> rackId;
        private volatile Optional<String> groupInstanceId = Optional.empty();

        /**
         * @param topics the topics the member subscribes to
         * @param userData the assignor's user data, or null
         * @param ownedPartitions the partitions the member owns now (empty under the eager protocol)
         * @param generationId the generation {@code ownedPartitions} were assigned in; negative for
         *     none
         * @param rackId the member's rack, if it has one
         */
        public Subscription(List<String> topics, ByteBuffer userData, List<TopicPartition> ownedPartitions,
                            int generationId, Optional<String> rackId) {
            this.topics = List.copyOf(topics);
            this.userData = userData;
            this.ownedPartitions = List.copyOf(ownedPartitions);
            this.generationId = generationId < 0 ? Optional.empty() : Optional.of(generationId);
            this.rackId = rackId;
        }

        /** A subscription without generation or rack. */
        public Subscription(List<String> topics, ByteBuffer userData, List<TopicPartition> ownedPartitions) {
            this(topics, userData, ownedPartitions, -1, Optional.empty());
        }

        /** A subscription owning nothing, without generation or rack. */
        public Subscription(List<String> topics, ByteBuffer userData) {
            this(topics, userData, List.of());
        }

        /** A subscription to {@code topics} and nothing else. */
        public Subscription(List<String> topics) {
            this(topics, null);
        }

        /** The topics the member subscribes to, as it listed them. */
        public List<String> topics() {
            return topics;
        }

        /** The assignor's user data, or null. */
        public ByteBuffer userData() {
            return userData;
        }

        /** The partitions the member owns now; always empty from an eager member. */
        public List<TopicPartition> ownedPartitions() {
            return ownedPartitions;
        }

        /** The member's rack ({@code client.rack}), if it has one. */
        public Optional<String> rackId() {
            return rackId;
        }

        /** The generation the owned partitions were assigned in, if the member knows one. */
        public Optional<Integer> generationId() {
            return generationId;
        }

        /** Set by the leader from the JoinGroup response before it runs the assignor. */
        public void setGroupInstanceId(Optional<String> groupInstanceId) {
            this.groupInstanceId = groupInstanceId;
        }

        /** The member's static group instance id ({@code group.instance.id}), if it has one. */
        public Optional<String> groupInstanceId() {
            return groupInstanceId;
        }

        @Override
        public String toString() {
            return "Subscription(topics=" + topics
                + (userData == null ? "" : ", userDataSize=" + userData.remaining())
                + ", ownedPartitions=" + ownedPartitions
                + ", groupInstanceId=" + groupInstanceId.orElse("null")
                + ", generationId=" + generationId.orElse(-1)
                + ", rackId=" + rackId.orElse("null") + ")";
        }
    }

    /**
     * What the leader hands one member: its partitions and the assignor's user data. Immutable;
     * the user-data buffer is shared: read it through {@link ByteBuffer#duplicate()}.
     */
    final class Assignment {
        private final List<TopicPartition> partitions;
        private final ByteBuffer userData;

        /** @param userData the assignor's user data for the member, or null */
        public Assignment(List<TopicPartition> partitions, ByteBuffer userData) {
            this.partitions = List.copyOf(partitions);
            this.userData = userData;
        }

        /** An assignment without user data. */
        public Assignment(List<TopicPartition> partitions) {
            this(partitions, null);
        }

        /** The partitions the member is to consume. */
        public List<TopicPartition> partitions() {
            return partitions;
        }

        /** The assignor's user data, or null. */
        public ByteBuffer userData() {
            return userData;
        }

        @Override
        public String toString() {
            return "Assignment(partitions=" + partitions
                + (userData == null ? "" : ", userDataSize=" + userData.remaining()) + ")";
        }
    }

    /** Every member's subscription, by member id. Immutable. */
    final class GroupSubscription {
        private final Map<String, Subscription> subscriptions;

        public GroupSubscription(Map<String, Subscription> subscriptions) {
            this.subscriptions = Collections.unmodifiableMap(new LinkedHashMap<>(subscriptions));
        }

        /** Every member's subscription, by member id. */
        public Map<String, Subscription> groupSubscription() {
            return subscriptions;
        }

        @Override
        public String toString() {
            return "GroupSubscription(subscriptions=" + subscriptions + ")";
        }
    }

    /** Every member's assignment, by member id. Immutable. */
    final class GroupAssignment {
        private final Map<String, Assignment> assignments;

        public GroupAssignment(Map<String, Assignment> assignments) {
            this.assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
        }

        /** Every member's assignment, by member id. */
        public Map<String, Assignment> groupAssignment() {
            return assignments;
        }

        @Override
        public String toString() {
            return "GroupAssignment(assignments=" + assignments + ")";
        }
    }

    /**
     * How partitions change owner in a rebalance. Under {@link #EAGER} every member gives up all
     * its partitions before joining, so the assignor may reshuffle freely. Under
     * {@link #COOPERATIVE} members keep their partitions while the group rebalances; the assignor
     * must therefore never give a partition to a new owner while its current owner still holds it:
     * it leaves such a partition out, the owner revokes it, rejoins, and the next rebalance hands
     * it over. Immutable.
     */
    enum RebalanceProtocol {
        EAGER((byte) 0), COOPERATIVE((byte) 1);

        private final byte id;

        RebalanceProtocol(byte id) {
            this.id = id;
        }

        /** The protocol's id (0 eager, 1 cooperative). */
        public byte id() {
            return id;
        }

        /** The protocol with this id; an unknown id is an {@link IllegalArgumentException}. */
        public static RebalanceProtocol forId(byte id) {
            return switch (id) {
                case 0 -> EAGER;
                case 1 -> COOPERATIVE;
                default -> throw new IllegalArgumentException("Unknown rebalance protocol id: " + id);
            };
        }
    }
}
