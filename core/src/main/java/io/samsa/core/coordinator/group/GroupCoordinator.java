package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.core.replication.ReplicaManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The group coordinator's front door, used by the request handlers: every call is queued onto the
 * coordinator thread, checked there (valid group id, coordinator active, group's partition
 * loaded here), and passed to {@link GroupMembership} or {@link GroupOffsets}; answers arrive
 * through the callbacks, on the coordinator thread. Leadership changes of {@code __consumer_offsets}
 * partitions load groups (on the loader executor) and unload them. Thread-safe.
 */
public final class GroupCoordinator {

    private static final Logger log = LoggerFactory.getLogger(GroupCoordinator.class);
    private static final long LOAD_RETRY_MS = 1000;

    /** LeaveGroup's answer: a top-level error, or one error per leaving member. */
    public record LeaveResult(Errors error, List<Errors> memberErrors) {
    }

    /** OffsetFetch's answer for one group; a partition mapped to null has no committed offset. */
    public record FetchResult(Errors error, Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    /** OffsetDelete's answer: a group-level error, or one error per partition. */
    public record DeleteOffsetsResult(Errors error, Map<TopicPartition, Errors> partitions) {
    }

    public record DescribedMember(String memberId, String groupInstanceId, String clientId, String clientHost,
                                  byte[] metadata, byte[] assignment) {
    }

    public record DescribedGroup(Errors error, String groupId, String state, String protocolType, String protocol,
                                 List<DescribedMember> members) {
    }

    public record ListedGroup(String groupId, String protocolType, String state) {
    }

    public record ListResult(Errors error, List<ListedGroup> groups) {
    }

    private static final byte[] EMPTY = new byte[0];

    private final GroupConfig config;
    private final OffsetsLog offsetsLog;
    private final CoordinatorScheduler scheduler;
    private final Executor loader;
    private final Time time;
    private final GroupCatalog catalog;
    private final GroupMembership membership;
    private final GroupOffsets offsets;
    private final GroupCoordinatorMetrics metrics;
    /** Written on the coordinator thread; read there too, except by {@link #isActive()}. */
    private volatile boolean active;

    public GroupCoordinator(GroupConfig config, int numOffsetsPartitions, OffsetsLog offsetsLog, CoordinatorScheduler scheduler,
                            Executor loader, Time time) {
        this(config, numOffsetsPartitions, offsetsLog, scheduler, loader, time, GroupCoordinatorMetrics.withoutLag());
    }

    /** As above, keeping Kafka's group metrics and consumer lag in {@code metrics}. */
    public GroupCoordinator(GroupConfig config, int numOffsetsPartitions, OffsetsLog offsetsLog, CoordinatorScheduler scheduler,
                            Executor loader, Time time, GroupCoordinatorMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.offsetsLog = offsetsLog;
        this.scheduler = scheduler;
        this.loader = loader;
        this.time = time;
        this.catalog = new GroupCatalog(numOffsetsPartitions);
        GroupStore store = new GroupStore(offsetsLog, scheduler, time);
        this.membership = new GroupMembership(catalog, store, scheduler, time, config, metrics::rebalanceCompleted);
        this.offsets = new GroupOffsets(catalog, store, membership, time, config);
    }

    public void startup() {
        scheduler.execute(() -> {
            active = true;
            scheduleExpiry();
            scheduleMetricsRefresh();
        });
        log.info("Group coordinator started ({} partitions of {})", catalog.numPartitions(), OffsetsTopic.NAME);
    }

    private void scheduleMetricsRefresh() {
        scheduler.schedule(GroupCoordinatorMetrics.REFRESH_MS, () -> {
            if (active) {
                metrics.refresh(catalog.groups());
                scheduleMetricsRefresh();
            }
        });
    }

    private void scheduleExpiry() {
        scheduler.schedule(config.offsetsRetentionCheckIntervalMs(), () -> {
            if (active) {
                offsets.expireOffsets();
                scheduleExpiry();
            }
        });
    }

    /** Stops serving: waiting members are answered NOT_COORDINATOR and all groups are dropped from memory. */
    public void shutdown() {
        scheduler.execute(() -> {
            active = false;
            for (int p = 0; p < catalog.numPartitions(); p++) {
                if (catalog.owns(p)) {
                    unload(p, -1);
                }
            }
        });
    }

    public boolean isActive() {
        return active;
    }

    public int numOffsetsPartitions() {
        return catalog.numPartitions();
    }

    public int partitionFor(String groupId) {
        return catalog.partitionFor(groupId);
    }

    // ---- leadership of __consumer_offsets partitions ----

    /** Feeds this coordinator the leadership changes of {@code __consumer_offsets} partitions. */
    public ReplicaManager.LeadershipListener leadershipListener() {
        return new ReplicaManager.LeadershipListener() {
            @Override
            public void onBecomeLeader(TopicPartition tp, int leaderEpoch) {
                if (tp.topic().equals(OffsetsTopic.NAME)) {
                    onElection(tp.partition(), leaderEpoch);
                }
            }

            @Override
            public void onResign(TopicPartition tp, int leaderEpoch) {
                if (tp.topic().equals(OffsetsTopic.NAME)) {
                    onResignation(tp.partition(), leaderEpoch);
                }
            }
        };
    }

    /** This broker now leads the partition: load its groups in the background. */
    public void onElection(int partition, int leaderEpoch) {
        scheduler.execute(() -> {
            if (!catalog.startLoading(partition, leaderEpoch)) {
                return;
            }
            log.info("Loading groups and offsets from {}-{} (leader epoch {})", OffsetsTopic.NAME, partition, leaderEpoch);
            long start = time.milliseconds();
            loader.execute(() -> load(partition, leaderEpoch, start));
        });
    }

    /** Topic partitions were deleted (UpdateMetadata named them): drop every group's offsets for them. */
    public void onPartitionsDeleted(Set<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            scheduler.execute(() -> offsets.removeOffsetsOf(partitions));
        }
    }

