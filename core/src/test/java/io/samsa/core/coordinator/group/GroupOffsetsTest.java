package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

import static io.samsa.core.coordinator.group.GroupTestKit.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commits, fetches, deletion and expiry of offsets, and rebuilding everything from the log. */
class GroupOffsetsTest {

    private static final TopicPartition T0 = new TopicPartition("t", 0);
    private static final TopicPartition T1 = new TopicPartition("t", 1);
    private static final TopicPartition OTHER = new TopicPartition("other", 0);

    @Test
    void memberCommitsAndFetches() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        assertEquals(Map.of(T0, Errors.NONE, T1, Errors.NONE), kit.commit("g", a.memberId(), 1, Map.of(T0, 5L, T1, 9L)));
        GroupCoordinator.FetchResult f = kit.fetch("g", List.of(T0, T1, OTHER));
        assertEquals(Errors.NONE, f.error());
        assertEquals(5L, f.offsets().get(T0).offset());
        assertEquals(3, f.offsets().get(T0).leaderEpoch());
        assertEquals("meta", f.offsets().get(T0).metadata());
        assertEquals(9L, f.offsets().get(T1).offset());
        assertNull(f.offsets().get(OTHER));
        assertEquals(2, kit.fetch("g", null).offsets().size());
        assertTrue(kit.fetch("nobody", null).offsets().isEmpty());
    }

    @Test
    void commitErrors() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        assertEquals(Errors.ILLEGAL_GENERATION, kit.commit("g", a.memberId(), 2, Map.of(T0, 1L)).get(T0));
        assertEquals(Errors.UNKNOWN_MEMBER_ID, kit.commit("g", "ghost", 1, Map.of(T0, 1L)).get(T0));
        // From outside the group (an admin tool) while it has members.
        assertEquals(Errors.UNKNOWN_MEMBER_ID, kit.commit("g", "", -1, Map.of(T0, 1L)).get(T0));
        // A member of a generation of a group the coordinator does not know.
        assertEquals(Errors.ILLEGAL_GENERATION, kit.commit("unknown", "m", 3, Map.of(T0, 1L)).get(T0));

        String tooLong = "x".repeat(4097);
        Map<TopicPartition, Errors> r = kit.commit(new GroupRequests.Commit("g", a.memberId(), null, 1, -1L, Map.of(
                T0, new GroupRequests.PartitionCommit(1L, -1, tooLong, -1L), T1, new GroupRequests.PartitionCommit(2L, -1, null, -1L))));
        assertEquals(Errors.OFFSET_METADATA_TOO_LARGE, r.get(T0));
        assertEquals(Errors.NONE, r.get(T1));
        assertEquals("", kit.fetch("g", List.of(T1)).offsets().get(T1).metadata());
    }

    @Test
    void commitDuringCompletingRebalanceIsRefused() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.joinNew("g", range("t")).get();
        assertEquals(Errors.REBALANCE_IN_PROGRESS, kit.commit("g", a.memberId(), 1, Map.of(T0, 1L)).get(T0));
    }

    @Test
    void simpleGroupCommitsFromOutside() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        assertEquals(Errors.NONE, kit.commit("simple", "", -1, Map.of(T0, 42L)).get(T0));
        assertEquals(42L, kit.fetch("simple", List.of(T0)).offsets().get(T0).offset());
        assertEquals("Empty", kit.state("simple"));
        assertEquals("", kit.describe("simple").protocolType());
    }

    @Test
    void failedAppendIsReportedAndNotApplied() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        kit.log.failAppendsWith(Errors.NOT_LEADER_OR_FOLLOWER);
        assertEquals(Errors.NOT_COORDINATOR, kit.commit("g", a.memberId(), 1, Map.of(T0, 1L)).get(T0));
        kit.log.failAppendsWith(Errors.NOT_ENOUGH_REPLICAS);
        assertEquals(Errors.COORDINATOR_NOT_AVAILABLE, kit.commit("g", a.memberId(), 1, Map.of(T0, 1L)).get(T0));
        assertNull(kit.fetch("g", List.of(T0)).offsets().get(T0));
    }

    @Test
    void notCoordinatorAndLoadInProgress() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        int p = kit.coordinator.partitionFor("g");
        kit.coordinator.onResignation(p, 1);
        assertEquals(Errors.NOT_COORDINATOR, kit.fetch("g", null).error());
        assertEquals(Errors.NOT_COORDINATOR, kit.commit("g", "", -1, Map.of(T0, 1L)).get(T0));
        assertEquals(Errors.NOT_COORDINATOR, kit.join("g", "", range("t")).get().error());

        kit.holdLoads = true;
        kit.coordinator.onElection(p, 2);
        assertEquals(Errors.COORDINATOR_LOAD_IN_PROGRESS, kit.fetch("g", null).error());
        assertEquals(Errors.COORDINATOR_LOAD_IN_PROGRESS, kit.join("g", "", range("t")).get().error());
        assertEquals(Errors.REBALANCE_IN_PROGRESS, kit.sync("g", 1, "m", Map.of()).get().error());
        assertEquals(Errors.NONE, kit.heartbeat("g", "m", 1), "heartbeats pass blindly while loading");
        assertEquals(Errors.COORDINATOR_LOAD_IN_PROGRESS, kit.list(java.util.Set.of()).error());
        kit.runHeldLoads();
        assertEquals(Errors.NONE, kit.fetch("g", null).error());
    }

    @Test
    void groupsAndOffsetsSurviveAMoveOfTheirPartition() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        kit.commit("g", a.memberId(), 1, Map.of(T0, 5L));
        kit.commit("g", a.memberId(), 1, Map.of(T0, 6L, T1, 7L));
        kit.commit("simple", "", -1, Map.of(OTHER, 11L));
        int p = kit.coordinator.partitionFor("g");
        int ps = kit.coordinator.partitionFor("simple");

        kit.coordinator.onResignation(p, 1);
        kit.coordinator.onResignation(ps, 1);
        kit.coordinator.onElection(p, 2);
        kit.coordinator.onElection(ps, 2);

        GroupCoordinator.DescribedGroup d = kit.describe("g");
        assertEquals("Stable", d.state());
        assertEquals(a.memberId(), d.members().get(0).memberId());
        assertEquals("range", d.protocol());
        assertEquals(Errors.NONE, kit.heartbeat("g", a.memberId(), 1), "the member carries on with its generation");
        assertEquals(6L, kit.fetch("g", List.of(T0)).offsets().get(T0).offset());
        assertEquals(7L, kit.fetch("g", List.of(T1)).offsets().get(T1).offset());
        assertEquals(11L, kit.fetch("simple", List.of(OTHER)).offsets().get(OTHER).offset());

        // Reloaded members must still heartbeat.
        kit.scheduler.advance(GroupTestKit.SESSION_MS + 1);
        assertEquals("Empty", kit.state("g"));
    }

    @Test
    void deleteGroups() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("busy", range("t"));
        kit.commit("idle", "", -1, Map.of(T0, 3L));
        Map<String, Errors> r = kit.deleteGroups("busy", "idle", "missing");
        assertEquals(Errors.NON_EMPTY_GROUP, r.get("busy"));
        assertEquals(Errors.NONE, r.get("idle"));
        assertEquals(Errors.GROUP_ID_NOT_FOUND, r.get("missing"));
        assertNull(kit.fetch("idle", List.of(T0)).offsets().get(T0));
        assertEquals("Dead", kit.state("idle"));
        assertEquals(Errors.NONE, kit.heartbeat("busy", a.memberId(), 1));

        // The deletion is in the log: reloading does not bring the group back.
        int p = kit.coordinator.partitionFor("idle");
        kit.coordinator.onResignation(p, 1);
        kit.coordinator.onElection(p, 2);
        assertEquals("Dead", kit.state("idle"));
        assertTrue(tombstoneFor(kit.log.records(p), OffsetsTopicRecords.groupMetadataKey("idle")));
    }

    @Test
    void deleteOffsetsOfUnsubscribedTopicsOnly() {
        GroupTestKit kit = GroupTestKit.withoutInitialDelay();
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        kit.commit("g", a.memberId(), 1, Map.of(T0, 1L, OTHER, 2L));
        GroupCoordinator.DeleteOffsetsResult r = kit.deleteOffsets("g", List.of(T0, OTHER));
        assertEquals(Errors.NONE, r.error());
        assertEquals(Errors.GROUP_SUBSCRIBED_TO_TOPIC, r.partitions().get(T0));
        assertEquals(Errors.NONE, r.partitions().get(OTHER));
        assertNull(kit.fetch("g", List.of(OTHER)).offsets().get(OTHER));
        assertEquals(1L, kit.fetch("g", List.of(T0)).offsets().get(T0).offset());
        assertEquals(Errors.GROUP_ID_NOT_FOUND, kit.deleteOffsets("nope", List.of(T0)).error());
    }

    @Test
    void offsetsOfAnEmptyGroupExpireAfterRetentionAndTheGroupGoes() {
        GroupConfig config = GroupConfig.defaults().withInitialRebalanceDelayMs(0);
        GroupTestKit kit = new GroupTestKit(config);
        JoinGroupResult a = kit.stableSingleMember("g", range("t"));
        kit.commit("g", a.memberId(), 1, Map.of(T0, 1L));
        kit.leave("g", a.memberId());
        assertEquals("Empty", kit.state("g"));
        long retention = config.offsetsRetentionMs();
        kit.scheduler.advance(retention - config.offsetsRetentionCheckIntervalMs());
        assertEquals(1L, kit.fetch("g", List.of(T0)).offsets().get(T0).offset());
        kit.scheduler.advance(2 * config.offsetsRetentionCheckIntervalMs());
        assertNull(kit.fetch("g", List.of(T0)).offsets().get(T0));
        assertEquals("Dead", kit.state("g"));
        int p = kit.coordinator.partitionFor("g");
        assertTrue(tombstoneFor(kit.log.records(p), OffsetsTopicRecords.offsetCommitKey("g", T0)));
    }

    @Test
    void offsetsOfAnActiveGroupDoNotExpire() {
        GroupTestKit kit = new GroupTestKit(new GroupConfig(6000, 1_800_000_000, Integer.MAX_VALUE, 0, 4096, 60_000L, 10_000L, 1 << 20));
        JoinGroupResult a = kit.join("g", "", null, "consumer", range("t"), 1_000_000_000, 30_000, false).get();
        kit.sync("g", 1, a.memberId(), Map.of()).get();
        kit.commit("g", a.memberId(), 1, Map.of(T0, 1L));
        kit.scheduler.advance(120_000);
        assertEquals(1L, kit.fetch("g", List.of(T0)).offsets().get(T0).offset());
    }

    private static boolean tombstoneFor(List<MemoryOffsetsLog.Entry> records, byte[] key) {
        return records.stream().anyMatch(e -> e.value() == null && e.key().equals(ByteBuffer.wrap(key)));
    }
}
