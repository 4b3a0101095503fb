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
 * LeaveGroup move a group through its {@link GroupState}s, and three kinds of timer bound every
 * wait — the join phase (rebalance timeout, or the initial rebalance delay for a new group), the
 * sync phase (rebalance timeout: members that never sync are dropped), and each member's session
 * (members that stop heartbeating are dropped). So no member can stall its group for longer than
 * the rebalance timeout. Callers have already checked that this broker coordinates the group.
 * Not thread-safe: runs on the coordinator thread.
 */
final class GroupMembership {

    private static final Logger log = LoggerFactory.getLogger(GroupMembership.class);

    private final GroupCatalog catalog;
    private final GroupStore store;
    private final CoordinatorScheduler scheduler;
    private final Time time;
    private final GroupConfig config;

    GroupMembership(GroupCatalog catalog, GroupStore store, CoordinatorScheduler scheduler, Time time, GroupConfig config) {
        this.catalog = catalog;
        this.store = store;
        this.scheduler = scheduler;
        this.time = time;
        this.config = config;
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
                removeMemberAndUpdateGroup(group, existing, "the group is at its maximum size");
            }
            callback.accept(JoinGroupResult.error("", Errors.GROUP_MAX_SIZE_REACHED));
        } else if (unknownMember) {
            joinAsNewMember(group, req, callback);
        } else {
            joinAsCurrentMember(group, req, callback);
        }
        if (group.is(GroupState.PREPARING_REBALANCE)) {
            tryCompleteJoin(group);
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
        String newMemberId = req.clientId() + "-" + UUID.randomUUID();
        if (req.groupInstanceId() != null) {
            joinAsStaticMember(group, newMemberId, req, callback);
        } else if (req.requireKnownMemberId()) {
            // JoinGroup v4+: hand out the id first, so a member whose first answer is lost does not leave a ghost behind.
            group.addPendingMember(newMemberId);
            scheduler.schedule(req.sessionTimeoutMs(), () -> {
                if (group.isPendingMember(newMemberId)) {
                    log.info("Pending member {} in group {} has been removed after session timeout expiration", newMemberId,
                            group.groupId());
                    removePendingMember(group, newMemberId);
                }
            });
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
        scheduleSessionExpiry(group, member, member.sessionTimeoutMs());
        group.updateMember(member, req.protocols(), req.rebalanceTimeoutMs(), req.sessionTimeoutMs(), callback);
        switch (group.state()) {
            case STABLE -> {
                // Only rebalance when the group's protocol would change; otherwise keep the assignment and persist the new id.
                String selected = group.selectProtocol();
                if (!selected.equals(group.protocolName())) {
                    maybePrepareRebalance(group, "static member " + instanceId + " rejoined with a change of protocol");
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
                            scheduleSessionExpiry(group, member, member.sessionTimeoutMs());
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
                    maybePrepareRebalance(group, "static member " + instanceId + " rejoined during CompletingRebalance");
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
        scheduleSessionExpiry(group, member, GroupConfig.NEW_MEMBER_JOIN_TIMEOUT_MS);
        maybePrepareRebalance(group, "adding new member " + memberId + (req.reason() == null ? "" : " (" + req.reason() + ")"));
    }

    private void updateMemberAndRebalance(GroupMetadata group, MemberMetadata member, GroupRequests.Join req,
                                          Consumer<JoinGroupResult> callback) {
        group.updateMember(member, req.protocols(), req.rebalanceTimeoutMs(), req.sessionTimeoutMs(), callback);
        maybePrepareRebalance(group, "updating metadata of member " + member.memberId()
                + (req.reason() == null ? "" : " (" + req.reason() + ")"));
    }

    // ---- rebalance phases ----

    void maybePrepareRebalance(GroupMetadata group, String reason) {
        if (group.canRebalance()) {
            prepareRebalance(group, reason);
        }
    }

    private void prepareRebalance(GroupMetadata group, String reason) {
        if (group.is(GroupState.COMPLETING_REBALANCE)) {
            resetAndPropagateAssignmentError(group, Errors.REBALANCE_IN_PROGRESS);
        }
        group.cancelSyncTimer();
        group.pendingSyncMembers().clear();
        boolean initial = group.is(GroupState.EMPTY);
        GroupState previous = group.state();
        group.transitionTo(GroupState.PREPARING_REBALANCE, time.milliseconds());
        log.info("Preparing to rebalance group {} in state {} with old generation {} (reason: {})", group.groupId(),
                previous.displayName(), group.generationId(), reason);
        if (initial) {
            int delay = config.initialRebalanceDelayMs();
            scheduleInitialJoin(group, delay, Math.max(group.rebalanceTimeoutMs() - delay, 0));
        } else {
            scheduleJoinTimeout(group);
            tryCompleteJoin(group);
        }
    }

    /**
     * A new group waits {@code delayMs} before its first generation, and again (up to the
     * rebalance timeout in all) while members keep arriving, so a fleet of consumers starting
     * together settles in one rebalance.
     */
    private void scheduleInitialJoin(GroupMetadata group, int delayMs, int remainingMs) {
        group.joinTimer(scheduler.schedule(delayMs, () -> {
            if (!group.is(GroupState.PREPARING_REBALANCE)) {
                return;
            }
            if (group.newMemberAdded() && remainingMs != 0) {
                group.newMemberAdded(false);
                int delay = Math.min(config.initialRebalanceDelayMs(), remainingMs);
                scheduleInitialJoin(group, delay, Math.max(remainingMs - delayMs, 0));
            } else {
                completeJoin(group);
            }
        }), true);
    }

    private void scheduleJoinTimeout(GroupMetadata group) {
        group.joinTimer(scheduler.schedule(group.rebalanceTimeoutMs(), () -> {
            if (group.is(GroupState.PREPARING_REBALANCE)) {
                completeJoin(group);
            }
        }), false);
    }

    /** Ends the join phase early once every member has rejoined (never during the initial delay). */
    void tryCompleteJoin(GroupMetadata group) {
        if (group.is(GroupState.PREPARING_REBALANCE) && !group.inInitialJoinDelay() && group.hasAllMembersJoined()) {
            completeJoin(group);
        }
    }

    private void completeJoin(GroupMetadata group) {
        group.cancelJoinTimer();
        for (MemberMetadata m : group.notYetRejoinedMembers()) {
            // Static members keep their place: they may come back under the same instance id.
            if (!m.isStatic()) {
                log.info("Group {} removes dynamic member {} which did not rejoin in time", group.groupId(), m.memberId());
                m.cancelSessionTimer();
                m.completeSync(SyncGroupResult.error(Errors.UNKNOWN_MEMBER_ID));
                group.remove(m.memberId());
            }
        }
        if (group.is(GroupState.DEAD)) {
            return;
        }
        if (!group.maybeElectNewJoinedLeader() && group.size() > 0) {
            // Only absent static members remain: wait another round for them (their sessions will expire).
            log.info("Group {} could not complete rebalance because no members rejoined", group.groupId());
            scheduleJoinTimeout(group);
            return;
        }
        group.initNextGeneration(time.milliseconds());
        if (group.is(GroupState.EMPTY)) {
            log.info("Group {} with generation {} is now empty (__consumer_offsets-{})", group.groupId(), group.generationId(),
                    group.partition());
            store.storeGroup(group, Map.of(), error -> {
                if (error != Errors.NONE) {
                    log.warn("Failed to write the empty metadata of group {}: {}", group.groupId(), error);
                }
            });
            return;
        }
        log.info("Stabilized group {} generation {} (__consumer_offsets-{}) with {} members", group.groupId(),
                group.generationId(), group.partition(), group.size());
        for (MemberMetadata m : new ArrayList<>(group.members())) {
            if (m.isAwaitingJoin()) {
                boolean leader = group.isLeader(m.memberId());
                group.completeJoin(m, new JoinGroupResult(leader ? group.currentMemberMetadata() : List.of(), m.memberId(),
                        group.generationId(), group.protocolType(), group.protocolName(), group.leaderId(), false, Errors.NONE));
                m.isNew(false);
                scheduleSessionExpiry(group, m, m.sessionTimeoutMs());
            }
        }
        schedulePendingSync(group);
    }

    /** Members that joined must also sync within the rebalance timeout, or they are dropped and the group rebalances. */
    private void schedulePendingSync(GroupMetadata group) {
        group.pendingSyncMembers().clear();
        for (MemberMetadata m : group.members()) {
            group.pendingSyncMembers().add(m.memberId());
        }
        int generation = group.generationId();
        group.syncTimer(scheduler.schedule(group.rebalanceTimeoutMs(), () -> {
            if (generation != group.generationId()
                    || !(group.is(GroupState.COMPLETING_REBALANCE) || group.is(GroupState.STABLE))
                    || group.pendingSyncMembers().isEmpty()) {
                return;
            }
            List<String> missing = new ArrayList<>(group.pendingSyncMembers());
            for (String id : missing) {
                MemberMetadata m = group.get(id);
                if (m != null) {
                    m.cancelSessionTimer();
                    group.remove(id);
                }
            }
            prepareRebalance(group, "removing " + missing + " on pending sync request expiration");
        }));
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
                            resetAndPropagateAssignmentError(group, storeError);
                            maybePrepareRebalance(group, "error " + storeError + " when storing the group assignment");
                        } else {
                            for (MemberMetadata m : group.members()) {
                                m.assignment(assignment.get(m.memberId()));
                            }
                            propagateAssignment(group, Errors.NONE);
                            group.transitionTo(GroupState.STABLE, time.milliseconds());
                        }
                    });
                }
            }
            case STABLE -> {
                group.pendingSyncMembers().remove(req.memberId());
                callback.accept(new SyncGroupResult(group.protocolType(), group.protocolName(), member.assignment(), Errors.NONE));
                scheduleSessionExpiry(group, member, member.sessionTimeoutMs());
            }
            default -> callback.accept(SyncGroupResult.error(Errors.COORDINATOR_NOT_AVAILABLE));
        }
    }

    private void resetAndPropagateAssignmentError(GroupMetadata group, Errors error) {
        for (MemberMetadata m : group.members()) {
            m.assignment(null);
        }
        propagateAssignment(group, error);
    }

    private void propagateAssignment(GroupMetadata group, Errors error) {
        for (MemberMetadata m : new ArrayList<>(group.members())) {
            byte[] assignment = error == Errors.NONE ? m.assignment() : new byte[0];
            if (m.completeSync(new SyncGroupResult(group.protocolType(), group.protocolName(), assignment, error))) {
                // Its session was on hold while it waited; it starts again now.
                scheduleSessionExpiry(group, m, m.sessionTimeoutMs());
            }
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
                scheduleSessionExpiry(group, member, member.sessionTimeoutMs());
                yield Errors.NONE;
            }
            case PREPARING_REBALANCE -> {
                scheduleSessionExpiry(group, member, member.sessionTimeoutMs());
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
        scheduleSessionExpiry(group, member, member.sessionTimeoutMs());
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
                    removeMemberAndUpdateGroup(group, group.get(current), reason);
                    errors.add(Errors.NONE);
                }
            } else if (group.isPendingMember(lm.memberId())) {
                removePendingMember(group, lm.memberId());
                errors.add(Errors.NONE);
            } else if (group.isStaticMemberFenced(lm.groupInstanceId(), lm.memberId())) {
                errors.add(Errors.FENCED_INSTANCE_ID);
            } else if (!group.has(lm.memberId())) {
                errors.add(Errors.UNKNOWN_MEMBER_ID);
            } else {
                log.info("Member {} has left group {}{}", lm.memberId(), group.groupId(), lm.reason() == null ? "" : " (" + lm.reason() + ")");
                removeMemberAndUpdateGroup(group, group.get(lm.memberId()), reason);
                errors.add(Errors.NONE);
            }
        }
        return errors;
    }

    private void removePendingMember(GroupMetadata group, String memberId) {
        group.removePendingMember(memberId);
        if (group.is(GroupState.PREPARING_REBALANCE)) {
            tryCompleteJoin(group);
        }
    }

    private void removeMemberAndUpdateGroup(GroupMetadata group, MemberMetadata member, String reason) {
        member.cancelSessionTimer();
        group.completeJoin(member, JoinGroupResult.error(member.memberId(), Errors.UNKNOWN_MEMBER_ID));
        member.completeSync(SyncGroupResult.error(Errors.UNKNOWN_MEMBER_ID));
        group.remove(member.memberId());
        switch (group.state()) {
            case STABLE, COMPLETING_REBALANCE -> maybePrepareRebalance(group, reason);
            case PREPARING_REBALANCE -> tryCompleteJoin(group);
            default -> {
            }
        }
    }

    // ---- sessions ----

    private void scheduleSessionExpiry(GroupMetadata group, MemberMetadata member, long timeoutMs) {
        member.sessionTimer(scheduler.schedule(timeoutMs, () -> onSessionExpired(group, member)));
    }

    private void onSessionExpired(GroupMetadata group, MemberMetadata member) {
        if (group.is(GroupState.DEAD) || group.get(member.memberId()) != member) {
            return;
        }
        // A known member waiting for a join or sync answer is alive by definition; the phase timers bound that wait.
        if (!member.isNew() && (member.isAwaitingJoin() || member.isAwaitingSync())) {
            return;
        }
        log.info("Member {} in group {} has failed (no heartbeat within {} ms), removing it from the group", member.memberId(),
                group.groupId(), member.isNew() ? GroupConfig.NEW_MEMBER_JOIN_TIMEOUT_MS : member.sessionTimeoutMs());
        removeMemberAndUpdateGroup(group, member, "removing member " + member.memberId() + " on heartbeat expiration");
    }

    /** After loading a group from the log: its members must heartbeat within their sessions. */
    void onGroupLoaded(GroupMetadata group) {
        for (MemberMetadata m : group.members()) {
            scheduleSessionExpiry(group, m, m.sessionTimeoutMs());
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
