package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;
import io.samsa.common.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a group's rebalances and the three kinds of timer that bound every wait in them: the join
 * phase (rebalance timeout, or the initial rebalance delay for a new group), the sync phase
 * (rebalance timeout: members that never sync are dropped), and each member's session (members
 * that stop heartbeating, and pending members that never join with their id, are dropped). So no
 * member can stall its group for longer than the rebalance timeout. {@link GroupMembership}
 * checks the requests and calls in here. Not thread-safe: runs on the coordinator thread.
 */
final class GroupRebalancer {

    private static final Logger log = LoggerFactory.getLogger(GroupRebalancer.class);

    private final GroupStore store;
    private final CoordinatorScheduler scheduler;
    private final Time time;
    private final GroupConfig config;

    GroupRebalancer(GroupStore store, CoordinatorScheduler scheduler, Time time, GroupConfig config) {
        this.store = store;
        this.scheduler = scheduler;
        this.time = time;
        this.config = config;
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

    // ---- assignment ----

    void resetAndPropagateAssignmentError(GroupMetadata group, Errors error) {
        for (MemberMetadata m : group.members()) {
            m.assignment(null);
        }
        propagateAssignment(group, error);
    }

    void propagateAssignment(GroupMetadata group, Errors error) {
        for (MemberMetadata m : new ArrayList<>(group.members())) {
            byte[] assignment = error == Errors.NONE ? m.assignment() : new byte[0];
            if (m.completeSync(new SyncGroupResult(group.protocolType(), group.protocolName(), assignment, error))) {
                // Its session was on hold while it waited; it starts again now.
                scheduleSessionExpiry(group, m, m.sessionTimeoutMs());
            }
        }
    }

    // ---- members and sessions ----

    /** A member given an id to join with (JoinGroup v4+) that does not come back within {@code timeoutMs} is forgotten. */
    void schedulePendingMemberExpiry(GroupMetadata group, String memberId, int timeoutMs) {
        scheduler.schedule(timeoutMs, () -> {
            if (group.isPendingMember(memberId)) {
                log.info("Pending member {} in group {} has been removed after session timeout expiration", memberId,
                        group.groupId());
                removePendingMember(group, memberId);
            }
        });
    }

    void removePendingMember(GroupMetadata group, String memberId) {
        group.removePendingMember(memberId);
        if (group.is(GroupState.PREPARING_REBALANCE)) {
            tryCompleteJoin(group);
        }
    }

    /** Removes a member, answering its waiting requests UNKNOWN_MEMBER_ID, and rebalances the group without it. */
    void removeMemberAndUpdateGroup(GroupMetadata group, MemberMetadata member, String reason) {
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

    /** (Re)starts the member's session: unless it is heard from within {@code timeoutMs}, it is removed. */
    void scheduleSessionExpiry(GroupMetadata group, MemberMetadata member, long timeoutMs) {
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
}
