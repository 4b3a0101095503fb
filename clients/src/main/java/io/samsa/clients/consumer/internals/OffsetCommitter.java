package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.CommitFailedException;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.clients.consumer.OffsetCommitCallback;
import io.samsa.clients.consumer.RetriableCommitFailedException;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.clients.internals.ExponentialBackoff;
import io.samsa.clients.internals.NodeTarget;
import io.samsa.clients.internals.RequestSender;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.CoordinatorNotAvailableException;
import io.samsa.common.errors.RebalanceInProgressException;
import io.samsa.common.errors.TimeoutException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.OffsetCommitRequest;
import io.samsa.protocol.message.OffsetCommitResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Commits offsets to the group coordinator: {@code commitSync} retries retriable failures until
 * its deadline; {@code commitAsync} sends once and reports to its callback; auto commit is an
 * asynchronous commit of every position each {@code auto.commit.interval.ms}, run by poll.
 * Callbacks run on the application thread, as Kafka's do: answers arriving on the I/O thread are
 * queued and {@link #invokeCompletedCallbacks} runs them during poll and commitSync. Owned by the
 * application thread apart from that queue.
 */
final class OffsetCommitter {

    private static final Logger log = LoggerFactory.getLogger(OffsetCommitter.class);

    private record Completed(OffsetCommitCallback callback, Map<TopicPartition, OffsetAndMetadata> offsets,
                             Exception error) {
    }

    private final RequestSender sender;
    private final GroupState group;
    private final CoordinatorFinder finder;
    private final SubscriptionState subscriptions;
    private final ApplicationThreadWaiter waiter;
    private final Time time;
    private final int requestTimeoutMs;
    private final ExponentialBackoff backoff;
    private final boolean autoCommit;
    private final long autoCommitIntervalMs;
    private final ConsumerMetrics metrics;
    private final ConcurrentLinkedQueue<Completed> completed = new ConcurrentLinkedQueue<>();
    private long nextAutoCommitMs;
    private int asyncInFlight;

    OffsetCommitter(RequestSender sender, GroupState group, CoordinatorFinder finder, SubscriptionState subscriptions,
                    ApplicationThreadWaiter waiter, Time time, ConsumerSettings settings, ConsumerMetrics metrics) {
        this.sender = sender;
        this.metrics = metrics;
        this.group = group;
        this.finder = finder;
        this.subscriptions = subscriptions;
        this.waiter = waiter;
        this.time = time;
        this.requestTimeoutMs = settings.requestTimeoutMs();
        this.backoff = new ExponentialBackoff(settings.retryBackoffMs(), settings.retryBackoffMaxMs());
        this.autoCommit = settings.autoCommit();
        this.autoCommitIntervalMs = settings.autoCommitIntervalMs();
        this.nextAutoCommitMs = time.milliseconds() + autoCommitIntervalMs;
    }

    boolean autoCommitEnabled() {
        return autoCommit;
    }

    /** Runs the callbacks of asynchronous commits that finished. */
    void invokeCompletedCallbacks() {
        Completed c;
        while ((c = completed.poll()) != null) {
            asyncInFlight--;
            if (c.callback() != null) {
                c.callback().onComplete(c.offsets(), c.error());
            }
        }
    }

    /** Auto commit, when due: every position, asynchronously. */
    void maybeAutoCommit(long nowMs) {
        if (!autoCommit || nowMs < nextAutoCommitMs) {
            return;
        }
        nextAutoCommitMs = nowMs + autoCommitIntervalMs;
        Map<TopicPartition, OffsetAndMetadata> offsets = subscriptions.allConsumed();
        if (offsets.isEmpty() || !canCommitNow()) {
            return;
        }
        commitAsync(offsets, (o, e) -> {
            if (e != null) {
                log.debug("Auto commit of {} failed: {}", o, e.toString());
            }
        });
    }

    /** Before the partitions go (rebalance, close): commit every position synchronously when auto commit is on. */
    void maybeAutoCommitSync(long deadlineMs) {
        if (!autoCommit) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = subscriptions.allConsumed();
        if (offsets.isEmpty()) {
            return;
        }
        try {
            commitSync(offsets, deadlineMs);
        } catch (RuntimeException e) {
            log.warn("Synchronous auto-commit of offsets {} failed: {}", offsets, e.toString());
        }
    }

    private boolean canCommitNow() {
        return !subscriptions.hasAutoAssignment() || group.phase() == GroupState.Phase.STABLE;
    }

    void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
        Map<TopicPartition, OffsetAndMetadata> copy = Map.copyOf(offsets);
        asyncInFlight++;
        if (copy.isEmpty()) {
            completed.add(new Completed(callback, copy, null));
            return;
        }
        if (!finder.ensureKnown(time.milliseconds())) {
            completed.add(new Completed(callback, copy, new RetriableCommitFailedException(
                    new CoordinatorNotAvailableException("The coordinator is not available"))));
            return;
        }
        RuntimeException notMember = generationProblem();
        if (notMember != null) {
            completed.add(new Completed(callback, copy, notMember));
            return;
        }
        send(copy, time.milliseconds() + requestTimeoutMs).whenComplete((error, t) -> {
            Exception e = t != null ? new RetriableCommitFailedException(t) : error;
            if (e instanceof io.samsa.common.errors.RetriableException && !(e instanceof RetriableCommitFailedException)) {
                e = new RetriableCommitFailedException(e);
            }
            completed.add(new Completed(callback, copy, e));
            waiter.signal();
        });
    }

    /**
     * Commits, retrying until {@code deadlineMs}.
     *
     * @throws CommitFailedException if the member is no longer in the group's generation
     * @throws TimeoutException if the offsets were not committed in time
     */
    void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, long deadlineMs) {
        invokeCompletedCallbacks();
        if (offsets.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> copy = Map.copyOf(offsets);
        int attempts = 0;
        while (true) {
            if (!finder.ensureKnown(deadlineMs)) {
                break;
            }
            RuntimeException notMember = generationProblem();
            if (notMember != null) {
                throw notMember;
            }
            CompletableFuture<RuntimeException> future = send(copy, deadlineMs);
            if (!waiter.awaitDone(future, deadlineMs)) {
                break;
            }
            RuntimeException error;
            try {
                error = future.join();
            } catch (RuntimeException e) {
                error = new RetriableCommitFailedException(e);
            }
            if (error == null) {
                return;
            }
            if (!(error instanceof io.samsa.common.errors.RetriableException)) {
                throw error;
            }
            long wait = Math.min(backoff.backoffMs(++attempts), deadlineMs - time.milliseconds());
            if (wait <= 0) {
                break;
            }
            waiter.await(time.milliseconds() + wait);
        }
        throw new TimeoutException("Timeout of " + Math.max(0, deadlineMs - time.milliseconds())
                + "ms expired before successfully committing offsets " + copy);
    }

    /** Whether an async commit is still waiting for its answer (close waits for them). */
    boolean hasAsyncInFlight() {
        return asyncInFlight > 0;
    }

    private RuntimeException generationProblem() {
        if (!subscriptions.hasAutoAssignment()) {
            return null;
        }
        GroupState.Phase phase = group.phase();
        if (phase == GroupState.Phase.STABLE) {
            return null;
        }
        if (phase == GroupState.Phase.REBALANCING) {
            return new RebalanceInProgressException("Offset commit cannot be completed since the consumer is undergoing "
                    + "a rebalance for auto partition assignment. You can try completing the rebalance by calling poll() "
                    + "and then retry the operation.");
        }
        return new CommitFailedException();
    }

    /** Sends one OffsetCommit; the future carries the failure to report, or null. Completes on the I/O thread. */
    private CompletableFuture<RuntimeException> send(Map<TopicPartition, OffsetAndMetadata> offsets, long deadlineMs) {
        Node coordinator = group.coordinator();
        GroupState.Generation g = subscriptions.hasAutoAssignment() ? group.generation() : GroupState.Generation.NONE;
        String groupId = group.groupId();
        String instanceId = group.groupInstanceId().orElse(null);
        ClientRequest request = ClientRequest.of(ApiKeys.OFFSET_COMMIT, (short) 2, (short) 8, v -> {
            Map<String, List<OffsetCommitRequest.OffsetCommitRequestPartition>> topics = new LinkedHashMap<>();
            offsets.forEach((tp, om) -> {
                OffsetCommitRequest.OffsetCommitRequestPartition p = new OffsetCommitRequest.OffsetCommitRequestPartition()
                        .setPartitionIndex(tp.partition()).setCommittedOffset(om.offset())
                        .setCommittedMetadata(om.metadata() == null ? "" : om.metadata());
                if (v >= 6) {
                    p.setCommittedLeaderEpoch(om.leaderEpoch().orElse(-1));
                }
                topics.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(p);
            });
            List<OffsetCommitRequest.OffsetCommitRequestTopic> list = new ArrayList<>();
            topics.forEach((t, ps) -> list.add(new OffsetCommitRequest.OffsetCommitRequestTopic().setName(t).setPartitions(ps)));
            OffsetCommitRequest r = new OffsetCommitRequest().setGroupId(groupId).setGenerationIdOrMemberEpoch(g.generationId())
                    .setMemberId(g.memberId()).setTopics(list);
            if (v <= 4) {
                r.setRetentionTimeMs(-1);
            }
            if (v >= 7) {
                r.setGroupInstanceId(instanceId);
            }
            return r;
        });
        return sender.send(NodeTarget.node(coordinator), request, deadlineMs, requestTimeoutMs).handle((response, t) -> {
            if (t != null) {
                group.coordinatorUnknown(coordinator);
                return new RetriableCommitFailedException("Offset commit failed: " + t.getMessage(), t);
            }
            metrics.recordCommit(response.latencyMs());
            return outcome(response, coordinator, g);
        });
    }

    private RuntimeException outcome(ClientResponse response, Node coordinator, GroupState.Generation g) {
        OffsetCommitResponse body = response.bodyAs();
        for (OffsetCommitResponse.OffsetCommitResponseTopic t : body.topics()) {
            for (OffsetCommitResponse.OffsetCommitResponsePartition p : t.partitions()) {
                Errors error = Errors.forCode(p.errorCode());
                CommitDecision decision = CommitDecision.of(error);
                switch (decision) {
                    case DONE -> {
                    }
                    case RETRY -> {
                        return new RetriableCommitFailedException(error.exception("Offset commit failed"));
                    }
                    case RETRY_NEW_COORDINATOR -> {
                        group.coordinatorUnknown(coordinator);
                        return new RetriableCommitFailedException(error.exception("Offset commit failed"));
                    }
                    case FAIL_MEMBERSHIP -> {
                        if (g.equals(group.generation())) {
                            group.resetGeneration("offset commit answered " + error, error == Errors.UNKNOWN_MEMBER_ID);
                        }
                        return new CommitFailedException();
                    }
                    case FAIL_REBALANCING -> {
                        group.requestRejoin("offset commit answered REBALANCE_IN_PROGRESS");
                        return new RebalanceInProgressException("Offset commit cannot be completed since the consumer "
                                + "group is rebalancing; call poll() and retry");
                    }
                    case FAIL -> {
                        return error.exception("Offset commit of " + t.name() + "-" + p.partitionIndex() + " failed");
                    }
                }
            }
        }
        return null;
    }
}
