package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups this broker coordinates, and which {@code __consumer_offsets} partitions it owns:
 * a partition is loading from the moment this broker becomes its leader until its records are
 * replayed, then loaded until leadership moves. A group is served only while its partition is
 * loaded. Not thread-safe: owned by the coordinator thread.
 */
final class GroupCatalog {

    private enum Status { LOADING, LOADED }

    private record Ownership(int leaderEpoch, Status status) {
    }

    private final int numPartitions;
    private final Map<Integer, Ownership> owned = new HashMap<>();
    private final Map<String, GroupMetadata> groups = new HashMap<>();

    GroupCatalog(int numPartitions) {
        this.numPartitions = numPartitions;
    }

    int numPartitions() {
        return numPartitions;
    }

    int partitionFor(String groupId) {
        return OffsetsTopic.partitionFor(groupId, numPartitions);
    }

    /** NONE when this broker serves the group now; else NOT_COORDINATOR or COORDINATOR_LOAD_IN_PROGRESS. */
    Errors ownershipError(String groupId) {
        Ownership o = owned.get(partitionFor(groupId));
        if (o == null) {
            return Errors.NOT_COORDINATOR;
        }
        return o.status() == Status.LOADING ? Errors.COORDINATOR_LOAD_IN_PROGRESS : Errors.NONE;
    }

    boolean isLoading() {
        for (Ownership o : owned.values()) {
            if (o.status() == Status.LOADING) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks the partition loading for {@code leaderEpoch}. Returns false — nothing to load — when
     * it is already loaded here (a repeated LeaderAndIsr) or a newer epoch owns it; a load still
     * running for an older epoch is superseded.
     */
    boolean startLoading(int partition, int leaderEpoch) {
        Ownership o = owned.get(partition);
        if (o != null && (o.leaderEpoch() > leaderEpoch || o.status() == Status.LOADED)) {
            if (o.leaderEpoch() < leaderEpoch) {
                owned.put(partition, new Ownership(leaderEpoch, o.status()));
            }
            return false;
        }
        owned.put(partition, new Ownership(leaderEpoch, Status.LOADING));
        return true;
    }

    /** Whether a load for {@code leaderEpoch} is still the current one for the partition. */
    boolean isLoading(int partition, int leaderEpoch) {
        Ownership o = owned.get(partition);
        return o != null && o.leaderEpoch() == leaderEpoch && o.status() == Status.LOADING;
    }

    void finishLoading(int partition, int leaderEpoch) {
        owned.put(partition, new Ownership(leaderEpoch, Status.LOADED));
    }

    /**
     * Gives up the partition (unless a newer epoch owns it) and returns the groups it held, now
     * removed from the catalog.
     */
    List<GroupMetadata> unload(int partition, int leaderEpoch) {
        Ownership o = owned.get(partition);
        if (o != null && leaderEpoch >= 0 && o.leaderEpoch() > leaderEpoch) {
            return List.of();
        }
        owned.remove(partition);
        List<GroupMetadata> removed = new ArrayList<>();
        groups.values().removeIf(g -> {
            if (g.partition() == partition) {
                removed.add(g);
                return true;
            }
            return false;
        });
        return removed;
    }

    boolean owns(int partition) {
        return owned.containsKey(partition);
    }

    GroupMetadata get(String groupId) {
        return groups.get(groupId);
    }

    GroupMetadata getOrCreate(String groupId, long now) {
        return groups.computeIfAbsent(groupId, id -> new GroupMetadata(id, partitionFor(id), GroupState.EMPTY, now));
    }

    void put(GroupMetadata group) {
        groups.put(group.groupId(), group);
    }

    /** Removes the group if {@code group} is still the registered instance. */
    void remove(GroupMetadata group) {
        groups.remove(group.groupId(), group);
    }

    Collection<GroupMetadata> groups() {
        return groups.values();
    }

    List<GroupMetadata> snapshot() {
        return new ArrayList<>(groups.values());
    }
}
