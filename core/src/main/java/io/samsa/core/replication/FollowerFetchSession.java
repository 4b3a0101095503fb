package io.samsa.core.replication;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A follower's side of its fetch session with one leader (KIP-227): the first request is full
 * (epoch 0) and opens a session; each later one names only the partitions whose fetch position
 * changed, and those to forget, at the next epoch. When the leader no longer knows the session, or
 * a fetch failed, the next request is full again (closing the old session). Not thread-safe: it
 * belongs to one fetcher thread.
 */
final class FollowerFetchSession {

    /** What the leader's session holds for one partition; a partition is sent again when this changes. */
    record PartitionData(Uuid topicId, long fetchOffset, int currentLeaderEpoch, int lastFetchedEpoch, long logStartOffset,
                         int maxBytes) {
    }

    /** The next request: its session id and epoch, what to send and what to forget. */
    record Plan(int sessionId, int epoch, short version, Map<TopicPartition, PartitionData> toSend, List<TopicPartition> toForget,
                Map<TopicPartition, PartitionData> next) {

        boolean isFull() {
            return epoch == 0;
        }
    }

    private int sessionId;
    private int nextEpoch;
    private short version = -1;
    private Map<TopicPartition, PartitionData> held = new LinkedHashMap<>();

    /** Plans the request that fetches exactly {@code next} at {@code requestVersion}. */
    Plan plan(Map<TopicPartition, PartitionData> next, short requestVersion) {
        if (requestVersion != version) {
            // A session opened with topic ids cannot continue by name, nor the other way round.
            nextEpoch = 0;
            version = requestVersion;
        }
        if (nextEpoch == 0) {
            return new Plan(sessionId, 0, version, next, List.of(), next);
        }
        Map<TopicPartition, PartitionData> changed = new LinkedHashMap<>();
        next.forEach((tp, data) -> {
            if (!data.equals(held.get(tp))) {
                changed.put(tp, data);
            }
        });
        List<TopicPartition> forget = new ArrayList<>();
        for (TopicPartition tp : held.keySet()) {
            if (!next.containsKey(tp)) {
                forget.add(tp);
            }
        }
        return new Plan(sessionId, nextEpoch, version, changed, forget, next);
    }

    /** The leader answered {@code plan}'s request with {@code error} and session {@code responseSessionId}. */
    void onResponse(Plan plan, Errors error, int responseSessionId) {
        if (error == Errors.NONE) {
            if (plan.isFull()) {
                sessionId = responseSessionId;
                nextEpoch = responseSessionId == 0 ? 0 : 1;
            } else {
                nextEpoch = nextEpoch == Integer.MAX_VALUE ? 1 : nextEpoch + 1;
            }
            held = new LinkedHashMap<>(plan.next());
        } else if (error == Errors.FETCH_SESSION_ID_NOT_FOUND) {
            sessionId = 0;
            nextEpoch = 0;
        } else {
            // INVALID_FETCH_SESSION_EPOCH, FETCH_SESSION_TOPIC_ID_ERROR, or anything else: start over.
            nextEpoch = 0;
        }
    }

    /** The fetch failed (no answer): whether the leader applied it is unknown, so the next request is full. */
    void onFailure() {
        nextEpoch = 0;
    }

    /** The topic id a partition held in the session was sent with (forgotten partitions are named by it). */
    Uuid topicIdOf(TopicPartition tp) {
        PartitionData d = held.get(tp);
        return d == null ? Uuid.ZERO : d.topicId();
    }

    static boolean isSessionError(Errors error) {
        return error == Errors.FETCH_SESSION_ID_NOT_FOUND || error == Errors.INVALID_FETCH_SESSION_EPOCH
                || error == Errors.FETCH_SESSION_TOPIC_ID_ERROR;
    }
}
