package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Committed offsets: OffsetCommit (acknowledged only once the commit is in the log), OffsetFetch,
 * OffsetDelete, DeleteGroups, and the periodic expiry of offsets past
 * {@code offsets.retention.minutes} together with the removal of empty groups that have none
 * left. Callers have already checked that this broker coordinates the group. Not thread-safe:
 * runs on the coordinator thread.
 */
final class GroupOffsets {

    private static final Logger log = LoggerFactory.getLogger(GroupOffsets.class);

    private final GroupCatalog catalog;
    private final GroupStore store;
    private final GroupMembership membership;
    private final Time time;
    private final GroupConfig config;

    GroupOffsets(GroupCatalog catalog, GroupStore store, GroupMembership membership, Time time, GroupConfig config) {
        this.catalog = catalog;
        this.store = store;
        this.membership = membership;
        this.time = time;
        this.config = config;
    }

    // ---- OffsetCommit ----

    void commit(GroupRequests.Commit req, Consumer<Map<TopicPartition, Errors>> callback) {
        GroupMetadata group = catalog.get(req.groupId());
        if (group == null) {
            if (req.generationId() >= 0) {
                // A member of a generation this coordinator never saw (it restarted, or the group was deleted).
                callback.accept(all(req, Errors.ILLEGAL_GENERATION));
                return;
            }
            group = catalog.getOrCreate(req.groupId(), time.milliseconds());
        }
        Errors error = validate(group, req);
        if (error == Errors.NONE && group.is(GroupState.COMPLETING_REBALANCE)) {
            // A member of the new generation that has not synced yet: let it finish the rebalance first.
            error = Errors.REBALANCE_IN_PROGRESS;
        }
        if (error != Errors.NONE) {
            callback.accept(all(req, error));
            return;
        }
        MemberMetadata member = group.get(req.memberId());
        if (member != null) {
            membership.touch(group, member);
        }
        store(group, req, callback);
    }

    private static Errors validate(GroupMetadata group, GroupRequests.Commit req) {
        if (group.is(GroupState.DEAD)) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        if (req.generationId() >= 0 || !req.memberId().isEmpty() || req.groupInstanceId() != null) {
            if (group.isStaticMemberFenced(req.groupInstanceId(), req.memberId())) {
                return Errors.FENCED_INSTANCE_ID;
            }
            if (!group.has(req.memberId())) {
                return Errors.UNKNOWN_MEMBER_ID;
            }
            if (req.generationId() != group.generationId()) {
                return Errors.ILLEGAL_GENERATION;
            }
            return Errors.NONE;
        }
        // Outside the group (admin tools, assign()-mode consumers): only while nobody is a member.
        return group.is(GroupState.EMPTY) ? Errors.NONE : Errors.UNKNOWN_MEMBER_ID;
    }

