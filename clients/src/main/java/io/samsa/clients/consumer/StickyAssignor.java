package io.samsa.clients.consumer;

import io.samsa.clients.consumer.internals.AbstractStickyAssignor;
import io.samsa.clients.consumer.internals.StickyAssignorUserData;
import io.samsa.common.TopicPartition;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code sticky} assignor, for the eager rebalance protocol: an assignment as balanced as
 * possible (partition counts differ by at most one when all members subscribe to the same topics;
 * otherwise no member has two fewer than one holding a partition it could take), which keeps as
 * many partitions as possible where they were. Less movement means less state to rebuild after a
 * rebalance. Thread-safe.
 *
 * <p>An eager member revokes all its partitions before it rejoins, so it reports what it owned in
 * its subscription's user data instead: its last assignment and that assignment's generation, in
 * Kafka's {@code StickyAssignor} encoding (see {@link StickyAssignorUserData}), so a Kafka leader
 * keeps Samsa members sticky and the other way round. Where the previous owners disagree, the
 * claim from the highest generation wins.
 *
 * <p>Prefer {@link CooperativeStickyAssignor}, which moves the same partitions without stopping
 * the others.
 */
public class StickyAssignor extends AbstractStickyAssignor {

    /** The protocol name Kafka uses for this assignor. */
    public static final String STICKY_ASSIGNOR_NAME = "sticky";

    /** This member's last assignment; null until it has one. */
    private volatile LastAssignment last;

    @Override
    public String name() {
        return STICKY_ASSIGNOR_NAME;
    }

    @Override
    public void onAssignment(Assignment assignment, int generationId) {
        last = new LastAssignment(assignment.partitions(), generationId);
    }

    /** This member's last assignment and its generation (sticky user data v1), or null before the first. */
    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        LastAssignment snapshot = last;
        return snapshot == null ? null
            : StickyAssignorUserData.encodeStickyAssignment(snapshot.partitions, snapshot.generation);
    }

    /** Read from the user data only: an eager member owns nothing when it joins. */
    @Override
    protected MemberData memberData(Subscription subscription) {
        ByteBuffer userData = subscription.userData();
        if (userData == null || !userData.hasRemaining()) {
            return new MemberData(List.of(), Optional.empty());
        }
        return StickyAssignorUserData.decodeStickyAssignment(userData);
    }

    private record LastAssignment(List<TopicPartition> partitions, int generation) {
    }
}
