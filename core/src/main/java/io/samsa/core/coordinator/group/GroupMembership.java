package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;
import io.samsa.common.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The classic group membership protocol, as Kafka runs it: JoinGroup, SyncGroup, Heartbeat and
 * LeaveGroup are checked here and move a group through its {@link GroupState}s; the rebalance
 * phases and the timers that bound every wait are the {@link GroupRebalancer}'s. Callers have
 * already checked that this broker coordinates the group. Not thread-safe: runs on the
 * coordinator thread.
 */
final class GroupMembership {

    private static final Logger log = LoggerFactory.getLogger(GroupMembership.class);

    private final GroupCatalog catalog;
    private final GroupStore store;
    private final Time time;
    private final GroupConfig config;
    private final GroupRebalancer rebalancer;
    private final Runnable onRebalanceCompleted;

    /**
     * @param onRebalanceCompleted told each time a group's leader's assignment is accepted (Stable again)
     */
    GroupMembership(GroupCatalog catalog, GroupStore store, CoordinatorScheduler scheduler, Time time, GroupConfig config,
                    Runnable onRebalanceCompleted) {
        this.catalog = catalog;
        this.onRebalanceCompleted = onRebalanceCompleted;
        this.store = store;
        this.time = time;
        this.config = config;
        this.rebalancer = new GroupRebalancer(store, scheduler, time, config);
    }

    // ---- JoinGroup ----

    void join(GroupRequests.Join req, Consumer<JoinGroupResult> callback) {
        if (req.sessionTimeoutMs() < config.minSessionTimeoutMs() || req.sessionTimeoutMs() > config.maxSessionTimeoutMs()) {
            callback.accept(JoinGroupResult.error(req.memberId(), Errors.INVALID_SESSION_TIMEOUT));
            return;
        }
        boolean unknownMember = req.memberId().isEmpty();
        GroupMetadata group = unknownMember ? catalog.getOrCreate(req.groupId(), time.milliseconds()) : catalog.get(req.groupId());
        if (group == null) {
            callback.accept(JoinGroupResult.error(req.memberId(), Errors.UNKNOWN_MEMBER_ID));
            return;
        }
        if (!acceptJoiningMember(group, req.memberId())) {
            MemberMetadata existing = group.get(req.memberId());
            if (existing != null) {
                rebalancer.removeMemberAndUpdateGroup(group, existing, "the group is at its maximum size");
            }
            callback.accept(JoinGroupResult.error("", Errors.GROUP_MAX_SIZE_REACHED));
        } else if (unknownMember) {
            joinAsNewMember(group, req, callback);
        } else {
            joinAsCurrentMember(group, req, callback);
        }
        if (group.is(GroupState.PREPARING_REBALANCE)) {
            rebalancer.tryCompleteJoin(group);
        }
        dropIfUnused(group);
    }

    private boolean acceptJoiningMember(GroupMetadata group, String memberId) {
        return switch (group.state()) {
            case EMPTY, DEAD -> true;
            case PREPARING_REBALANCE -> (group.has(memberId) && group.get(memberId).isAwaitingJoin())
                    || group.numAwaitingJoin() < config.maxSize();
            default -> group.has(memberId) || group.size() < config.maxSize();
        };
    }

    private void joinAsNewMember(GroupMetadata group, GroupRequests.Join req, Consumer<JoinGroupResult> callback) {
        if (group.is(GroupState.DEAD)) {
            // A deleted or unloaded group: the client should look up its coordinator again.
            callback.accept(JoinGroupResult.error("", Errors.COORDINATOR_NOT_AVAILABLE));
            return;
        }
        if (!group.supportsProtocols(req.protocolType(), req.protocols())) {
            callback.accept(JoinGroupResult.error("", Errors.INCONSISTENT_GROUP_PROTOCOL));
            return;
        }
        // Kafka's member ids: a static member's starts with its instance id, any other's with the client id.
        String prefix = req.groupInstanceId() != null ? req.groupInstanceId() : req.clientId();
        String newMemberId = prefix + "-" + UUID.randomUUID();
        if (req.groupInstanceId() != null) {
            joinAsStaticMember(group, newMemberId, req, callback);
        } else if (req.requireKnownMemberId()) {
            // JoinGroup v4+: hand out the id first, so a member whose first answer is lost does not leave a ghost behind.
            group.addPendingMember(newMemberId);
            rebalancer.schedulePendingMemberExpiry(group, newMemberId, req.sessionTimeoutMs());
            callback.accept(new JoinGroupResult(List.of(), newMemberId, GroupMetadata.NO_GENERATION, null, null, "", false,
                    Errors.MEMBER_ID_REQUIRED));
        } else {
            addMemberAndRebalance(group, newMemberId, req, callback);
        }
    }

