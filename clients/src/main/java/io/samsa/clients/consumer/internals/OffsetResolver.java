package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.NoOffsetForPartitionException;
import io.samsa.clients.consumer.OffsetAndTimestamp;
import io.samsa.clients.consumer.OffsetResetStrategy;
import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.clients.internals.ExponentialBackoff;
import io.samsa.clients.internals.NodeTarget;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.TimeoutException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.ListOffsetsRequest;
import io.samsa.protocol.message.ListOffsetsResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Finds offsets by timestamp with ListOffsets, sent to each partition's leader: the earliest
 * ({@code -2}) and latest ({@code -1}) offsets that {@code auto.offset.reset},
 * {@code seekToBeginning/End}, {@code beginningOffsets} and {@code endOffsets} need, and the
 * offsets for {@code offsetsForTimes}. Resets run asynchronously across polls, as in Kafka: a
 * reset is sent, and its answer applied by a later poll; a partition whose reset failed waits for
 * the retry back-off. Threading: owned by the application thread; the futures of
 * {@link #send} complete on the I/O thread and carry only immutable results.
 */
public final class OffsetResolver {

    private static final Logger log = LoggerFactory.getLogger(OffsetResolver.class);
    public static final long EARLIEST = -2L;
    public static final long LATEST = -1L;

    /** One attempt's outcome: offsets found, and partitions to try again (after a metadata refresh). */
    public record Attempt(Map<TopicPartition, ListedOffset> found, Set<TopicPartition> retry,
                          Map<TopicPartition, Errors> fatal) {
    }

    private final ClientIoThread io;
    private final ClientMetadata metadata;
    private final SubscriptionState subscriptions;
    private final ApplicationThreadWaiter waiter;
    private final Time time;
    private final boolean readCommitted;
    private final int requestTimeoutMs;
    private final ExponentialBackoff backoff;
    /** Resets in flight, and when each partition may be tried again; application thread only. */
    private CompletableFuture<Attempt> resetInFlight;
    private Map<TopicPartition, OffsetResetStrategy> resetStrategies = Map.of();
    private final Map<TopicPartition, Long> retryAtMs = new HashMap<>();
    private int resetFailures;

    public OffsetResolver(ClientIoThread io, SubscriptionState subscriptions, ApplicationThreadWaiter waiter, Time time,
                          boolean readCommitted, int requestTimeoutMs, long retryBackoffMs, long retryBackoffMaxMs) {
        this.io = io;
        this.metadata = io.metadata();
        this.subscriptions = subscriptions;
        this.waiter = waiter;
        this.time = time;
        this.readCommitted = readCommitted;
        this.requestTimeoutMs = requestTimeoutMs;
        this.backoff = new ExponentialBackoff(retryBackoffMs, retryBackoffMaxMs);
    }

    /** The ListOffsets timestamp of a reset strategy. */
    public static long timestampFor(OffsetResetStrategy strategy) {
        return strategy == OffsetResetStrategy.EARLIEST ? EARLIEST : LATEST;
    }

    // ---- resets (asynchronous, driven by poll) ----

    /**
     * Sends resets for the partitions awaiting one, applies the answers that came, and throws
     * {@link NoOffsetForPartitionException} for partitions with no position and no reset policy.
     */
    public void resetPositionsIfNeeded(long nowMs) {
        applyReset();
        if (resetInFlight != null) {
            return;
        }
        Map<TopicPartition, Long> wanted = new LinkedHashMap<>();
        Map<TopicPartition, OffsetResetStrategy> strategies = new HashMap<>();
        for (TopicPartition tp : subscriptions.partitionsIn(SubscriptionState.FetchState.AWAIT_RESET)) {
            OffsetResetStrategy s = subscriptions.resetStrategy(tp);
            if (s == null || s == OffsetResetStrategy.NONE) {
                throw new NoOffsetForPartitionException(tp);
            }
            if (retryAtMs.getOrDefault(tp, 0L) > nowMs) {
                continue;
            }
            wanted.put(tp, timestampFor(s));
            strategies.put(tp, s);
        }
        if (wanted.isEmpty()) {
            return;
        }
        resetStrategies = strategies;
        resetInFlight = waiter.watch(send(wanted, nowMs + requestTimeoutMs));
    }

    private void applyReset() {
        if (resetInFlight == null || !resetInFlight.isDone()) {
            return;
        }
        CompletableFuture<Attempt> done = resetInFlight;
        resetInFlight = null;
        long now = time.milliseconds();
        Attempt attempt;
        try {
            attempt = done.join();
        } catch (RuntimeException e) {
            log.debug("Offset reset failed: {}", e.toString());
            resetFailures++;
            resetStrategies.keySet().forEach(tp -> retryAtMs.put(tp, now + backoff.backoffMs(resetFailures)));
            return;
        }
        attempt.found().forEach((tp, offset) -> {
            OffsetResetStrategy s = resetStrategies.get(tp);
            if (subscriptions.isAssigned(tp) && subscriptions.fetchState(tp) == SubscriptionState.FetchState.AWAIT_RESET
                    && subscriptions.resetStrategy(tp) == s) {
                log.info("Resetting offset for partition {} to position {}", tp, offset.offset());
                subscriptions.seek(tp, new FetchPosition(offset.offset(), offset.leaderEpoch(), metadata.leaderEpoch(tp)));
            }
            retryAtMs.remove(tp);
        });
        if (!attempt.retry().isEmpty() || !attempt.fatal().isEmpty()) {
            resetFailures++;
            attempt.retry().forEach(tp -> retryAtMs.put(tp, now + backoff.backoffMs(resetFailures)));
            attempt.fatal().forEach((tp, e) -> {
                log.warn("Cannot reset the offset of {}: {}", tp, e);
                retryAtMs.put(tp, now + backoff.backoffMs(resetFailures));
            });
        } else {
            resetFailures = 0;
        }
    }

    // ---- blocking lookups for the public API ----

    /**
     * Looks offsets up, retrying partitions whose leader is unknown or moving until
     * {@code deadlineMs}. A partition with no offset for its timestamp maps to null.
     *
     * @throws TimeoutException if some partitions were not answered in time
     */
    public Map<TopicPartition, ListedOffset> lookup(Map<TopicPartition, Long> timestamps, long deadlineMs) {
        Map<TopicPartition, ListedOffset> result = new HashMap<>();
        Map<TopicPartition, Long> left = new LinkedHashMap<>(timestamps);
        int attempts = 0;
        while (!left.isEmpty()) {
            CompletableFuture<Attempt> future = send(left, deadlineMs);
            if (!waiter.awaitDone(future, deadlineMs)) {
                break;
            }
            Attempt attempt;
            try {
                attempt = future.join();
            } catch (RuntimeException e) {
                attempt = new Attempt(Map.of(), left.keySet(), Map.of());
            }
            if (!attempt.fatal().isEmpty()) {
                Map.Entry<TopicPartition, Errors> first = attempt.fatal().entrySet().iterator().next();
                throw first.getValue().exception("ListOffsets for " + first.getKey() + " failed");
            }
            result.putAll(attempt.found());
            left.keySet().removeAll(attempt.found().keySet());
            if (left.isEmpty()) {
                break;
            }
            int version = metadata.requestUpdate();
            long wait = Math.min(deadlineMs - time.milliseconds(), backoff.backoffMs(++attempts));
            if (wait <= 0) {
                break;
            }
            metadata.awaitUpdate(version, wait);
        }
        if (!left.isEmpty()) {
            throw new TimeoutException("Failed to get offsets by times for " + left.keySet() + " in time");
        }
        return result;
    }

    /** {@code offsetsForTimes}: per partition the first offset at or after its time, or null. */
    public Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestamps, long deadlineMs) {
        for (Map.Entry<TopicPartition, Long> e : timestamps.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("The target time for partition " + e.getKey() + " is "
                        + e.getValue() + ". The target time cannot be negative.");
            }
        }
        Map<TopicPartition, OffsetAndTimestamp> out = new HashMap<>();
        lookup(timestamps, deadlineMs).forEach((tp, o) ->
                out.put(tp, o == null ? null : new OffsetAndTimestamp(o.offset(), o.timestamp(), o.leaderEpoch())));
        for (TopicPartition tp : timestamps.keySet()) {
            out.putIfAbsent(tp, null);
        }
        return out;
    }

    /** {@code beginningOffsets} ({@link #EARLIEST}) and {@code endOffsets} ({@link #LATEST}). */
    public Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, long timestamp, long deadlineMs) {
        Map<TopicPartition, Long> wanted = new HashMap<>();
        partitions.forEach(tp -> wanted.put(tp, timestamp));
        Map<TopicPartition, Long> out = new HashMap<>();
        lookup(wanted, deadlineMs).forEach((tp, o) -> {
            if (o != null) {
                out.put(tp, o.offset());
            }
        });
        return out;
    }

    // ---- one attempt ----

    /** One ListOffsets round to the leaders; the future completes on the I/O thread. */
    public CompletableFuture<Attempt> send(Map<TopicPartition, Long> timestamps, long deadlineMs) {
        Map<Node, Map<TopicPartition, Long>> byLeader = new LinkedHashMap<>();
        Set<TopicPartition> noLeader = new HashSet<>();
        for (Map.Entry<TopicPartition, Long> e : timestamps.entrySet()) {
            Node leader = metadata.cluster().leaderFor(e.getKey());
            if (leader == null) {
                noLeader.add(e.getKey());
            } else {
                byLeader.computeIfAbsent(leader, n -> new LinkedHashMap<>()).put(e.getKey(), e.getValue());
            }
        }
        if (!noLeader.isEmpty()) {
            metadata.addTopics(noLeader.stream().map(TopicPartition::topic).toList());
            metadata.requestUpdate();
        }
        List<CompletableFuture<Attempt>> parts = new ArrayList<>();
        byLeader.forEach((node, partitions) -> parts.add(sendTo(node, partitions, deadlineMs)));
        return CompletableFuture.allOf(parts.toArray(new CompletableFuture<?>[0])).handle((v, e) -> {
            Map<TopicPartition, ListedOffset> found = new HashMap<>();
            Set<TopicPartition> retry = new HashSet<>(noLeader);
            Map<TopicPartition, Errors> fatal = new HashMap<>();
            for (CompletableFuture<Attempt> part : parts) {
                Attempt a = part.join();
                found.putAll(a.found());
                retry.addAll(a.retry());
                fatal.putAll(a.fatal());
            }
            return new Attempt(found, retry, fatal);
        });
    }

    private CompletableFuture<Attempt> sendTo(Node node, Map<TopicPartition, Long> partitions, long deadlineMs) {
        Map<TopicPartition, Integer> epochs = new HashMap<>();
        partitions.keySet().forEach(tp -> epochs.put(tp, metadata.leaderEpoch(tp).orElse(-1)));
        byte isolation = (byte) (readCommitted ? 1 : 0);
        ClientRequest request = ClientRequest.of(ApiKeys.LIST_OFFSETS, (short) 1, (short) 7, v -> {
            Map<String, List<ListOffsetsRequest.ListOffsetsPartition>> topics = new LinkedHashMap<>();
            partitions.forEach((tp, ts) -> {
                ListOffsetsRequest.ListOffsetsPartition p = new ListOffsetsRequest.ListOffsetsPartition()
                        .setPartitionIndex(tp.partition()).setTimestamp(ts);
                if (v >= 4) {
                    p.setCurrentLeaderEpoch(epochs.get(tp));
                }
                topics.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(p);
            });
            List<ListOffsetsRequest.ListOffsetsTopic> list = new ArrayList<>();
            topics.forEach((t, ps) -> list.add(new ListOffsetsRequest.ListOffsetsTopic().setName(t).setPartitions(ps)));
            ListOffsetsRequest r = new ListOffsetsRequest().setReplicaId(-1).setTopics(list);
            return v >= 2 ? r.setIsolationLevel(isolation) : r;
        });
        return io.send(NodeTarget.node(node.id()), request, deadlineMs).handle((response, error) -> {
            if (error != null) {
                return new Attempt(Map.of(), partitions.keySet(), Map.of());
            }
            return parse(response, partitions.keySet());
        });
    }

    private Attempt parse(ClientResponse response, Set<TopicPartition> asked) {
        ListOffsetsResponse body = response.bodyAs();
        Map<TopicPartition, ListedOffset> found = new HashMap<>();
        Set<TopicPartition> retry = new HashSet<>(asked);
        Map<TopicPartition, Errors> fatal = new HashMap<>();
        for (ListOffsetsResponse.ListOffsetsTopicResponse t : body.topics()) {
            for (ListOffsetsResponse.ListOffsetsPartitionResponse p : t.partitions()) {
                TopicPartition tp = new TopicPartition(t.name(), p.partitionIndex());
                Errors error = Errors.forCode(p.errorCode());
                if (error == Errors.NONE) {
                    retry.remove(tp);
                    found.put(tp, p.offset() < 0 ? null : new ListedOffset(p.offset(), p.timestamp(),
                            p.leaderEpoch() < 0 ? Optional.empty() : Optional.of(p.leaderEpoch())));
                } else if (error.retriable() || error == Errors.UNKNOWN_TOPIC_OR_PARTITION) {
                    metadata.requestUpdate();
                } else {
                    retry.remove(tp);
                    fatal.put(tp, error);
                }
            }
        }
        return new Attempt(found, retry, fatal);
    }
}
