package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.record.CompressionType;
import io.samsa.record.MemoryRecords;
import io.samsa.record.MemoryRecordsBuilder;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Writes group metadata, offset commits and tombstones to the group's {@code __consumer_offsets}
 * partition and hands the outcome back on the coordinator thread, translated into the error a
 * group client understands (as Kafka maps them). Thread-safe.
 */
final class GroupStore {

    private final OffsetsLog log;
    private final CoordinatorScheduler scheduler;
    private final Time time;

    GroupStore(OffsetsLog log, CoordinatorScheduler scheduler, Time time) {
        this.log = log;
        this.scheduler = scheduler;
        this.time = time;
    }

    /** Persists the group (with {@code assignments} for its members); {@code done} gets the client-facing error. */
    void storeGroup(GroupMetadata group, Map<String, byte[]> assignments, Consumer<Errors> done) {
        MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, 0L);
        b.append(time.milliseconds(), OffsetsTopicRecords.groupMetadataKey(group.groupId()),
                OffsetsTopicRecords.groupMetadataValue(group, assignments));
        append(group.partition(), b, (error, offset) -> done.accept(groupError(error)));
    }

    /** Appends the commits in one batch; {@code done} gets the client-facing error and the batch's log offset. */
    void storeOffsets(GroupMetadata group, Map<TopicPartition, OffsetAndMetadata> offsets, BiConsumer<Errors, Long> done) {
        MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, 0L);
        long now = time.milliseconds();
        offsets.forEach((tp, o) -> b.append(now, OffsetsTopicRecords.offsetCommitKey(group.groupId(), tp),
                OffsetsTopicRecords.offsetCommitValue(o)));
        append(group.partition(), b, (error, offset) -> done.accept(offsetError(error), offset));
    }

    /** Writes tombstones for {@code keys} in one batch. */
    void writeTombstones(int partition, List<byte[]> keys, Consumer<Errors> done) {
        if (keys.isEmpty()) {
            scheduler.execute(() -> done.accept(Errors.NONE));
            return;
        }
        MemoryRecordsBuilder b = MemoryRecords.builder(CompressionType.NONE, 0L);
        long now = time.milliseconds();
        for (byte[] key : keys) {
            b.append(now, key, null);
        }
        append(partition, b, (error, offset) -> done.accept(offsetError(error)));
    }

    private void append(int partition, MemoryRecordsBuilder batch, BiConsumer<Errors, Long> done) {
        // Completions always come back through the scheduler, so callers see one ordering whether
        // the log acknowledges at once (one replica) or later (replication).
        log.append(partition, batch.build().buffer(), (error, baseOffset) -> scheduler.execute(() -> done.accept(error, baseOffset)));
    }

    static Errors groupError(Errors e) {
        return switch (e) {
            case UNKNOWN_TOPIC_OR_PARTITION, NOT_ENOUGH_REPLICAS, NOT_ENOUGH_REPLICAS_AFTER_APPEND -> Errors.COORDINATOR_NOT_AVAILABLE;
            case NOT_LEADER_OR_FOLLOWER, KAFKA_STORAGE_ERROR -> Errors.NOT_COORDINATOR;
            case REQUEST_TIMED_OUT -> Errors.REBALANCE_IN_PROGRESS;
            case MESSAGE_TOO_LARGE, RECORD_LIST_TOO_LARGE, INVALID_FETCH_SIZE -> Errors.UNKNOWN_SERVER_ERROR;
            default -> e;
        };
    }

    static Errors offsetError(Errors e) {
        return switch (e) {
            case UNKNOWN_TOPIC_OR_PARTITION, NOT_ENOUGH_REPLICAS, NOT_ENOUGH_REPLICAS_AFTER_APPEND, REQUEST_TIMED_OUT ->
                    Errors.COORDINATOR_NOT_AVAILABLE;
            case NOT_LEADER_OR_FOLLOWER, KAFKA_STORAGE_ERROR -> Errors.NOT_COORDINATOR;
            case MESSAGE_TOO_LARGE, RECORD_LIST_TOO_LARGE, INVALID_FETCH_SIZE -> Errors.INVALID_COMMIT_OFFSET_SIZE;
            default -> e;
        };
    }
}