    /** This broker no longer leads the partition: forget its groups. */
    public void onResignation(int partition, int leaderEpoch) {
        scheduler.execute(() -> unload(partition, leaderEpoch));
    }

    private void load(int partition, int leaderEpoch, long start) {
        List<GroupMetadata> groups;
        try {
            groups = GroupLoader.load(offsetsLog, partition, time.milliseconds());
        } catch (RuntimeException e) {
            log.error("Error loading {}-{}; retrying", OffsetsTopic.NAME, partition, e);
            scheduler.schedule(LOAD_RETRY_MS, () -> {
                if (catalog.isLoading(partition, leaderEpoch)) {
                    loader.execute(() -> load(partition, leaderEpoch, start));
                }
            });
            return;
        }
        scheduler.execute(() -> install(partition, leaderEpoch, groups, start));
    }

    private void install(int partition, int leaderEpoch, List<GroupMetadata> groups, long start) {
        if (!catalog.isLoading(partition, leaderEpoch)) {
            return;
        }
        if (groups == null) {
            catalog.unload(partition, leaderEpoch);
            return;
        }
        for (GroupMetadata g : groups) {
            catalog.put(g);
            membership.onGroupLoaded(g);
        }
        catalog.finishLoading(partition, leaderEpoch);
        log.info("Finished loading {} groups from {}-{} in {} ms", groups.size(), OffsetsTopic.NAME, partition,
                time.milliseconds() - start);
    }

    private void unload(int partition, int leaderEpoch) {
        List<GroupMetadata> removed = catalog.unload(partition, leaderEpoch);
        for (GroupMetadata g : removed) {
            membership.onGroupUnloaded(g);
        }
        if (!removed.isEmpty()) {
            log.info("Unloaded {} groups of {}-{}", removed.size(), OffsetsTopic.NAME, partition);
        }
    }

    // ---- requests ----

    /**
     * Kafka's order of checks: the group id, then whether the coordinator runs, then whether the
     * group's partition is still loading here, then whether it is here at all. Offset and admin
     * APIs accept the empty group id (old clients use it).
     */
    private Errors validate(String groupId, boolean allowEmptyId) {
        if (groupId == null || (!allowEmptyId && groupId.isEmpty())) {
            return Errors.INVALID_GROUP_ID;
        }
        if (!active) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        return catalog.ownershipError(groupId);
    }

    public void joinGroup(GroupRequests.Join req, Consumer<JoinGroupResult> callback) {
        scheduler.execute(() -> {
            Errors error = validate(req.groupId(), false);
            if (error != Errors.NONE) {
                callback.accept(JoinGroupResult.error(req.memberId(), error));
            } else {
                membership.join(req, callback);
            }
        });
    }

    public void syncGroup(GroupRequests.Sync req, Consumer<SyncGroupResult> callback) {
        scheduler.execute(() -> {
            Errors error = validate(req.groupId(), false);
            if (error == Errors.COORDINATOR_LOAD_IN_PROGRESS) {
                // The rebalance state was lost with the old coordinator: rejoin here without rediscovery.
                callback.accept(SyncGroupResult.error(Errors.REBALANCE_IN_PROGRESS));
            } else if (error != Errors.NONE) {
                callback.accept(SyncGroupResult.error(error));
            } else {
                membership.sync(req, callback);
            }
        });
    }

    public void heartbeat(String groupId, String memberId, String groupInstanceId, int generationId, Consumer<Errors> callback) {
        scheduler.execute(() -> {
            Errors error = validate(groupId, false);
            if (error == Errors.COORDINATOR_LOAD_IN_PROGRESS) {
                // Nothing to check against yet; the member will learn of any change once loading ends.
                callback.accept(Errors.NONE);
            } else if (error != Errors.NONE) {
                callback.accept(error);
            } else {
                callback.accept(membership.heartbeat(groupId, memberId, groupInstanceId, generationId));
            }
        });
    }

