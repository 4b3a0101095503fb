package io.samsa.clients.consumer.internals;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The client's half of one broker's incremental fetch session (KIP-227): the first request is
 * full and asks the broker to open a session; later ones name only the partitions added or
 * changed since, and the partitions to forget, under the next session epoch. An error, or a
 * request that failed on the wire, makes the next request full again, closing the old session.
 * Not thread-safe: owned by the application thread (the {@link Fetcher} builds requests and reads
 * answers there).
 */
public final class FetchSessionHandler {

    /** No session: the broker did not open one, or it was closed. */
    public static final int INVALID_SESSION_ID = 0;
    /** The epoch of a full request that opens a session. */
    public static final int INITIAL_EPOCH = 0;

    /** What the consumer asks for one partition. Immutable. */
    public record PartitionData(long fetchOffset, long logStartOffset, int maxBytes, int currentLeaderEpoch,
                                int lastFetchedEpoch) {
    }

    /**
     * One request's contents: the session id and epoch to send, the partitions to send, those to
     * forget, and every partition the request covers (the session after it). Immutable.
     */
    public record Request(int sessionId, int epoch, Map<TopicPartition, PartitionData> toSend,
                          List<TopicPartition> toForget, Map<TopicPartition, PartitionData> sessionPartitions) {

        public boolean isFull() {
            return epoch == INITIAL_EPOCH;
        }
    }

    private final int node;
    private int sessionId = INVALID_SESSION_ID;
    private int nextEpoch = INITIAL_EPOCH;
    /** What the broker's session holds once the last request was accepted. */
    private Map<TopicPartition, PartitionData> sessionPartitions = Map.of();

    public FetchSessionHandler(int node) {
        this.node = node;
    }

    public int node() {
        return node;
    }

    public int sessionId() {
        return sessionId;
    }

    public int nextEpoch() {
        return nextEpoch;
    }

    /** The request for {@code wanted}, the partitions the consumer fetches from this broker now. */
    public Request build(Map<TopicPartition, PartitionData> wanted) {
        Map<TopicPartition, PartitionData> copy = Collections.unmodifiableMap(new LinkedHashMap<>(wanted));
        if (nextEpoch == INITIAL_EPOCH) {
            sessionPartitions = copy;
            return new Request(sessionId, INITIAL_EPOCH, copy, List.of(), copy);
        }
        Map<TopicPartition, PartitionData> toSend = new LinkedHashMap<>();
        wanted.forEach((tp, data) -> {
            if (!Objects.equals(sessionPartitions.get(tp), data)) {
                toSend.put(tp, data);
            }
        });
        List<TopicPartition> toForget = new ArrayList<>();
        for (TopicPartition tp : sessionPartitions.keySet()) {
            if (!wanted.containsKey(tp)) {
                toForget.add(tp);
            }
        }
        sessionPartitions = copy;
        return new Request(sessionId, nextEpoch, Collections.unmodifiableMap(toSend), List.copyOf(toForget), copy);
    }

    /**
     * Takes the broker's answer to {@code request}; returns whether its partition data can be used
     * (false for a session error, after which the next request is full).
     */
    public boolean handleResponse(Request request, Errors error, int responseSessionId) {
        if (error != Errors.NONE) {
            if (error == Errors.FETCH_SESSION_ID_NOT_FOUND) {
                sessionId = INVALID_SESSION_ID;
            }
            // INVALID_FETCH_SESSION_EPOCH and anything else: start again with a full request.
            nextEpoch = INITIAL_EPOCH;
            return false;
        }
        if (request.isFull()) {
            sessionId = responseSessionId;
            nextEpoch = responseSessionId == INVALID_SESSION_ID ? INITIAL_EPOCH : 1;
        } else {
            nextEpoch = nextEpoch == Integer.MAX_VALUE ? 1 : nextEpoch + 1;
        }
        return true;
    }

    /** The request failed on the wire: the next one is full and replaces the session. */
    public void handleError() {
        nextEpoch = INITIAL_EPOCH;
    }
}
