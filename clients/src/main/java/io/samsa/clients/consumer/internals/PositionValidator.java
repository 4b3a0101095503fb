package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.LogTruncationException;
import io.samsa.clients.consumer.OffsetAndMetadata;
import io.samsa.clients.consumer.OffsetResetStrategy;
import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.clients.internals.NodeTarget;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.UnsupportedVersionException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.OffsetForLeaderEpochRequest;
import io.samsa.protocol.message.OffsetForLeaderEpochResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * KIP-320: after a partition's leader changes, checks with OffsetForLeaderEpoch that the log was
 * not truncated below the consumer's position (an unclean election). If it was, the position moves
 * back to where the logs diverge when a reset policy is set, or {@link LogTruncationException} is
 * thrown when it is {@code none}. Positions without a leader epoch (from a seek to a bare offset)
 * cannot be checked and just adopt the new epoch. Owned by the application thread; answers are
 * read from futures completed on the I/O thread.
 */
final class PositionValidator {

    private static final Logger log = LoggerFactory.getLogger(PositionValidator.class);

    /** What one OffsetForLeaderEpoch round found, per partition. */
    private record EpochEnd(Errors error, int leaderEpoch, long endOffset) {
    }

    private record InFlight(Map<TopicPartition, FetchPosition> asked,
                            CompletableFuture<Map<TopicPartition, EpochEnd>> future) {
    }

    private final ClientIoThread io;
    private final ClientMetadata metadata;
    private final SubscriptionState subscriptions;
    private final ApplicationThreadWaiter waiter;
    private final int requestTimeoutMs;
    private final List<InFlight> inFlight = new ArrayList<>();

    PositionValidator(ClientIoThread io, SubscriptionState subscriptions, ApplicationThreadWaiter waiter, int requestTimeoutMs) {
        this.io = io;
        this.metadata = io.metadata();
        this.subscriptions = subscriptions;
        this.waiter = waiter;
        this.requestTimeoutMs = requestTimeoutMs;
    }

    /** Marks positions whose leader changed, sends checks, and applies the answers that came. */
    void validateIfNeeded(long nowMs) {
        applyAnswers();
        for (TopicPartition tp : subscriptions.partitionsIn(SubscriptionState.FetchState.FETCHING)) {
            Optional<Integer> latest = metadata.leaderEpoch(tp);
            FetchPosition position = subscriptions.position(tp);
            if (latest.isEmpty() || position.currentLeaderEpoch().equals(latest)) {
                continue;
            }
            if (position.currentLeaderEpoch().isEmpty() || position.offsetEpoch().isEmpty()) {
                subscriptions.updateCurrentLeaderEpoch(tp, latest);
            } else if (latest.get() > position.currentLeaderEpoch().get()) {
                log.debug("Leader epoch of {} moved from {} to {}; validating position {}", tp,
                        position.currentLeaderEpoch().get(), latest.get(), position.offset());
                subscriptions.requestValidation(tp);
            }
        }
        sendChecks(nowMs);
    }

    private void sendChecks(long nowMs) {
        Set<TopicPartition> busy = new HashSet<>();
        inFlight.forEach(f -> busy.addAll(f.asked().keySet()));
        Map<Node, Map<TopicPartition, FetchPosition>> byLeader = new LinkedHashMap<>();
        for (TopicPartition tp : subscriptions.partitionsIn(SubscriptionState.FetchState.AWAIT_VALIDATION)) {
            Node leader = metadata.cluster().leaderFor(tp);
            if (busy.contains(tp) || leader == null) {
                continue;
            }
            byLeader.computeIfAbsent(leader, n -> new LinkedHashMap<>()).put(tp, subscriptions.position(tp));
        }
        byLeader.forEach((node, asked) -> inFlight.add(new InFlight(asked, waiter.watch(send(node, asked, nowMs)))));
    }