    private void store(GroupMetadata group, GroupRequests.Commit req, Consumer<Map<TopicPartition, Errors>> callback) {
        long now = time.milliseconds();
        long expire = req.retentionTimeMs() >= 0 ? now + req.retentionTimeMs() : OffsetAndMetadata.NO_EXPIRE_TIMESTAMP;
        Map<TopicPartition, Errors> result = new LinkedHashMap<>();
        Map<TopicPartition, OffsetAndMetadata> valid = new LinkedHashMap<>();
        req.offsets().forEach((tp, c) -> {
            if (c.metadata() != null && c.metadata().length() > config.offsetMetadataMaxBytes()) {
                result.put(tp, Errors.OFFSET_METADATA_TOO_LARGE);
            } else {
                result.put(tp, Errors.NONE);
                long committed = c.commitTimestamp() < 0 ? now : c.commitTimestamp();
                valid.put(tp, new OffsetAndMetadata(c.offset(), c.leaderEpoch(), c.metadata(), committed, expire));
            }
        });
        if (valid.isEmpty()) {
            callback.accept(result);
            return;
        }
        group.prepareOffsetCommit(valid);
        store.storeOffsets(group, valid, (error, baseOffset) -> {
            long recordOffset = baseOffset;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> e : valid.entrySet()) {
                if (error == Errors.NONE && !group.is(GroupState.DEAD)) {
                    group.onOffsetCommitAppend(e.getKey(), e.getValue(), recordOffset++);
                } else {
                    group.failPendingOffsetWrite(e.getKey(), e.getValue());
                }
                result.put(e.getKey(), error);
            }
            if (error != Errors.NONE) {
                log.debug("Offset commit for group {} failed: {}", group.groupId(), error);
            }
            callback.accept(result);
        });
    }

    private static Map<TopicPartition, Errors> all(GroupRequests.Commit req, Errors error) {
        Map<TopicPartition, Errors> out = new LinkedHashMap<>();
        for (TopicPartition tp : req.offsets().keySet()) {
            out.put(tp, error);
        }
        return out;
    }

    // ---- OffsetFetch ----

    /**
     * The committed offsets of {@code partitions} (null for all the group has); a partition
     * without a commit maps to null.
     */
    Map<TopicPartition, OffsetAndMetadata> fetch(String groupId, List<TopicPartition> partitions) {
        GroupMetadata group = catalog.get(groupId);
        Map<TopicPartition, OffsetAndMetadata> out = new LinkedHashMap<>();
        boolean none = group == null || group.is(GroupState.DEAD);
        if (partitions == null) {
            if (!none) {
                out.putAll(group.committedOffsets());
            }
            return out;
        }
        for (TopicPartition tp : partitions) {
            out.put(tp, none ? null : group.committedOffset(tp));
        }
        return out;
    }

    // ---- OffsetDelete ----

    void deleteOffsets(String groupId, List<TopicPartition> partitions, Consumer<GroupCoordinator.DeleteOffsetsResult> callback) {
        GroupMetadata group = catalog.get(groupId);
        if (group == null || group.is(GroupState.DEAD)) {
            callback.accept(new GroupCoordinator.DeleteOffsetsResult(Errors.GROUP_ID_NOT_FOUND, Map.of()));
            return;
        }
        Map<TopicPartition, Errors> result = new LinkedHashMap<>();
        List<TopicPartition> eligible = new ArrayList<>();
        switch (group.state()) {
            case EMPTY -> eligible.addAll(partitions);
            default -> {
                if (!group.isConsumerGroup()) {
                    callback.accept(new GroupCoordinator.DeleteOffsetsResult(Errors.NON_EMPTY_GROUP, Map.of()));
                    return;
                }
                for (TopicPartition tp : partitions) {
                    if (group.isSubscribedToTopic(tp.topic())) {
                        result.put(tp, Errors.GROUP_SUBSCRIBED_TO_TOPIC);
                    } else {
                        eligible.add(tp);
                    }
                }
            }
        }
        List<byte[]> tombstones = new ArrayList<>();
        for (TopicPartition tp : eligible) {
            result.put(tp, Errors.NONE);
            if (group.committedOffset(tp) != null) {
                tombstones.add(OffsetsTopicRecords.offsetCommitKey(group.groupId(), tp));
            }
        }
        group.removeOffsets(eligible);
        store.writeTombstones(group.partition(), tombstones, error -> {
            if (error != Errors.NONE) {
                log.warn("Failed to write offset tombstones for group {}: {}", group.groupId(), error);
            }
            callback.accept(new GroupCoordinator.DeleteOffsetsResult(Errors.NONE, result));
        });
    }

    // ---- DeleteGroups ----

    /** Deletes the groups (each already checked to be coordinated here); answers once their tombstones are written. */
    void deleteGroups(List<String> groupIds, Consumer<Map<String, Errors>> callback) {
        Map<String, Errors> result = new LinkedHashMap<>();
        Map<Integer, List<byte[]>> tombstones = new HashMap<>();
        for (String id : groupIds) {
            GroupMetadata group = catalog.get(id);
            if (group == null || group.is(GroupState.DEAD)) {
                result.put(id, Errors.GROUP_ID_NOT_FOUND);
            } else if (!group.is(GroupState.EMPTY)) {
                result.put(id, Errors.NON_EMPTY_GROUP);
            } else {
                tombstones.computeIfAbsent(group.partition(), p -> new ArrayList<>()).addAll(removeGroup(group));
                result.put(id, Errors.NONE);
                log.info("Group {} deleted", id);
            }
        }
        writeAll(tombstones, () -> callback.accept(result));
    }

    /** Marks the group Dead, drops it from the catalog and returns the keys to tombstone. */
    private List<byte[]> removeGroup(GroupMetadata group) {
        List<byte[]> keys = new ArrayList<>();
        for (TopicPartition tp : group.allOffsetPartitions()) {
            keys.add(OffsetsTopicRecords.offsetCommitKey(group.groupId(), tp));
        }
        keys.add(OffsetsTopicRecords.groupMetadataKey(group.groupId()));
        group.removeOffsets(group.allOffsetPartitions());
        group.transitionTo(GroupState.DEAD, time.milliseconds());
        catalog.remove(group);
        return keys;
    }

    private void writeAll(Map<Integer, List<byte[]>> tombstones, Runnable done) {
        if (tombstones.isEmpty()) {
            done.run();
            return;
        }
        int[] remaining = {tombstones.size()};
        tombstones.forEach((partition, keys) -> store.writeTombstones(partition, keys, error -> {
            if (error != Errors.NONE) {
                log.warn("Failed to write {} tombstones to __consumer_offsets-{}: {}", keys.size(), partition, error);
            }
            if (--remaining[0] == 0) {
                done.run();
            }
        }));
    }

    // ---- expiry and deleted topics ----

    /** Expires offsets past retention and removes Empty groups left without offsets. Returns the number of offsets expired. */
    int expireOffsets() {
        long now = time.milliseconds();
        int expired = removeOffsets(group -> group.expiredOffsets(now, config.offsetsRetentionMs()));
        if (expired > 0) {
            log.info("Removed {} expired offsets", expired);
        }
        return expired;
    }

    /**
     * Forgets every group's offsets for partitions that were deleted, as Kafka does, so a topic
     * created again under the same name is not read from the old topic's positions; Empty groups
     * left without offsets go too. Returns the number of offsets removed.
     */
    int removeOffsetsOf(Set<TopicPartition> deleted) {
        int removed = removeOffsets(group -> {
            Set<TopicPartition> mine = new HashSet<>();
            for (TopicPartition tp : group.allOffsetPartitions()) {
                if (deleted.contains(tp)) {
                    mine.add(tp);
                }
            }
            return mine;
        });
        if (removed > 0) {
            log.info("Removed {} offsets of deleted partitions", removed);
        }
        return removed;
    }

    /**
     * Removes the offsets {@code select} picks from each group and tombstones them; an Empty group
     * with no offsets and no pending commit left is marked Dead and dropped, with its metadata
     * tombstoned too.
     */
    private int removeOffsets(Function<GroupMetadata, Set<TopicPartition>> select) {
        long now = time.milliseconds();
        Map<Integer, List<byte[]>> tombstones = new HashMap<>();
        int count = 0;
        for (GroupMetadata group : catalog.snapshot()) {
            Set<TopicPartition> gone = select.apply(group);
            List<byte[]> keys = tombstones.computeIfAbsent(group.partition(), p -> new ArrayList<>());
            for (TopicPartition tp : gone) {
                keys.add(OffsetsTopicRecords.offsetCommitKey(group.groupId(), tp));
            }
            group.removeOffsets(gone);
            count += gone.size();
            if (group.is(GroupState.EMPTY) && !group.hasOffsets() && group.numPending() == 0) {
                log.info("Group {} transitioned to Dead in generation {}", group.groupId(), group.generationId());
                keys.add(OffsetsTopicRecords.groupMetadataKey(group.groupId()));
                group.transitionTo(GroupState.DEAD, now);
                catalog.remove(group);
            }
        }
        tombstones.values().removeIf(List::isEmpty);
        writeAll(tombstones, () -> { });
        return count;
    }
}
