package io.samsa.core.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class LeaderElectionTest {

    private static IntPredicate liveIn(Integer... ids) {
        Set<Integer> set = Set.of(ids);
        return set::contains;
    }

    @Test
    void offlineElectionPicksTheFirstLiveIsrMemberInAssignmentOrder() {
        LeaderElection.Result r = LeaderElection.offline(List.of(1, 3, 2), List.of(2, 1, 3), liveIn(2, 3), liveIn(2, 3), () -> false).orElseThrow();
        assertEquals(3, r.leader());
        assertEquals(List.of(2, 3), r.isr(), "ISR order is kept, dead members leave");
    }

    @Test
    void offlineElectionNeedsALiveIsrMemberUnlessUnclean() {
        assertTrue(LeaderElection.offline(List.of(1, 2), List.of(1), liveIn(2), liveIn(2), () -> false).isEmpty());
        assertEquals(new LeaderElection.Result(2, List.of(2)),
                LeaderElection.offline(List.of(1, 2), List.of(1), liveIn(2), liveIn(2), () -> true).orElseThrow());
        assertTrue(LeaderElection.offline(List.of(1), List.of(1), liveIn(), liveIn(), () -> true).isEmpty());
    }

    @Test
    void controlledShutdownSkipsShuttingDownBrokers() {
        assertEquals(new LeaderElection.Result(2, List.of(2, 3)),
                LeaderElection.controlledShutdown(List.of(1, 2, 3), List.of(1, 2, 3), liveIn(1, 2, 3), Set.of(1)).orElseThrow());
        assertTrue(LeaderElection.controlledShutdown(List.of(1, 2), List.of(1), liveIn(1, 2), Set.of(1)).isEmpty());
    }

    @Test
    void preferredAndInitial() {
        assertEquals(1, LeaderElection.preferred(List.of(1, 2), List.of(2, 1), liveIn(1, 2)).orElseThrow().leader());
        assertTrue(LeaderElection.preferred(List.of(1, 2), List.of(2), liveIn(1, 2)).isEmpty());
        assertEquals(new LeaderElection.Result(3, List.of(3, 1)), LeaderElection.initial(List.of(2, 3, 1), liveIn(1, 3)).orElseThrow());
        assertTrue(LeaderElection.initial(List.of(2), liveIn(1)).isEmpty());
    }

    @Test
    void theLastIsrMemberIsNeverRemovedWithCleanElections() {
        assertEquals(List.of(3), LeaderElection.isrWithout(List.of(1, 2, 3), List.of(1, 2), () -> false));
        assertEquals(List.of(2), LeaderElection.isrWithout(List.of(1, 2), List.of(1, 2), () -> false));
        assertEquals(List.of(), LeaderElection.isrWithout(List.of(1, 2), List.of(1, 2), () -> true));
        assertEquals(List.of(1, 2), LeaderElection.isrWithout(List.of(1, 2), List.of(5), () -> false));
    }
}