    public void leaveGroup(String groupId, List<GroupRequests.LeavingMember> members, Consumer<LeaveResult> callback) {
        scheduler.execute(() -> {
            Errors error = validate(groupId, false);
            if (error != Errors.NONE) {
                callback.accept(new LeaveResult(error, List.of()));
                return;
            }
            GroupMetadata group = catalog.get(groupId);
            if (group == null) {
                callback.accept(new LeaveResult(Errors.NONE, members.stream().map(m -> Errors.UNKNOWN_MEMBER_ID).toList()));
            } else if (group.is(GroupState.DEAD)) {
                callback.accept(new LeaveResult(Errors.COORDINATOR_NOT_AVAILABLE, List.of()));
            } else {
                callback.accept(new LeaveResult(Errors.NONE, membership.leave(group, members)));
            }
        });
    }

    public void commitOffsets(GroupRequests.Commit req, Consumer<Map<TopicPartition, Errors>> callback) {
        scheduler.execute(() -> {
            Errors error = validate(req.groupId(), true);
            if (error != Errors.NONE) {
                Map<TopicPartition, Errors> all = new LinkedHashMap<>();
                req.offsets().keySet().forEach(tp -> all.put(tp, error));
                callback.accept(all);
            } else {
                offsets.commit(req, callback);
            }
        });
    }

    /** The group's committed offsets for {@code partitions}, or all of them when null. */
    public void fetchOffsets(String groupId, List<TopicPartition> partitions, Consumer<FetchResult> callback) {
        scheduler.execute(() -> {
            Errors error = validate(groupId, true);
            if (error != Errors.NONE) {
                callback.accept(new FetchResult(error, Map.of()));
            } else {
                callback.accept(new FetchResult(Errors.NONE, offsets.fetch(groupId, partitions)));
            }
        });
    }

    public void deleteOffsets(String groupId, List<TopicPartition> partitions, Consumer<DeleteOffsetsResult> callback) {
        scheduler.execute(() -> {
            Errors error = validate(groupId, true);
            if (error != Errors.NONE) {
                callback.accept(new DeleteOffsetsResult(error, Map.of()));
            } else {
                offsets.deleteOffsets(groupId, partitions, callback);
            }
        });
    }

    public void deleteGroups(List<String> groupIds, Consumer<Map<String, Errors>> callback) {
        scheduler.execute(() -> {
            Map<String, Errors> result = new LinkedHashMap<>();
            List<String> eligible = new ArrayList<>();
            for (String id : groupIds) {
                Errors error = validate(id, true);
                result.put(id, error);
                if (error == Errors.NONE) {
                    eligible.add(id);
                }
            }
            offsets.deleteGroups(eligible, deleted -> {
                result.putAll(deleted);
                callback.accept(result);
            });
        });
    }

    /**
     * The groups coordinated here, optionally only those in {@code states} (display names, any
     * case). COORDINATOR_LOAD_IN_PROGRESS comes with the groups known so far while a partition loads.
     */
    public void listGroups(Set<String> states, Consumer<ListResult> callback) {
        scheduler.execute(() -> {
            if (!active) {
                callback.accept(new ListResult(Errors.COORDINATOR_NOT_AVAILABLE, List.of()));
                return;
            }
            Set<String> wanted = new java.util.HashSet<>();
            for (String s : states) {
                wanted.add(s.toLowerCase(Locale.ROOT));
            }
            List<ListedGroup> out = new ArrayList<>();
            for (GroupMetadata g : catalog.groups()) {
                String state = g.state().displayName();
                if (wanted.isEmpty() || wanted.contains(state.toLowerCase(Locale.ROOT))) {
                    out.add(new ListedGroup(g.groupId(), g.protocolType() == null ? "" : g.protocolType(), state));
                }
            }
            callback.accept(new ListResult(catalog.isLoading() ? Errors.COORDINATOR_LOAD_IN_PROGRESS : Errors.NONE, out));
        });
    }

    public void describeGroups(List<String> groupIds, Consumer<List<DescribedGroup>> callback) {
        scheduler.execute(() -> {
            List<DescribedGroup> out = new ArrayList<>();
            for (String id : groupIds) {
                Errors error = validate(id, true);
                if (error != Errors.NONE) {
                    out.add(new DescribedGroup(error, id, "", "", "", List.of()));
                } else {
                    out.add(describe(id, catalog.get(id)));
                }
            }
            callback.accept(out);
        });
    }

    /** Kafka's summary: members' metadata and assignments only once the group is Stable. */
    private static DescribedGroup describe(String groupId, GroupMetadata group) {
        if (group == null) {
            return new DescribedGroup(Errors.NONE, groupId, GroupState.DEAD.displayName(), "", "", List.of());
        }
        boolean stable = group.is(GroupState.STABLE);
        List<DescribedMember> members = new ArrayList<>();
        for (MemberMetadata m : group.members()) {
            members.add(new DescribedMember(m.memberId(), m.groupInstanceId(), m.clientId(), m.clientHost(),
                    stable ? m.metadata(group.protocolName()) : EMPTY, stable ? m.assignment() : EMPTY));
        }
        return new DescribedGroup(Errors.NONE, groupId, group.state().displayName(),
                group.protocolType() == null ? "" : group.protocolType(), stable ? group.protocolName() : "", members);
    }
}
