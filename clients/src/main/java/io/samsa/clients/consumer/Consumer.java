package io.samsa.clients.consumer;

import io.samsa.common.Metric;
import io.samsa.common.MetricName;
import io.samsa.common.PartitionInfo;
import io.samsa.common.TopicPartition;
import java.io.Closeable;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads records from a cluster, alone ({@link #assign}) or as a member of a consumer group
 * ({@link #subscribe}): the API of {@code SamsaConsumer}, and of test doubles. Kafka's
 * {@code Consumer} without the deprecated and telemetry methods. Not thread-safe: one thread
 * polls and calls every other method; only {@link #wakeup()} may be called from another thread.
 *
 * <p>Methods that wait take a timeout or use {@code default.api.timeout.ms}; they throw
 * {@link io.samsa.common.errors.TimeoutException} when it passes,
 * {@link io.samsa.common.errors.WakeupException} after {@link #wakeup()}, and
 * {@link io.samsa.common.errors.InterruptException} when the thread is interrupted.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface Consumer<K, V> extends Closeable {

    /** The partitions assigned to this consumer now (by {@link #assign} or by the group). */
    Set<TopicPartition> assignment();

    /** The topics subscribed to (by name, or those a pattern matches now); empty when assigned. */
    Set<String> subscription();

    /**
     * Subscribes to these topics, replacing any earlier subscription; the group assigns partitions
     * during a later {@link #poll}. An empty collection unsubscribes.
     *
     * @throws IllegalStateException if partitions were assigned with {@link #assign}
     */
    void subscribe(Collection<String> topics);

    /** As {@link #subscribe(Collection)}, telling {@code listener} of each assignment change. */
    void subscribe(Collection<String> topics, ConsumerRebalanceListener listener);

    /** Subscribes to every topic whose name matches, now or when created later. */
    void subscribe(Pattern pattern);

    /** As {@link #subscribe(Pattern)}, telling {@code listener} of each assignment change. */
    void subscribe(Pattern pattern, ConsumerRebalanceListener listener);

    /** Gives up the subscription or assignment, leaving the group's rebalance to others. */
    void unsubscribe();

    /**
     * Reads exactly these partitions, without a group rebalance; replaces an earlier assignment.
     *
     * @throws IllegalStateException if subscribed to topics
     */
    void assign(Collection<TopicPartition> partitions);

    /**
     * Fetches records: joins or rejoins the group if needed, then returns the records available,
     * waiting up to {@code timeout} for some to arrive.
     *
     * @return the records, possibly none
     * @throws InvalidOffsetException if a position is undefined and {@code auto.offset.reset=none}
     * @throws io.samsa.common.errors.WakeupException after {@link #wakeup()}
     */
    ConsumerRecords<K, V> poll(Duration timeout);

    /** Commits the positions of all assigned partitions, waiting up to {@code default.api.timeout.ms}. */
    void commitSync();

    /** Commits the positions of all assigned partitions, waiting up to {@code timeout}. */
    void commitSync(Duration timeout);

    /**
     * Commits these offsets (each the next offset to read), waiting up to {@code default.api.timeout.ms}.
     *
     * @throws CommitFailedException if the group rebalanced and the partitions belong to others now
     */
    void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets);

    /** Commits these offsets, waiting up to {@code timeout}. */
    void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets, Duration timeout);

    /** Commits the positions of all assigned partitions without waiting. */
    void commitAsync();

    /** Commits the positions of all assigned partitions without waiting; {@code callback} hears the result. */
    void commitAsync(OffsetCommitCallback callback);

    /** Commits these offsets without waiting; {@code callback} hears the result. */
    void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback);

    /**
     * Makes the next poll read {@code partition} from {@code offset}.
     *
     * @throws IllegalArgumentException if the offset is negative
     * @throws IllegalStateException if the partition is not assigned
     */
    void seek(TopicPartition partition, long offset);

    /** As {@link #seek(TopicPartition, long)}, also using the leader epoch to detect truncation. */
    void seek(TopicPartition partition, OffsetAndMetadata offsetAndMetadata);

    /** Makes the next poll read these partitions (all assigned ones if empty) from their first offsets. */
    void seekToBeginning(Collection<TopicPartition> partitions);

    /** Makes the next poll read these partitions (all assigned ones if empty) from their ends. */
    void seekToEnd(Collection<TopicPartition> partitions);

    /** The offset of the next record to read from {@code partition}, looking it up if needed. */
    long position(TopicPartition partition);

    /** As {@link #position(TopicPartition)}, waiting up to {@code timeout}. */
    long position(TopicPartition partition, Duration timeout);

    /** The group's committed offsets of these partitions (null for those without one). */
    Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions);

    /** As {@link #committed(Set)}, waiting up to {@code timeout}. */
    Map<TopicPartition, OffsetAndMetadata> committed(Set<TopicPartition> partitions, Duration timeout);

    /** The consumer's metrics, a read-only snapshot of the names with live values. */
    Map<MetricName, ? extends Metric> metrics();

    /** The partitions of a topic (empty if it does not exist). */
    List<PartitionInfo> partitionsFor(String topic);

    /** As {@link #partitionsFor(String)}, waiting up to {@code timeout}. */
    List<PartitionInfo> partitionsFor(String topic, Duration timeout);

    /** Every topic the client may describe, with its partitions. */
    Map<String, List<PartitionInfo>> listTopics();

    /** As {@link #listTopics()}, waiting up to {@code timeout}. */
    Map<String, List<PartitionInfo>> listTopics(Duration timeout);

    /** The partitions paused with {@link #pause}. */
    Set<TopicPartition> paused();

    /** Stops returning records from these assigned partitions until {@link #resume}d; they stay assigned. */
    void pause(Collection<TopicPartition> partitions);

    /** Returns records from these paused partitions again. */
    void resume(Collection<TopicPartition> partitions);

    /**
     * For each partition, the earliest offset whose timestamp is at or after the time given
     * (milliseconds since the epoch); null for partitions with no such record.
     */
    Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch);

    /** As {@link #offsetsForTimes(Map)}, waiting up to {@code timeout}. */
    Map<TopicPartition, OffsetAndTimestamp> offsetsForTimes(Map<TopicPartition, Long> timestampsToSearch,
                                                            Duration timeout);

    /** The first offset of each partition. */
    Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions);

    /** As {@link #beginningOffsets(Collection)}, waiting up to {@code timeout}. */
    Map<TopicPartition, Long> beginningOffsets(Collection<TopicPartition> partitions, Duration timeout);

    /**
     * The end of each partition: the offset after its last record (the last stable one with
     * {@code isolation.level=read_committed}).
     */
    Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions);

    /** As {@link #endOffsets(Collection)}, waiting up to {@code timeout}. */
    Map<TopicPartition, Long> endOffsets(Collection<TopicPartition> partitions, Duration timeout);

    /**
     * How far this consumer is behind the end of an assigned partition, from what the last fetch
     * told it; empty when it does not know yet. Does not wait.
     */
    OptionalLong currentLag(TopicPartition partition);

    /** The consumer's group, generation and member id, as of its last rebalance. */
    ConsumerGroupMetadata groupMetadata();

    /** Asks for a rebalance at the next poll, without giving a reason. */
    void enforceRebalance();

    /** Asks for a rebalance at the next poll; {@code reason} is sent to the coordinator for its log. */
    void enforceRebalance(String reason);

    /** Leaves the group and closes, committing first if auto-commit is on; waits up to 30 seconds. */
    @Override
    void close();

    /** As {@link #close()}, waiting up to {@code timeout}. */
    void close(Duration timeout);

    /**
     * Makes the current or next blocking call throw {@link io.samsa.common.errors.WakeupException}.
     * The one method another thread may call.
     */
    void wakeup();
}