    private CompletableFuture<Map<TopicPartition, EpochEnd>> send(Node node, Map<TopicPartition, FetchPosition> asked,
                                                                  long nowMs) {
        Map<TopicPartition, Integer> current = new HashMap<>();
        asked.keySet().forEach(tp -> current.put(tp, metadata.leaderEpoch(tp).orElse(-1)));
        ClientRequest request = ClientRequest.of(ApiKeys.OFFSET_FOR_LEADER_EPOCH, (short) 2, (short) 4, v -> {
            Map<String, List<OffsetForLeaderEpochRequest.OffsetForLeaderPartition>> topics = new LinkedHashMap<>();
            asked.forEach((tp, pos) -> topics.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(
                    new OffsetForLeaderEpochRequest.OffsetForLeaderPartition().setPartition(tp.partition())
                            .setCurrentLeaderEpoch(current.get(tp)).setLeaderEpoch(pos.offsetEpoch().orElse(-1))));
            List<OffsetForLeaderEpochRequest.OffsetForLeaderTopic> list = new ArrayList<>();
            topics.forEach((t, ps) -> list.add(new OffsetForLeaderEpochRequest.OffsetForLeaderTopic().setTopic(t).setPartitions(ps)));
            OffsetForLeaderEpochRequest r = new OffsetForLeaderEpochRequest().setTopics(list);
            return v >= 3 ? r.setReplicaId(-2) : r;
        });
        return io.send(NodeTarget.node(node.id()), request, nowMs + requestTimeoutMs).thenApply(response -> parse(response));
    }

    private static Map<TopicPartition, EpochEnd> parse(ClientResponse response) {
        OffsetForLeaderEpochResponse body = response.bodyAs();
        Map<TopicPartition, EpochEnd> out = new HashMap<>();
        for (OffsetForLeaderEpochResponse.OffsetForLeaderTopicResult t : body.topics()) {
            for (OffsetForLeaderEpochResponse.EpochEndOffset p : t.partitions()) {
                out.put(new TopicPartition(t.topic(), p.partition()),
                        new EpochEnd(Errors.forCode(p.errorCode()), p.leaderEpoch(), p.endOffset()));
            }
        }
        return out;
    }

    private void applyAnswers() {
        Map<TopicPartition, Long> truncated = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> divergent = new HashMap<>();
        for (var it = inFlight.iterator(); it.hasNext(); ) {
            InFlight f = it.next();
            if (!f.future().isDone()) {
                continue;
            }
            it.remove();
            Map<TopicPartition, EpochEnd> answers;
            try {
                answers = f.future().join();
            } catch (RuntimeException e) {
                if (e.getCause() instanceof UnsupportedVersionException) {
                    // The broker cannot check; trust the position as older clients do.
                    f.asked().keySet().forEach(tp -> subscriptions.completeValidation(tp, metadata.leaderEpoch(tp)));
                }
                continue; // otherwise retried at the next poll
            }
            f.asked().forEach((tp, asked) -> {
                EpochEnd end = answers.get(tp);
                if (end == null || !subscriptions.isAssigned(tp)
                        || subscriptions.fetchState(tp) != SubscriptionState.FetchState.AWAIT_VALIDATION
                        || !subscriptions.position(tp).equals(asked)) {
                    return;
                }
                if (end.error() != Errors.NONE) {
                    log.debug("OffsetForLeaderEpoch of {} answered {}", tp, end.error());
                    metadata.requestUpdate();
                    return;
                }
                if (end.endOffset() < 0 || end.leaderEpoch() < 0) {
                    log.warn("Truncation detected for {} with no divergent offset; resetting by policy", tp);
                    if (!subscriptions.requestDefaultReset(tp)) {
                        truncated.put(tp, asked.offset());
                    }
                } else if (end.endOffset() < asked.offset()) {
                    log.warn("Truncation detected for {} at offset {}: the leader's log ends epoch {} at {}", tp,
                            asked.offset(), end.leaderEpoch(), end.endOffset());
                    if (subscriptions.defaultResetStrategy() != OffsetResetStrategy.NONE) {
                        subscriptions.seek(tp, new FetchPosition(end.endOffset(), Optional.of(end.leaderEpoch()),
                                metadata.leaderEpoch(tp)));
                    } else {
                        truncated.put(tp, asked.offset());
                        divergent.put(tp, new OffsetAndMetadata(end.endOffset(), Optional.of(end.leaderEpoch()), null));
                    }
                } else {
                    subscriptions.completeValidation(tp, metadata.leaderEpoch(tp));
                }
            });
        }
        if (!truncated.isEmpty()) {
            throw new LogTruncationException("Detected truncated partitions: " + truncated, truncated, divergent);
        }
    }
}