    private void joinAsStaticMember(GroupMetadata group, String newMemberId, GroupRequests.Join req, Consumer<JoinGroupResult> callback) {
        String instanceId = req.groupInstanceId();
        String oldMemberId = group.staticMemberId(instanceId);
        if (oldMemberId == null) {
            addMemberAndRebalance(group, newMemberId, req, callback);
            return;
        }
        MemberMetadata member = group.get(oldMemberId);
        List<Protocol> oldProtocols = member.supportedProtocols();
        int oldRebalanceTimeoutMs = member.rebalanceTimeoutMs();
        int oldSessionTimeoutMs = member.sessionTimeoutMs();
        String currentLeader = group.leaderId();
        log.info("Static member {} of group {} with unknown member id rejoins, assigning it new member id {}", instanceId,
                group.groupId(), newMemberId);
        group.replaceStaticMember(instanceId, oldMemberId, newMemberId);
        rebalancer.scheduleSessionExpiry(group, member, member.sessionTimeoutMs());
        group.updateMember(member, req.protocols(), req.rebalanceTimeoutMs(), req.sessionTimeoutMs(), callback);
        switch (group.state()) {
            case STABLE -> {
                // Only rebalance when the group's protocol would change; otherwise keep the assignment and persist the new id.
                String selected = group.selectProtocol();
                if (!selected.equals(group.protocolName())) {
                    rebalancer.maybePrepareRebalance(group,
                            "static member " + instanceId + " rejoined with a change of protocol");
                    return;
                }
                Map<String, byte[]> assignment = new HashMap<>();
                for (MemberMetadata m : group.members()) {
                    assignment.put(m.memberId(), m.assignment());
                }
                store.storeGroup(group, assignment, error -> {
                    if (error != Errors.NONE) {
                        log.warn("Failed to persist member id {} of static member {} in group {}: {}", newMemberId, instanceId,
                                group.groupId(), error);
                        group.completeJoin(member, new JoinGroupResult(List.of(), "", group.generationId(), group.protocolType(),
                                group.protocolName(), currentLeader, false, error));
                        group.updateMember(member, oldProtocols, oldRebalanceTimeoutMs, oldSessionTimeoutMs, null);
                        if (group.has(newMemberId)) {
                            group.replaceStaticMember(instanceId, newMemberId, oldMemberId);
                            rebalancer.scheduleSessionExpiry(group, member, member.sessionTimeoutMs());
                        }
                    } else if (req.supportSkippingAssignment()) {
                        // JoinGroup v9: tell a rejoining static leader it leads, but must not reassign a Stable group.
                        boolean leader = group.isLeader(newMemberId);
                        group.completeJoin(member, new JoinGroupResult(leader ? group.currentMemberMetadata() : List.of(),
                                newMemberId, group.generationId(), group.protocolType(), group.protocolName(), group.leaderId(),
                                leader, Errors.NONE));
                    } else {
                        // Older versions get the old leader id, so a rejoined leader does not run a pointless assignment.
                        group.completeJoin(member, new JoinGroupResult(List.of(), newMemberId, group.generationId(),
                                group.protocolType(), group.protocolName(), currentLeader, false, Errors.NONE));
                    }
                });
            }
            case COMPLETING_REBALANCE ->
                // The leader may already be assigning with the old member id: start over.
                    rebalancer.maybePrepareRebalance(group,
                            "static member " + instanceId + " rejoined during CompletingRebalance");
            case PREPARING_REBALANCE -> {
                // It now awaits the join like everyone else.
            }
            default -> {
                log.error("Group {} in state {} has static member {}", group.groupId(), group.state(), instanceId);
                group.completeJoin(member, JoinGroupResult.error(newMemberId, Errors.UNKNOWN_SERVER_ERROR));
            }
        }
    }

