package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;
import io.samsa.common.MockTime;
import io.samsa.common.TopicPartition;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A group coordinator on a mock clock, a manual scheduler and an in-memory offsets log, with
 * helpers that issue requests the way clients do and capture the (possibly delayed) answers.
 * Not thread-safe.
 */
final class GroupTestKit {

    static final int PARTITIONS = 4;
    static final int SESSION_MS = 10_000;
    static final int REBALANCE_MS = 30_000;

    /** An answer that may arrive later. */
    static final class Pending<T> {
        private T value;
        private int completions;

        void complete(T v) {
            value = v;
            completions++;
        }

        boolean isDone() {
            return completions > 0;
        }

        T get() {
            assertTrue(isDone(), "expected an answer by now");
            assertEquals(1, completions, "answered more than once");
            return value;
        }
    }

    final MockTime time = new MockTime();
    final ManualScheduler scheduler = new ManualScheduler(time);
    final MemoryOffsetsLog log = new MemoryOffsetsLog();
    final List<Runnable> heldLoads = new ArrayList<>();
    boolean holdLoads;
    final GroupCoordinator coordinator;

    GroupTestKit(GroupConfig config) {
        this(config, GroupCoordinatorMetrics.withoutLag());
    }

    GroupTestKit(GroupConfig config, GroupCoordinatorMetrics metrics) {
        Executor loader = task -> {
            if (holdLoads) {
                heldLoads.add(task);
            } else {
                task.run();
            }
        };
        coordinator = new GroupCoordinator(config, PARTITIONS, log, scheduler, loader, time, metrics);
        coordinator.startup();
        for (int p = 0; p < PARTITIONS; p++) {
            coordinator.onElection(p, 0);
        }
    }

    static GroupTestKit withoutInitialDelay() {
        return new GroupTestKit(GroupConfig.defaults().withInitialRebalanceDelayMs(0));
    }

    void runHeldLoads() {
        List<Runnable> loads = new ArrayList<>(heldLoads);
        heldLoads.clear();
        loads.forEach(Runnable::run);
        scheduler.drain();
    }

    // ---- protocols ----

    /** A "consumer" protocol subscription (ConsumerProtocolSubscription v0) to {@code topics}. */
    static byte[] subscription(String... topics) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        writeInt(out, topics.length);
        for (String t : topics) {
            byte[] b = t.getBytes(StandardCharsets.UTF_8);
            out.write(b.length >> 8);
            out.write(b.length);
            out.writeBytes(b);
        }
        writeInt(out, -1);
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    static List<Protocol> range(String... topics) {
        return List.of(new Protocol("range", subscription(topics)));
    }

    // ---- requests ----

    Pending<JoinGroupResult> join(String groupId, String memberId, String instanceId, String protocolType, List<Protocol> protocols,
                                  int sessionMs, int rebalanceMs, boolean requireKnownMemberId) {
        Pending<JoinGroupResult> p = new Pending<>();
        coordinator.joinGroup(new GroupRequests.Join(groupId, memberId, instanceId, requireKnownMemberId, false, "client",
                "/127.0.0.1", rebalanceMs, sessionMs, protocolType, protocols, null), p::complete);
        return p;
    }

    Pending<JoinGroupResult> join(String groupId, String memberId, List<Protocol> protocols) {
        return join(groupId, memberId, null, "consumer", protocols, SESSION_MS, REBALANCE_MS, true);
    }

    /** A first join the v4+ way: MEMBER_ID_REQUIRED, then the real join with the handed-out id. */
    Pending<JoinGroupResult> joinNew(String groupId, List<Protocol> protocols) {
        JoinGroupResult first = join(groupId, "", protocols).get();
        assertEquals(Errors.MEMBER_ID_REQUIRED, first.error());
        return join(groupId, first.memberId(), protocols);
    }

    Pending<SyncGroupResult> sync(String groupId, int generation, String memberId, Map<String, byte[]> assignments) {
        Pending<SyncGroupResult> p = new Pending<>();
        coordinator.syncGroup(new GroupRequests.Sync(groupId, generation, memberId, null, null, null, assignments), p::complete);
        return p;
    }

    Errors heartbeat(String groupId, String memberId, int generation) {
        return heartbeat(groupId, memberId, null, generation);
    }

    Errors heartbeat(String groupId, String memberId, String instanceId, int generation) {
        Pending<Errors> p = new Pending<>();
        coordinator.heartbeat(groupId, memberId, instanceId, generation, p::complete);
        return p.get();
    }

    GroupCoordinator.LeaveResult leave(String groupId, String memberId) {
        Pending<GroupCoordinator.LeaveResult> p = new Pending<>();
        coordinator.leaveGroup(groupId, List.of(new GroupRequests.LeavingMember(memberId, null, null)), p::complete);
        return p.get();
    }

    Map<TopicPartition, Errors> commit(String groupId, String memberId, int generation, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, GroupRequests.PartitionCommit> commits = new LinkedHashMap<>();
        offsets.forEach((tp, o) -> commits.put(tp, new GroupRequests.PartitionCommit(o, 3, "meta", -1L)));
        return commit(new GroupRequests.Commit(groupId, memberId, null, generation, -1L, commits));
    }

    Map<TopicPartition, Errors> commit(GroupRequests.Commit commit) {
        Pending<Map<TopicPartition, Errors>> p = new Pending<>();
        coordinator.commitOffsets(commit, p::complete);
        return p.get();
    }

    GroupCoordinator.FetchResult fetch(String groupId, List<TopicPartition> partitions) {
        Pending<GroupCoordinator.FetchResult> p = new Pending<>();
        coordinator.fetchOffsets(groupId, partitions, p::complete);
        return p.get();
    }

    GroupCoordinator.DescribedGroup describe(String groupId) {
        Pending<List<GroupCoordinator.DescribedGroup>> p = new Pending<>();
        coordinator.describeGroups(List.of(groupId), p::complete);
        return p.get().get(0);
    }

    GroupCoordinator.ListResult list(Set<String> states) {
        Pending<GroupCoordinator.ListResult> p = new Pending<>();
        coordinator.listGroups(states, p::complete);
        return p.get();
    }

    Map<String, Errors> deleteGroups(String... groups) {
        Pending<Map<String, Errors>> p = new Pending<>();
        coordinator.deleteGroups(List.of(groups), p::complete);
        return p.get();
    }

    GroupCoordinator.DeleteOffsetsResult deleteOffsets(String groupId, List<TopicPartition> partitions) {
        Pending<GroupCoordinator.DeleteOffsetsResult> p = new Pending<>();
        coordinator.deleteOffsets(groupId, partitions, p::complete);
        return p.get();
    }

    String state(String groupId) {
        return describe(groupId).state();
    }

    /** One member's complete first rebalance into a Stable group of one; returns its join answer. */
    JoinGroupResult stableSingleMember(String groupId, List<Protocol> protocols) {
        JoinGroupResult joined = joinNew(groupId, protocols).get();
        assertEquals(Errors.NONE, joined.error());
        SyncGroupResult synced = sync(groupId, joined.generationId(), joined.memberId(),
                Map.of(joined.memberId(), new byte[]{1})).get();
        assertEquals(Errors.NONE, synced.error());
        return joined;
    }
}
