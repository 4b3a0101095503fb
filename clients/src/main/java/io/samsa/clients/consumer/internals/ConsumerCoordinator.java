package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerGroupMetadata;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.clients.consumer.OffsetCommitCallback;
import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The consumer's side of its group, put together from small parts: {@link CoordinatorFinder},
 * {@link RebalanceDriver} (join and sync), {@link HeartbeatParticipant} (on the I/O thread),
 * {@link OffsetCommitter} and {@link CommittedOffsets}. The consumer calls {@link #poll} at the
 * start of each of its polls. Owned by the application thread, except the heartbeat, which shares
 * only the thread-safe {@link GroupState}.
 */
public final class ConsumerCoordinator {

    private final ClientMetadata metadata;
    private final SubscriptionState subscriptions;
    private final ConsumerSettings settings;
    private final Time time;
    private final GroupState group;
    private final CoordinatorFinder finder;
    private final OffsetCommitter committer;
    private final CommittedOffsets committed;
    private final RebalanceDriver driver;
    private final RebalanceListenerInvoker listeners;

    public ConsumerCoordinator(ClientIoThread io, SubscriptionState subscriptions, ApplicationThreadWaiter waiter, Time time,
                               ConsumerSettings settings, ConsumerMetrics metrics) {
        this.metadata = io.metadata();
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.time = time;
        this.group = new GroupState(settings.groupId().orElseThrow(), settings.groupInstanceId(), time.milliseconds());
        this.finder = new CoordinatorFinder(io, group, waiter, time, settings.requestTimeoutMs(), settings.retryBackoffMs(),
                settings.retryBackoffMaxMs());
        this.committer = new OffsetCommitter(io, group, finder, subscriptions, waiter, time, settings, metrics);
        this.committed = new CommittedOffsets(io, group, finder, subscriptions, waiter, time, settings);
        this.listeners = new RebalanceListenerInvoker(subscriptions);
        this.driver = new RebalanceDriver(io, io.metadata(), group, finder, subscriptions,
                Assignors.of(settings.assignmentStrategies()), committer, listeners, waiter, time, settings, metrics);
        io.addParticipant(new HeartbeatParticipant(io, group, waiter, settings, metrics));
    }

    /**
     * One turn of group work, blocking until {@code deadlineMs} at most: callbacks of finished
     * commits, pattern matching, the rebalance, then auto commit. Returns whether the member has a
     * current assignment (always true without a subscription).
     */
    public boolean poll(long deadlineMs) {
        long now = time.milliseconds();
        group.polled(now);
        committer.invokeCompletedCallbacks();
        boolean ready = true;
        // A heartbeat or commit that lost the coordinator leaves finding it again to this thread.
        finder.ensureKnown(now);
        if (subscriptions.hasAutoAssignment()) {
            if (subscriptions.hasPatternSubscription()) {
                if (!metadata.isBootstrapped()) {
                    metadata.requestUpdate();
                    return false;
                }
                updatePatternSubscription();
            }
            if (driver.assignedMetadataChanged()) {
                group.requestRejoin("the partitions of a subscribed topic changed");
            }
            ready = driver.poll(deadlineMs);
        }
        committer.maybeAutoCommit(time.milliseconds());
        return ready;
    }

    /** Matches the pattern against the latest topic list; a change makes the member rejoin. */
    public void updatePatternSubscription() {
        Set<String> matched = new HashSet<>();
        for (String topic : metadata.cluster().topics()) {
            if (settings.excludeInternalTopics() && metadata.cluster().internalTopics().contains(topic)) {
                continue;
            }
            if (subscriptions.pattern().matcher(topic).matches()) {
                matched.add(topic);
            }
        }
        if (subscriptions.subscribeFromPattern(matched)) {
            group.requestRejoin("the topics matching the subscribed pattern changed");
        }
    }

    /** Positions new partitions from committed offsets, blocking until {@code deadlineMs} at most. */
    public void initializePositions(long deadlineMs) {
        committed.initializePositions(deadlineMs);
    }

    public boolean rejoinNeeded() {
        return group.rejoinNeeded() || group.phase() != GroupState.Phase.STABLE;
    }

    public void requestRejoin(String reason) {
        group.requestRejoin(reason);
    }

    public void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, long deadlineMs) {
        committer.commitSync(offsets, deadlineMs);
    }

    public void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
        committer.invokeCompletedCallbacks();
        committer.commitAsync(offsets, callback);
    }

    public Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions, long deadlineMs) {
        return committed.fetch(partitions, deadlineMs);
    }

    public ConsumerGroupMetadata groupMetadata() {
        return group.metadata();
    }

    /**
     * Gives up the partitions (revoked, or lost if the membership is gone) and leaves the group:
     * for unsubscribe and close.
     */
    public RuntimeException leave(String reason, long deadlineMs) {
        RuntimeException failure = null;
        Set<TopicPartition> owned = subscriptions.assignedPartitions();
        if (subscriptions.hasAutoAssignment() && !owned.isEmpty()) {
            failure = group.generation().isNone() || group.phase() == GroupState.Phase.UNJOINED
                    ? listeners.lost(owned) : listeners.revoked(owned);
        }
        if (subscriptions.hasAutoAssignment() || !group.generation().isNone()) {
            driver.leave(reason, deadlineMs);
        }
        return failure;
    }

    /** Close: commit positions when auto commit is on, give up partitions, leave, and wait for async commits. */
    public RuntimeException close(long deadlineMs, ApplicationThreadWaiter waiter) {
        if (!subscriptions.hasAutoAssignment() || group.phase() == GroupState.Phase.STABLE) {
            committer.maybeAutoCommitSync(deadlineMs);
        }
        RuntimeException failure = leave("the consumer is being closed", deadlineMs);
        while (committer.hasAsyncInFlight() && time.milliseconds() < deadlineMs) {
            committer.invokeCompletedCallbacks();
            if (committer.hasAsyncInFlight()) {
                waiter.await(deadlineMs);
            }
        }
        committer.invokeCompletedCallbacks();
        return failure;
    }
}