    private void joinAsCurrentMember(GroupMetadata group, GroupRequests.Join req, Consumer<JoinGroupResult> callback) {
        String memberId = req.memberId();
        if (group.is(GroupState.DEAD)) {
            callback.accept(JoinGroupResult.error(memberId, Errors.COORDINATOR_NOT_AVAILABLE));
            return;
        }
        if (!group.supportsProtocols(req.protocolType(), req.protocols())) {
            callback.accept(JoinGroupResult.error(memberId, Errors.INCONSISTENT_GROUP_PROTOCOL));
            return;
        }
        if (group.isPendingMember(memberId)) {
            if (req.groupInstanceId() != null) {
                callback.accept(JoinGroupResult.error(memberId, Errors.UNKNOWN_SERVER_ERROR));
            } else {
                addMemberAndRebalance(group, memberId, req, callback);
            }
            return;
        }
        boolean instanceUnknown = req.groupInstanceId() != null && !group.hasStaticMember(req.groupInstanceId());
        if (group.isStaticMemberFenced(req.groupInstanceId(), memberId)) {
            callback.accept(JoinGroupResult.error(memberId, Errors.FENCED_INSTANCE_ID));
            return;
        }
        if (!group.has(memberId) || instanceUnknown) {
            callback.accept(JoinGroupResult.error(memberId, Errors.UNKNOWN_MEMBER_ID));
            return;
        }
        MemberMetadata member = group.get(memberId);
        switch (group.state()) {
            case PREPARING_REBALANCE -> updateMemberAndRebalance(group, member, req, callback);
            case COMPLETING_REBALANCE -> {
                if (member.matches(req.protocols())) {
                    // The member lost our answer; give it the same one again.
                    callback.accept(currentGeneration(group, memberId, group.isLeader(memberId)));
                } else {
                    updateMemberAndRebalance(group, member, req, callback);
                }
            }
            case STABLE -> {
                if (group.isLeader(memberId) || !member.matches(req.protocols())) {
                    // A rejoining leader wants a new assignment (e.g. its metadata changed): rebalance.
                    updateMemberAndRebalance(group, member, req, callback);
                } else {
                    callback.accept(currentGeneration(group, memberId, false));
                }
            }
            default -> callback.accept(JoinGroupResult.error(memberId, Errors.UNKNOWN_MEMBER_ID));
        }
    }

    private static JoinGroupResult currentGeneration(GroupMetadata group, String memberId, boolean withMembers) {
        return new JoinGroupResult(withMembers ? group.currentMemberMetadata() : List.of(), memberId, group.generationId(),
                group.protocolType(), group.protocolName(), group.leaderId(), false, Errors.NONE);
    }

    private void addMemberAndRebalance(GroupMetadata group, String memberId, GroupRequests.Join req, Consumer<JoinGroupResult> callback) {
        MemberMetadata member = new MemberMetadata(memberId, req.groupInstanceId(), req.clientId(), req.clientHost(),
                req.rebalanceTimeoutMs(), req.sessionTimeoutMs(), req.protocolType(), req.protocols());
        member.isNew(true);
        if (group.is(GroupState.PREPARING_REBALANCE) && group.generationId() == 0) {
            group.newMemberAdded(true);
        }
        group.add(member, callback);
        // A new member that never hears back (its connection dropped) must not hold up later rebalances forever.
        rebalancer.scheduleSessionExpiry(group, member, GroupConfig.NEW_MEMBER_JOIN_TIMEOUT_MS);
        rebalancer.maybePrepareRebalance(group,
                "adding new member " + memberId + (req.reason() == null ? "" : " (" + req.reason() + ")"));
    }

