package io.samsa.clients.consumer.internals;

import io.samsa.clients.internals.ClientIoThread;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;

/**
 * Brings every assigned partition to a fetchable position, in Kafka's order: validate positions
 * whose leader changed ({@link PositionValidator}), take committed offsets for new partitions
 * (with a group), and reset the rest by policy ({@link OffsetResolver}). Owned by the
 * application thread.
 */
public final class PositionUpdater {

    private final SubscriptionState subscriptions;
    private final OffsetResolver offsets;
    private final ConsumerCoordinator coordinator;
    private final PositionValidator validator;
    private final Time time;

    public PositionUpdater(ClientIoThread io, SubscriptionState subscriptions, OffsetResolver offsets,
                           ConsumerCoordinator coordinator, ApplicationThreadWaiter waiter, Time time, int requestTimeoutMs) {
        this.subscriptions = subscriptions;
        this.offsets = offsets;
        this.coordinator = coordinator;
        this.time = time;
        this.validator = new PositionValidator(io, subscriptions, waiter, requestTimeoutMs);
    }

    /** Does what can be done by {@code deadlineMs} (now: without blocking). */
    public void update(long deadlineMs) {
        long now = time.milliseconds();
        validator.validateIfNeeded(now);
        if (subscriptions.hasAllFetchPositions()) {
            return;
        }
        if (coordinator != null) {
            coordinator.initializePositions(deadlineMs);
        } else {
            for (TopicPartition tp : subscriptions.partitionsIn(SubscriptionState.FetchState.INITIALIZING)) {
                subscriptions.requestReset(tp, subscriptions.defaultResetStrategy());
            }
        }
        offsets.resetPositionsIfNeeded(time.milliseconds());
    }
}
