package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerRebalanceListener;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Changes what the consumer reads, with Kafka's argument checks: subscribing to topics or a
 * pattern, assigning partitions by hand, unsubscribing. Each change reaches every part that
 * depends on it: the {@link SubscriptionState}, the topics the metadata tracks, the fetcher's
 * buffered records, and the group (a rejoin, or leaving it). Owned by the application thread.
 */
public final class SubscriptionUpdater {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionUpdater.class);

    private final SubscriptionState subscriptions;
    private final ClientMetadata metadata;
    private final Fetcher<?, ?> fetcher;
    /** Null without a group. */
    private final ConsumerCoordinator coordinator;
    private final Time time;
    private final long leaveTimeoutMs;

    /** @param leaveTimeoutMs how long unsubscribing may wait for the group to be left */
    public SubscriptionUpdater(SubscriptionState subscriptions, ClientMetadata metadata, Fetcher<?, ?> fetcher,
                               ConsumerCoordinator coordinator, Time time, long leaveTimeoutMs) {
        this.subscriptions = subscriptions;
        this.metadata = metadata;
        this.fetcher = fetcher;
        this.coordinator = coordinator;
        this.time = time;
        this.leaveTimeoutMs = leaveTimeoutMs;
    }

    /**
     * Subscribes to exactly {@code topics}; an empty collection unsubscribes. The consumer must
     * have a group.
     *
     * @throws IllegalArgumentException if {@code topics} is null or holds a null or blank name
     */
    public void subscribe(Collection<String> topics, ConsumerRebalanceListener listener) {
        if (topics == null) {
            throw new IllegalArgumentException("Topic collection to subscribe to cannot be null");
        }
        if (topics.isEmpty()) {
            unsubscribe();
            return;
        }
        for (String t : topics) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("Topic collection to subscribe to cannot contain null or empty topic");
            }
        }
        log.info("Subscribed to topic(s): {}", String.join(", ", topics));
        if (subscriptions.subscribe(new HashSet<>(topics), listener)) {
            coordinator.requestRejoin("the subscription changed");
        }
        metadata.setTopics(topics);
    }

    /**
     * Subscribes to the topics matching {@code pattern}, now and as topics come and go. The
     * consumer must have a group.
     *
     * @throws IllegalArgumentException if {@code pattern} is null or empty
     */
    public void subscribe(Pattern pattern, ConsumerRebalanceListener listener) {
        if (pattern == null || pattern.toString().isEmpty()) {
            throw new IllegalArgumentException("Topic pattern to subscribe to cannot be " + (pattern == null ? "null" : "empty"));
        }
        log.info("Subscribed to pattern: '{}'", pattern);
        subscriptions.subscribe(pattern, listener);
        metadata.setAllTopics(true);
        metadata.requestUpdate();
    }

    /**
     * Drops the subscription or assignment, leaving the group if there is one (whose rebalance
     * listener's failure is thrown after the consumer has unsubscribed).
     */
    public void unsubscribe() {
        RuntimeException failure = null;
        if (coordinator != null) {
            failure = coordinator.leave("the consumer unsubscribed", time.milliseconds() + leaveTimeoutMs);
        }
        subscriptions.unsubscribe();
        fetcher.clearBufferedDataForUnassigned();
        metadata.setTopics(List.of());
        metadata.setAllTopics(false);
        log.info("Unsubscribed all topics or patterns and assigned partitions");
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Reads exactly {@code partitions}, without the group's assignment; an empty collection
     * unsubscribes.
     *
     * @throws IllegalArgumentException if {@code partitions} is null or holds a partition with a
     *         null or blank topic
     */
    public void assign(Collection<TopicPartition> partitions) {
        if (partitions == null) {
            throw new IllegalArgumentException("Topic partition collection to assign to cannot be null");
        }
        if (partitions.isEmpty()) {
            unsubscribe();
            return;
        }
        Set<String> topicNames = new HashSet<>();
        for (TopicPartition tp : partitions) {
            if (tp == null || tp.topic() == null || tp.topic().isBlank()) {
                throw new IllegalArgumentException("Topic partitions to assign to cannot have null or empty topic");
            }
            topicNames.add(tp.topic());
        }
        log.info("Assigned to partition(s): {}", partitions);
        subscriptions.assignFromUser(new HashSet<>(partitions));
        fetcher.clearBufferedDataForUnassigned();
        metadata.setTopics(topicNames);
    }
}
