package io.samsa.clients.admin;

import io.samsa.common.Uuid;
import io.samsa.common.errors.ApiException;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The result of {@link Admin#createTopics}: a future per topic, and what the controller says the
 * created (or, with validateOnly, would-be) topic looks like. Thread-safe.
 */
public class CreateTopicsResult {

    /** The partition count or replication factor when the broker did not report it. */
    public static final int UNKNOWN = -1;

    /**
     * The created topic's id, partition count, replication factor and configs, or why they are
     * missing (an old broker, or a broker that may not describe the configs). Immutable.
     */
    public static class TopicMetadataAndConfig {
        private final ApiException exception;
        private final Uuid topicId;
        private final int numPartitions;
        private final int replicationFactor;
        private final Config config;

        public TopicMetadataAndConfig(Uuid topicId, int numPartitions, int replicationFactor, Config config) {
            this.exception = null;
            this.topicId = topicId;
            this.numPartitions = numPartitions;
            this.replicationFactor = replicationFactor;
            this.config = config;
        }

        public TopicMetadataAndConfig(ApiException exception) {
            this.exception = exception;
            this.topicId = Uuid.ZERO;
            this.numPartitions = UNKNOWN;
            this.replicationFactor = UNKNOWN;
            this.config = null;
        }

        public Uuid topicId() {
            ensureSuccess();
            return topicId;
        }

        public int numPartitions() {
            ensureSuccess();
            return numPartitions;
        }

        public int replicationFactor() {
            ensureSuccess();
            return replicationFactor;
        }

        public Config config() {
            ensureSuccess();
            return config;
        }

        private void ensureSuccess() {
            if (exception != null) {
                throw exception;
            }
        }
    }

    private final Map<String, CompletableFuture<TopicMetadataAndConfig>> futures;

    CreateTopicsResult(Map<String, CompletableFuture<TopicMetadataAndConfig>> futures) {
        this.futures = futures;
    }

    /** Per topic, a future that completes when it was created. */
    public Map<String, CompletableFuture<Void>> values() {
        return ResultFutures.voids(futures);
    }

    /** Completes when every topic was created; fails if any was not. */
    public CompletableFuture<Void> all() {
        return ResultFutures.all(futures.values());
    }

    public CompletableFuture<Uuid> topicId(String topic) {
        return future(topic).thenApply(TopicMetadataAndConfig::topicId);
    }

    public CompletableFuture<Integer> numPartitions(String topic) {
        return future(topic).thenApply(TopicMetadataAndConfig::numPartitions);
    }

    public CompletableFuture<Integer> replicationFactor(String topic) {
        return future(topic).thenApply(TopicMetadataAndConfig::replicationFactor);
    }

    /** The topic's configs, as the controller reports them (CreateTopics v5+). */
    public CompletableFuture<Config> config(String topic) {
        return future(topic).thenApply(TopicMetadataAndConfig::config);
    }

    private CompletableFuture<TopicMetadataAndConfig> future(String topic) {
        CompletableFuture<TopicMetadataAndConfig> f = futures.get(topic);
        if (f == null) {
            throw new IllegalArgumentException("Topic " + topic + " was not part of the request");
        }
        return f;
    }
}