    private void updateMemberAndRebalance(GroupMetadata group, MemberMetadata member, GroupRequests.Join req,
                                          Consumer<JoinGroupResult> callback) {
        group.updateMember(member, req.protocols(), req.rebalanceTimeoutMs(), req.sessionTimeoutMs(), callback);
        rebalancer.maybePrepareRebalance(group, "updating metadata of member " + member.memberId()
                + (req.reason() == null ? "" : " (" + req.reason() + ")"));
    }

    // ---- SyncGroup ----

    void sync(GroupRequests.Sync req, Consumer<SyncGroupResult> callback) {
        GroupMetadata group = catalog.get(req.groupId());
        if (group == null) {
            callback.accept(SyncGroupResult.error(Errors.UNKNOWN_MEMBER_ID));
            return;
        }
        Errors error = validateMember(group, req.memberId(), req.groupInstanceId(), req.generationId());
        if (error == Errors.NONE && ((req.protocolType() != null && !req.protocolType().equals(group.protocolType()))
                || (req.protocolName() != null && !req.protocolName().equals(group.protocolName())))) {
            error = Errors.INCONSISTENT_GROUP_PROTOCOL;
        }
        if (error != Errors.NONE) {
            callback.accept(SyncGroupResult.error(error));
            return;
        }
        MemberMetadata member = group.get(req.memberId());
        switch (group.state()) {
            case EMPTY -> callback.accept(SyncGroupResult.error(Errors.UNKNOWN_MEMBER_ID));
            case PREPARING_REBALANCE -> callback.accept(SyncGroupResult.error(Errors.REBALANCE_IN_PROGRESS));
            case COMPLETING_REBALANCE -> {
                member.awaitSync(callback);
                group.pendingSyncMembers().remove(req.memberId());
                if (group.isLeader(req.memberId())) {
                    log.info("Assignment received from leader {} for group {} for generation {}", req.memberId(), group.groupId(),
                            group.generationId());
                    Map<String, byte[]> assignment = new HashMap<>(req.assignments());
                    for (MemberMetadata m : group.members()) {
                        assignment.putIfAbsent(m.memberId(), new byte[0]);
                    }
                    int generation = group.generationId();
                    store.storeGroup(group, assignment, storeError -> {
                        if (!group.is(GroupState.COMPLETING_REBALANCE) || group.generationId() != generation) {
                            return;
                        }
                        if (storeError != Errors.NONE) {
                            rebalancer.resetAndPropagateAssignmentError(group, storeError);
                            rebalancer.maybePrepareRebalance(group, "error " + storeError + " when storing the group assignment");
                        } else {
                            for (MemberMetadata m : group.members()) {
                                m.assignment(assignment.get(m.memberId()));
                            }
                            rebalancer.propagateAssignment(group, Errors.NONE);
                            group.transitionTo(GroupState.STABLE, time.milliseconds());
                            onRebalanceCompleted.run();
                        }
                    });
                }
            }
            case STABLE -> {
                group.pendingSyncMembers().remove(req.memberId());
                callback.accept(new SyncGroupResult(group.protocolType(), group.protocolName(), member.assignment(), Errors.NONE));
                rebalancer.scheduleSessionExpiry(group, member, member.sessionTimeoutMs());
            }
            default -> callback.accept(SyncGroupResult.error(Errors.COORDINATOR_NOT_AVAILABLE));
        }
    }

    // ---- Heartbeat ----

    Errors heartbeat(String groupId, String memberId, String groupInstanceId, int generationId) {
        GroupMetadata group = catalog.get(groupId);
        if (group == null) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        Errors error = validateMember(group, memberId, groupInstanceId, generationId);
        if (error != Errors.NONE) {
            return error;
        }
        MemberMetadata member = group.get(memberId);
        return switch (group.state()) {
            case EMPTY -> Errors.UNKNOWN_MEMBER_ID;
            case COMPLETING_REBALANCE, STABLE -> {
                rebalancer.scheduleSessionExpiry(group, member, member.sessionTimeoutMs());
                yield Errors.NONE;
            }
            case PREPARING_REBALANCE -> {
                rebalancer.scheduleSessionExpiry(group, member, member.sessionTimeoutMs());
                yield Errors.REBALANCE_IN_PROGRESS;
            }
            default -> Errors.COORDINATOR_NOT_AVAILABLE;
        };
    }

