package io.samsa.core.server.admin;

import io.samsa.common.Errors;
import io.samsa.common.Uuid;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Topic lifecycle operations that requests trigger and the controller carries out: a broker
 * validates and writes the intent to ZooKeeper, and the controller, watching, does the rest.
 * Implementations are thread-safe.
 */
public interface AdminManager {

    /** A topic to create. {@code numPartitions}/{@code replicationFactor} of -1 mean the broker default. */
    record NewTopic(String name, int numPartitions, short replicationFactor, Map<Integer, List<Integer>> assignments,
                    Map<String, String> configs) {
    }

    /** An error code with a message for the client (null message when there is nothing to add). */
    record ApiError(Errors error, String message) {
        public static final ApiError NONE = new ApiError(Errors.NONE, null);

        public boolean isSuccess() {
            return error == Errors.NONE;
        }
    }

    /** The outcome of creating one topic. */
    record CreateResult(ApiError error, Uuid topicId, int numPartitions, short replicationFactor, List<ConfigEntry> configs) {
        public static CreateResult failed(Errors error, String message) {
            return new CreateResult(new ApiError(error, message), Uuid.ZERO, -1, (short) -1, null);
        }
    }

    CreateResult createTopic(NewTopic topic, boolean validateOnly);

    /** Marks a topic for deletion; the controller removes it. */
    ApiError deleteTopic(String topic);

    /** Grows a topic to {@code totalCount} partitions, with explicit assignments or automatic ones (null). */
    ApiError createPartitions(String topic, int totalCount, List<List<Integer>> assignments, boolean validateOnly);

    /** Creates missing topics with the broker defaults (auto.create.topics.enable); failures are logged. */
    void autoCreate(Collection<String> topics);
}
