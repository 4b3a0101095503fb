package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;
import io.samsa.core.coordinator.group.GroupTestKit.Pending;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.samsa.core.coordinator.group.GroupTestKit.REBALANCE_MS;
import static io.samsa.core.coordinator.group.GroupTestKit.SESSION_MS;
import static io.samsa.core.coordinator.group.GroupTestKit.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The group state machine on a mock clock: joins, syncs, heartbeats, leaves and every timeout. */
class GroupMembershipTest {

    @Test
    void firstMemberNeedsAnIdThenLeadsGenerationOne() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult first = kit.join("g", "", range("t")).get();
        assertEquals(Errors.MEMBER_ID_REQUIRED, first.error());
        assertTrue(first.memberId().startsWith("client-"));

        JoinGroupResult joined = kit.join("g", first.memberId(), range("t")).get();
        assertEquals(Errors.NONE, joined.error());
        assertEquals(1, joined.generationId());
        assertEquals("range", joined.protocolName());
        assertEquals(joined.memberId(), joined.leaderId());
        assertEquals(1, joined.members().size());
        assertEquals("CompletingRebalance", kit.state("g"));

        SyncGroupResult synced = kit.sync("g", 1, joined.memberId(), Map.of(joined.memberId(), new byte[]{7})).get();
        assertEquals(Errors.NONE, synced.error());
        assertArrayEquals(new byte[]{7}, synced.assignment());
        assertEquals("Stable", kit.state("g"));
        assertEquals(Errors.NONE, kit.heartbeat("g", joined.memberId(), 1));
    }

    @Test
    void oldClientsJoinWithoutTheMemberIdRoundTrip() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult joined = kit.join("g", "", null, "consumer", range("t"), SESSION_MS, REBALANCE_MS, false).get();
        assertEquals(Errors.NONE, joined.error());
        assertEquals(1, joined.generationId());
    }

    @Test
    void initialRebalanceDelayGathersMembersThatArriveTogether() {
        GroupTestKit kit = new GroupTestKit(GroupConfig.defaults().withInitialRebalanceDelayMs(3000));
        Pending<JoinGroupResult> a = kit.joinNew("g", range("t"));
        kit.scheduler.advance(2000);
        Pending<JoinGroupResult> b = kit.joinNew("g", range("t"));
        kit.scheduler.advance(3000);
        // b arrived during the first delay, so the delay was extended once: to 6 s.
        assertFalse(a.isDone());
        kit.scheduler.advance(1000);
        assertTrue(a.isDone() && b.isDone());
        assertEquals(1, a.get().generationId());
        assertEquals(1, b.get().generationId());
        String leader = a.get().leaderId();
        JoinGroupResult leaderAnswer = leader.equals(a.get().memberId()) ? a.get() : b.get();
        JoinGroupResult followerAnswer = leader.equals(a.get().memberId()) ? b.get() : a.get();
        assertEquals(2, leaderAnswer.members().size());
        assertTrue(followerAnswer.members().isEmpty());
    }

    @Test
    void newMemberTriggersRebalanceAndFollowersGetAssignmentsFromLeader() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));

        Pending<JoinGroupResult> bJoin = kit.joinNew("g", range("t"));
        assertFalse(bJoin.isDone(), "waits for the existing member to rejoin");
        assertEquals("PreparingRebalance", kit.state("g"));
        assertEquals(Errors.REBALANCE_IN_PROGRESS, kit.heartbeat("g", a.memberId(), 1));

        Pending<JoinGroupResult> aRejoin = kit.join("g", a.memberId(), range("t"));
        JoinGroupResult a2 = aRejoin.get();
        JoinGroupResult b2 = bJoin.get();
        assertEquals(2, a2.generationId());
        assertEquals(2, b2.generationId());
        assertEquals(a.memberId(), a2.leaderId(), "the leader stays leader");
        assertEquals(2, a2.members().size());

        Pending<SyncGroupResult> bSync = kit.sync("g", 2, b2.memberId(), Map.of());
        assertFalse(bSync.isDone(), "a follower waits for the leader's assignment");
        SyncGroupResult aSync = kit.sync("g", 2, a.memberId(), Map.of(a.memberId(), new byte[]{1}, b2.memberId(), new byte[]{2})).get();
        assertArrayEquals(new byte[]{1}, aSync.assignment());
        assertArrayEquals(new byte[]{2}, bSync.get().assignment());
        assertEquals("Stable", kit.state("g"));
    }

    @Test
    void silentMemberExpiresAfterSessionTimeout() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        kit.scheduler.advance(SESSION_MS - 1);
        assertEquals(Errors.NONE, kit.heartbeat("g", a.memberId(), 1));
        kit.scheduler.advance(SESSION_MS - 1);
        assertEquals("Stable", kit.state("g"));
        kit.scheduler.advance(2);
        assertEquals("Empty", kit.state("g"));
        assertEquals(Errors.UNKNOWN_MEMBER_ID, kit.heartbeat("g", a.memberId(), 1));
    }

    @Test
    void crashedMemberIsRemovedAndTheOtherRebalancesAlone() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        Pending<JoinGroupResult> bJoin = kit.joinNew("g", range("t"));
        JoinGroupResult a2 = kit.join("g", a.memberId(), range("t")).get();
        JoinGroupResult b2 = bJoin.get();
        kit.sync("g", 2, b2.memberId(), Map.of());
        kit.sync("g", 2, a2.memberId(), Map.of(a2.memberId(), new byte[]{1}, b2.memberId(), new byte[]{2})).get();

        // b stops heartbeating; a keeps going.
        for (int i = 0; i < 4; i++) {
            kit.scheduler.advance(SESSION_MS / 3);
            kit.heartbeat("g", a.memberId(), 2);
        }
        assertEquals("PreparingRebalance", kit.state("g"));
        assertEquals(Errors.REBALANCE_IN_PROGRESS, kit.heartbeat("g", a.memberId(), 2));
        JoinGroupResult a3 = kit.join("g", a.memberId(), range("t")).get();
        assertEquals(3, a3.generationId());
        assertEquals(1, a3.members().size());
    }

    @Test
    void memberThatDoesNotRejoinIsDroppedAtTheRebalanceTimeout() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        Pending<JoinGroupResult> bJoin = kit.joinNew("g", range("t"));
        // a keeps heartbeating but never rejoins: the group must not wait for it beyond the rebalance timeout.
        for (int t = 0; t < REBALANCE_MS - 3000; t += 3000) {
            kit.scheduler.advance(3000);
            assertEquals(Errors.REBALANCE_IN_PROGRESS, kit.heartbeat("g", a.memberId(), 1));
        }
        assertFalse(bJoin.isDone());
        kit.scheduler.advance(3000);
        JoinGroupResult b = bJoin.get();
        assertEquals(Errors.NONE, b.error());
        assertEquals(2, b.generationId());
        assertEquals(b.memberId(), b.leaderId());
        assertEquals(Errors.UNKNOWN_MEMBER_ID, kit.heartbeat("g", a.memberId(), 1));
    }

    @Test
    void leaderThatNeverSyncsIsDroppedAtTheRebalanceTimeout() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        Pending<JoinGroupResult> bJoin = kit.joinNew("g", range("t"));
        kit.join("g", a.memberId(), range("t")).get();
        JoinGroupResult b = bJoin.get();
        assertEquals(a.memberId(), b.leaderId());
        Pending<SyncGroupResult> bSync = kit.sync("g", 2, b.memberId(), Map.of());
        // The leader stays alive (heartbeats) but never hands in an assignment.
        for (int t = 0; t < REBALANCE_MS - 3000; t += 3000) {
            kit.scheduler.advance(3000);
            assertEquals(Errors.NONE, kit.heartbeat("g", a.memberId(), 2));
        }
        assertFalse(bSync.isDone());
        kit.scheduler.advance(3000);
        assertEquals(Errors.REBALANCE_IN_PROGRESS, bSync.get().error());
        assertEquals(Errors.UNKNOWN_MEMBER_ID, kit.heartbeat("g", a.memberId(), 2));
        JoinGroupResult b3 = kit.join("g", b.memberId(), range("t")).get();
        assertEquals(3, b3.generationId());
        assertEquals(b.memberId(), b3.leaderId());
    }

    @Test
    void leaveTriggersRebalanceAndLastLeaveEmptiesTheGroup() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        GroupCoordinator.LeaveResult r = kit.leave("g", a.memberId());
        assertEquals(Errors.NONE, r.error());
        assertEquals(List.of(Errors.NONE), r.memberErrors());
        assertEquals("Empty", kit.state("g"));
        assertEquals(List.of(Errors.UNKNOWN_MEMBER_ID), kit.leave("g", a.memberId()).memberErrors());
        assertEquals(List.of(Errors.UNKNOWN_MEMBER_ID), kit.leave("nope", "x").memberErrors());
    }

    @Test
    void fencingErrors() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        assertEquals(Errors.ILLEGAL_GENERATION, kit.heartbeat("g", a.memberId(), 7));
        assertEquals(Errors.UNKNOWN_MEMBER_ID, kit.heartbeat("g", "ghost", 1));
        assertEquals(Errors.UNKNOWN_MEMBER_ID, kit.heartbeat("unknown-group", "ghost", 1));
        assertEquals(Errors.ILLEGAL_GENERATION, kit.sync("g", 0, a.memberId(), Map.of()).get().error());
        assertEquals(Errors.UNKNOWN_MEMBER_ID, kit.join("g", "ghost", range("t")).get().error());
        assertEquals(Errors.INVALID_GROUP_ID, kit.join("", "", range("t")).get().error());
    }

    @Test
    void inconsistentProtocols() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        kit.stableSingleMember("g", range("t"));
        JoinGroupResult wrongType = kit.join("g", "", null, "connect", range("t"), SESSION_MS, REBALANCE_MS, true).get();
        assertEquals(Errors.INCONSISTENT_GROUP_PROTOCOL, wrongType.error());
        JoinGroupResult noCommon = kit.join("g", "", List.of(new Protocol("roundrobin", new byte[0]))).get();
        assertEquals(Errors.INCONSISTENT_GROUP_PROTOCOL, noCommon.error());
        JoinGroupResult nothing = kit.join("fresh", "", List.of()).get();
        assertEquals(Errors.INCONSISTENT_GROUP_PROTOCOL, nothing.error());
        assertEquals("Dead", kit.state("fresh"), "a failed first join leaves no group behind");
    }

    @Test
    void protocolChosenByVoteAmongThoseAllSupport() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        List<Protocol> rangeFirst = List.of(new Protocol("range", new byte[0]), new Protocol("roundrobin", new byte[0]));
        List<Protocol> rrOnly = List.of(new Protocol("roundrobin", new byte[0]));
        JoinGroupResult a = kit.joinNew("g", rangeFirst).get();
        assertEquals("range", a.protocolName());
        kit.sync("g", 1, a.memberId(), Map.of()).get();
        Pending<JoinGroupResult> b = kit.joinNew("g", rrOnly);
        kit.join("g", a.memberId(), rangeFirst).get();
        assertEquals("roundrobin", b.get().protocolName());
    }

    @Test
    void sessionTimeoutOutsideTheBrokerBounds() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        assertEquals(Errors.INVALID_SESSION_TIMEOUT, kit.join("g", "", null, "consumer", range("t"), 5999, REBALANCE_MS, true).get().error());
        assertEquals(Errors.INVALID_SESSION_TIMEOUT,
                kit.join("g", "", null, "consumer", range("t"), 1_800_001, REBALANCE_MS, true).get().error());
    }

    @Test
    void groupMaxSize() {
        GroupTestKit kit = new GroupTestKit(GroupConfig.defaults().withInitialRebalanceDelayMs(0).withMaxSize(1));
        kit.stableSingleMember("g", range("t"));
        assertEquals(Errors.GROUP_MAX_SIZE_REACHED, kit.join("g", "", null, "consumer", range("t"), SESSION_MS, REBALANCE_MS, false)
                .get().error());
    }

    @Test
    void pendingMemberThatNeverRejoinsExpires() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        JoinGroupResult pending = kit.join("g", "", range("t")).get();
        assertEquals(Errors.MEMBER_ID_REQUIRED, pending.error());
        kit.scheduler.advance(SESSION_MS / 2);
        assertEquals(Errors.NONE, kit.heartbeat("g", a.memberId(), 1));
        kit.scheduler.advance(SESSION_MS / 2 + 1);
        assertEquals(Errors.NONE, kit.heartbeat("g", a.memberId(), 1), "a pending member does not disturb the group");
        assertEquals("Stable", kit.state("g"));
        assertEquals(Errors.UNKNOWN_MEMBER_ID, kit.join("g", pending.memberId(), range("t")).get().error());
    }

    @Test
    void staticMemberRejoinKeepsGenerationAndFencesItsOldId() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.join("g", "", "instance-1", "consumer", range("t"), SESSION_MS, REBALANCE_MS, true).get();
        assertEquals(Errors.NONE, a.error(), "static members get an id at once");
        assertTrue(a.memberId().startsWith("instance-1-"), "a static member's id starts with its instance id: " + a.memberId());
        kit.sync("g", 1, a.memberId(), Map.of(a.memberId(), new byte[]{9})).get();

        // The same instance restarts and joins without its member id.
        JoinGroupResult again = kit.join("g", "", "instance-1", "consumer", range("t"), SESSION_MS, REBALANCE_MS, true).get();
        assertEquals(Errors.NONE, again.error());
        assertNotEquals(a.memberId(), again.memberId());
        assertEquals(1, again.generationId(), "no rebalance for a returning static member");
        assertEquals("Stable", kit.state("g"));
        assertArrayEquals(new byte[]{9}, kit.sync("g", 1, again.memberId(), Map.of()).get().assignment());
        assertEquals(Errors.FENCED_INSTANCE_ID, kit.heartbeat("g", a.memberId(), "instance-1", 1));
        assertEquals(Errors.NONE, kit.heartbeat("g", again.memberId(), "instance-1", 1));
    }

    @Test
    void absentStaticMemberKeepsItsPlaceUntilItsSessionExpires() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.join("g", "", "i-a", "consumer", range("t"), SESSION_MS, REBALANCE_MS, true).get();
        kit.sync("g", 1, a.memberId(), Map.of()).get();
        kit.scheduler.advance(SESSION_MS + 1);
        assertEquals("Empty", kit.state("g"));
    }

    @Test
    void rejoinDuringCompletingRebalanceWithSameMetadataGetsTheSameAnswer() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.joinNew("g", range("t")).get();
        JoinGroupResult again = kit.join("g", a.memberId(), range("t")).get();
        assertEquals(a.generationId(), again.generationId());
        assertEquals(1, again.members().size());
        assertEquals("CompletingRebalance", kit.state("g"));
    }

    @Test
    void unloadingAnswersWaitingMembersNotCoordinator() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        Pending<JoinGroupResult> b = kit.joinNew("g", range("t"));
        kit.coordinator.onResignation(kit.coordinator.partitionFor("g"), 1);
        assertEquals(Errors.NOT_COORDINATOR, b.get().error());
        assertEquals(Errors.NOT_COORDINATOR, kit.heartbeat("g", a.memberId(), 1));
    }

    @Test
    void listAndDescribe() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        GroupCoordinator.DescribedGroup d = kit.describe("g");
        assertEquals("Stable", d.state());
        assertEquals("consumer", d.protocolType());
        assertEquals("range", d.protocol());
        assertEquals(a.memberId(), d.members().get(0).memberId());
        assertEquals("/127.0.0.1", d.members().get(0).clientHost());
        assertArrayEquals(new byte[]{1}, d.members().get(0).assignment());
        assertEquals("Dead", kit.describe("unknown").state());

        assertEquals(1, kit.list(Set.of()).groups().size());
        assertEquals(1, kit.list(Set.of("stable")).groups().size());
        assertEquals(0, kit.list(Set.of("Empty")).groups().size());
    }
}
