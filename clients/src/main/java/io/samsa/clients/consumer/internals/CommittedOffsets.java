package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.clients.internals.ExponentialBackoff;
import io.samsa.clients.internals.NodeTarget;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.RetriableException;
import io.samsa.common.errors.TimeoutException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.OffsetFetchRequest;
import io.samsa.protocol.message.OffsetFetchResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the group's committed offsets with OffsetFetch: for {@code committed()}, and to position
 * newly assigned partitions (a partition without a committed offset is reset by its policy).
 * Owned by the application thread; request futures complete on the I/O thread with immutable maps.
 */
final class CommittedOffsets {

    private final ClientIoThread io;
    private final GroupState group;
    private final CoordinatorFinder finder;
    private final SubscriptionState subscriptions;
    private final ApplicationThreadWaiter waiter;
    private final Time time;
    private final boolean requireStable;
    private final ExponentialBackoff backoff;
    private final int requestTimeoutMs;
    /** The lookup that positions INITIALIZING partitions, carried across polls. */
    private CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> initInFlight;
    private Set<TopicPartition> initPartitions = Set.of();
    private long retryAtMs;
    private int failures;

    CommittedOffsets(ClientIoThread io, GroupState group, CoordinatorFinder finder, SubscriptionState subscriptions,
                     ApplicationThreadWaiter waiter, Time time, ConsumerSettings settings) {
        this.io = io;
        this.group = group;
        this.finder = finder;
        this.subscriptions = subscriptions;
        this.waiter = waiter;
        this.time = time;
        this.requireStable = settings.readCommitted();
        this.backoff = new ExponentialBackoff(settings.retryBackoffMs(), settings.retryBackoffMaxMs());
        this.requestTimeoutMs = settings.requestTimeoutMs();
    }

    /**
     * Positions partitions that just got assigned from the committed offsets, blocking up to
     * {@code deadlineMs}; partitions without one go to their reset policy.
     */
    void initializePositions(long deadlineMs) {
        if (initInFlight == null) {
            List<TopicPartition> waiting = subscriptions.partitionsIn(SubscriptionState.FetchState.INITIALIZING);
            if (waiting.isEmpty() || time.milliseconds() < retryAtMs) {
                return;
            }
            if (!finder.ensureKnown(deadlineMs)) {
                return;
            }
            initPartitions = Set.copyOf(waiting);
            initInFlight = send(initPartitions, time.milliseconds() + requestTimeoutMs);
        }
        if (!waiter.awaitDone(initInFlight, deadlineMs)) {
            return;
        }
        CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> done = initInFlight;
        initInFlight = null;
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = done.join();
            failures = 0;
        } catch (RuntimeException e) {
            retryAtMs = time.milliseconds() + backoff.backoffMs(++failures);
            if (e.getCause() instanceof RetriableException || e instanceof RetriableException) {
                return;
            }
            throw e;
        }
        for (TopicPartition tp : initPartitions) {
            if (!subscriptions.isAssigned(tp) || subscriptions.fetchState(tp) != SubscriptionState.FetchState.INITIALIZING) {
                continue;
            }
            OffsetAndMetadata om = committed.get(tp);
            if (om != null) {
                subscriptions.seek(tp, new FetchPosition(om.offset(), om.leaderEpoch(), io.metadata().leaderEpoch(tp)));
            } else {
                subscriptions.requestReset(tp, subscriptions.defaultResetStrategy());
            }
        }
    }

    /** The committed offsets of {@code partitions} (absent: none committed), retrying until {@code deadlineMs}. */
    Map<TopicPartition, OffsetAndMetadata> fetch(Set<TopicPartition> partitions, long deadlineMs) {
        int attempts = 0;
        while (finder.ensureKnown(deadlineMs)) {
            CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> f = send(partitions, deadlineMs);
            if (!waiter.awaitDone(f, deadlineMs)) {
                break;
            }
            try {
                return f.join();
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                if (!(cause instanceof RetriableException)) {
                    throw cause instanceof RuntimeException r ? r : e;
                }
            }
            long wait = Math.min(backoff.backoffMs(++attempts), deadlineMs - time.milliseconds());
            if (wait <= 0) {
                break;
            }
            waiter.await(time.milliseconds() + wait);
        }
        throw new TimeoutException("Timeout of reading the committed offsets of " + partitions);
    }

    private CompletableFuture<Map<TopicPartition, OffsetAndMetadata>> send(Set<TopicPartition> partitions, long deadlineMs) {
        Node coordinator = group.coordinator();
        String groupId = group.groupId();
        Map<String, List<Integer>> byTopic = new LinkedHashMap<>();
        for (TopicPartition tp : partitions) {
            byTopic.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition());
        }
        boolean stable = requireStable;
        ClientRequest request = ClientRequest.of(ApiKeys.OFFSET_FETCH, (short) 1, (short) 7, v -> {
            List<OffsetFetchRequest.OffsetFetchRequestTopic> topics = new ArrayList<>();
            byTopic.forEach((t, ps) -> topics.add(new OffsetFetchRequest.OffsetFetchRequestTopic().setName(t)
                    .setPartitionIndexes(ps)));
            OffsetFetchRequest r = new OffsetFetchRequest().setGroupId(groupId).setTopics(topics);
            return v >= 7 ? r.setRequireStable(stable) : r;
        });
        return waiter.watch(io.send(NodeTarget.node(coordinator), request, deadlineMs)).thenApply(response -> {
            return parse(response, coordinator);
        });
    }

    private Map<TopicPartition, OffsetAndMetadata> parse(ClientResponse response, Node coordinator) {
        OffsetFetchResponse body = response.bodyAs();
        Errors top = Errors.forCode(body.errorCode());
        if (top != Errors.NONE) {
            if (top == Errors.NOT_COORDINATOR || top == Errors.COORDINATOR_NOT_AVAILABLE) {
                group.coordinatorUnknown(coordinator);
            }
            throw top.exception("OffsetFetch failed");
        }
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        for (OffsetFetchResponse.OffsetFetchResponseTopic t : body.topics()) {
            for (OffsetFetchResponse.OffsetFetchResponsePartition p : t.partitions()) {
                Errors error = Errors.forCode(p.errorCode());
                if (error != Errors.NONE) {
                    throw error.exception("OffsetFetch of " + t.name() + "-" + p.partitionIndex() + " failed");
                }
                if (p.committedOffset() >= 0) {
                    Optional<Integer> epoch = p.committedLeaderEpoch() < 0 ? Optional.empty() : Optional.of(p.committedLeaderEpoch());
                    out.put(new TopicPartition(t.name(), p.partitionIndex()),
                            new OffsetAndMetadata(p.committedOffset(), epoch, p.metadata() == null ? "" : p.metadata()));
                }
            }
        }
        return out;
    }
}