    /** The checks shared by SyncGroup and Heartbeat, in Kafka's order. */
    private static Errors validateMember(GroupMetadata group, String memberId, String groupInstanceId, int generationId) {
        if (group.is(GroupState.DEAD)) {
            return Errors.COORDINATOR_NOT_AVAILABLE;
        }
        if (group.isStaticMemberFenced(groupInstanceId, memberId)) {
            return Errors.FENCED_INSTANCE_ID;
        }
        if (!group.has(memberId)) {
            return Errors.UNKNOWN_MEMBER_ID;
        }
        if (generationId != group.generationId()) {
            return Errors.ILLEGAL_GENERATION;
        }
        return Errors.NONE;
    }

    /** Restarts the member's session after it proved alive some other way (an offset commit). */
    void touch(GroupMetadata group, MemberMetadata member) {
        rebalancer.scheduleSessionExpiry(group, member, member.sessionTimeoutMs());
    }

    // ---- LeaveGroup ----

    /** Removes the members; returns the top-level error and one error per member, in order. */
    List<Errors> leave(GroupMetadata group, List<GroupRequests.LeavingMember> leaving) {
        List<Errors> errors = new ArrayList<>(leaving.size());
        for (GroupRequests.LeavingMember lm : leaving) {
            String reason = "member left" + (lm.reason() == null ? "" : " (" + lm.reason() + ")");
            if (lm.memberId().isEmpty()) {
                // Administrative removal by instance id (kafka-consumer-groups --delete of a static member).
                String current = group.staticMemberId(lm.groupInstanceId());
                if (current == null) {
                    errors.add(Errors.UNKNOWN_MEMBER_ID);
                } else {
                    rebalancer.removeMemberAndUpdateGroup(group, group.get(current), reason);
                    errors.add(Errors.NONE);
                }
            } else if (group.isPendingMember(lm.memberId())) {
                rebalancer.removePendingMember(group, lm.memberId());
                errors.add(Errors.NONE);
            } else if (group.isStaticMemberFenced(lm.groupInstanceId(), lm.memberId())) {
                errors.add(Errors.FENCED_INSTANCE_ID);
            } else if (!group.has(lm.memberId())) {
                errors.add(Errors.UNKNOWN_MEMBER_ID);
            } else {
                log.info("Member {} has left group {}{}", lm.memberId(), group.groupId(), lm.reason() == null ? "" : " (" + lm.reason() + ")");
                rebalancer.removeMemberAndUpdateGroup(group, group.get(lm.memberId()), reason);
                errors.add(Errors.NONE);
            }
        }
        return errors;
    }

    // ---- sessions ----

    /** After loading a group from the log: its members must heartbeat within their sessions. */
    void onGroupLoaded(GroupMetadata group) {
        for (MemberMetadata m : group.members()) {
            rebalancer.scheduleSessionExpiry(group, m, m.sessionTimeoutMs());
        }
    }

    /** After the group's partition moved away: answer waiting members NOT_COORDINATOR and stop its timers. */
    void onGroupUnloaded(GroupMetadata group) {
        group.cancelJoinTimer();
        group.cancelSyncTimer();
        for (MemberMetadata m : new ArrayList<>(group.members())) {
            group.completeJoin(m, JoinGroupResult.error(m.memberId(), Errors.NOT_COORDINATOR));
            m.completeSync(SyncGroupResult.error(Errors.NOT_COORDINATOR));
            m.cancelSessionTimer();
        }
        group.transitionTo(GroupState.DEAD, time.milliseconds());
    }

    /** Forgets a group a failed join created and nothing else uses. */
    private void dropIfUnused(GroupMetadata group) {
        if (group.is(GroupState.EMPTY) && group.size() == 0 && group.generationId() == 0 && group.numPending() == 0
                && !group.hasOffsets()) {
            catalog.remove(group);
        }
    }
}
