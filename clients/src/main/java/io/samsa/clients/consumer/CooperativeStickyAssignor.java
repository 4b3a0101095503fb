package io.samsa.clients.consumer;

import io.samsa.clients.consumer.internals.AbstractStickyAssignor;
import io.samsa.clients.consumer.internals.StickyAssignorUserData;
import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code cooperative-sticky} assignor: the sticky assignment of {@link StickyAssignor}, for
 * the cooperative rebalance protocol (and the eager one, so a group can switch over with a rolling
 * restart). Members keep consuming their partitions through a rebalance; only partitions that
 * change owner stop. Thread-safe.
 *
 * <p>A partition that must move is first only taken away: while any other member still lists it
 * as owned, it is left out of its new owner's assignment. Its owner revokes it and rejoins, and the
 * next rebalance gives it to the new owner, so no partition ever has two owners at once.
 *
 * <p>Members report their owned partitions and generation in the subscription itself (v2 and
 * later); for older subscriptions the generation comes from this assignor's user data, Kafka's
 * {@code CooperativeStickyAssignor} encoding (an int32 generation, -1 before the first
 * assignment).
 */
public class CooperativeStickyAssignor extends AbstractStickyAssignor {

    /** The protocol name Kafka uses for this assignor. */
    public static final String COOPERATIVE_STICKY_ASSIGNOR_NAME = "cooperative-sticky";

    private volatile int generation = DEFAULT_GENERATION;

    @Override
    public String name() {
        return COOPERATIVE_STICKY_ASSIGNOR_NAME;
    }

    @Override
    public List<RebalanceProtocol> supportedProtocols() {
        return List.of(RebalanceProtocol.COOPERATIVE, RebalanceProtocol.EAGER);
    }

    @Override
    public void onAssignment(Assignment assignment, int generationId) {
        generation = generationId;
    }

    /** The generation of this member's last assignment (cooperative-sticky user data v0). */
    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        return StickyAssignorUserData.encodeCooperativeGeneration(generation);
    }

    @Override
    protected MemberData memberData(Subscription subscription) {
        if (subscription.generationId().isPresent()) {
            return new MemberData(subscription.ownedPartitions(), subscription.generationId());
        }
        return new MemberData(subscription.ownedPartitions(),
            StickyAssignorUserData.decodeCooperativeGeneration(subscription.userData()));
    }

    @Override
    protected Map<String, List<TopicPartition>> assignPartitions(Map<String, List<PartitionInfo>> partitionsPerTopic,
                                                                 Map<String, Subscription> subscriptions) {
        Map<String, List<TopicPartition>> assignment = super.assignPartitions(partitionsPerTopic, subscriptions);
        withholdPartitionsStillOwnedByOthers(assignment, subscriptions);
        return assignment;
    }

    /**
     * Removes from each member's assignment the partitions it does not own yet while another
     * member still claims them, whatever that member's generation: the claimant must revoke first.
     */
    private void withholdPartitionsStillOwnedByOthers(Map<String, List<TopicPartition>> assignment,
                                                      Map<String, Subscription> subscriptions) {
        Map<TopicPartition, Set<String>> claimants = new HashMap<>();
        Map<String, Set<TopicPartition>> ownedBy = new HashMap<>();
        subscriptions.forEach((member, s) -> {
            Set<TopicPartition> owned = new HashSet<>(memberData(s).partitions());
            ownedBy.put(member, owned);
            owned.forEach(tp -> claimants.computeIfAbsent(tp, k -> new HashSet<>()).add(member));
        });
        assignment.forEach((member, partitions) -> {
            Set<TopicPartition> mine = ownedBy.getOrDefault(member, Set.of());
            partitions.removeIf(tp -> !mine.contains(tp) && claimants.containsKey(tp));
        });
    }
}
