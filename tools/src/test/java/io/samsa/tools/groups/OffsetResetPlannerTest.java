package io.samsa.tools.groups;

import io.samsa.common.TopicPartition;
import io.samsa.tools.cli.ToolFailure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OffsetResetPlannerTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);
    /** P0 holds offsets 10..100 and the group is at 40; P1 holds 0..5 and the group has no offset there. */
    private static final OffsetResetPlanner PLANNER = new OffsetResetPlanner(Map.of(P0, 40L), Map.of(P0, 10L, P1, 0L),
            Map.of(P0, 100L, P1, 5L), Map.of(P0, 70L, P1, -1L));

    private final List<String> warnings = new ArrayList<>();

    @Test
    void earliestLatestAndCurrent() {
        assertEquals(List.of(new PlannedOffset(P0, 40L, 10), new PlannedOffset(P1, null, 0)), plan(ResetSpec.Kind.TO_EARLIEST, 0));
        assertEquals(List.of(new PlannedOffset(P0, 40L, 100), new PlannedOffset(P1, null, 5)), plan(ResetSpec.Kind.TO_LATEST, 0));
        assertEquals(List.of(new PlannedOffset(P0, 40L, 40), new PlannedOffset(P1, null, 5)), plan(ResetSpec.Kind.TO_CURRENT, 0),
                "the log end where there is no committed offset");
        assertEquals(List.of(), warnings);
    }

    @Test
    void anOffsetIsKeptWithinTheLog() {
        assertEquals(List.of(new PlannedOffset(P0, 40L, 50), new PlannedOffset(P1, null, 5)), plan(ResetSpec.Kind.TO_OFFSET, 50));
        assertEquals(List.of("new offset 50 of t-1 is past its log end offset 5; using 5"), warnings);
        warnings.clear();
        assertEquals(List.of(new PlannedOffset(P0, 40L, 10), new PlannedOffset(P1, null, 3)), plan(ResetSpec.Kind.TO_OFFSET, 3));
        assertEquals(List.of("new offset 3 of t-0 is before its log start offset 10; using 10"), warnings);
    }

    @Test
    void shiftMovesTheCommittedOffsetWithinTheLog() {
        assertEquals(List.of(new PlannedOffset(P0, 40L, 35)), PLANNER.plan("g", new ResetSpec(ResetSpec.Kind.SHIFT_BY, -5), 0,
                List.of(P0), warnings::add));
        assertEquals(List.of(new PlannedOffset(P0, 40L, 100)), PLANNER.plan("g", new ResetSpec(ResetSpec.Kind.SHIFT_BY, 500), 0,
                List.of(P0), warnings::add));
        assertEquals(List.of("new offset 540 of t-0 is past its log end offset 100; using 100"), warnings);
        assertEquals("cannot shift the offset of t-1: group 'g' has no committed offset there",
                assertThrows(ToolFailure.class, () -> plan(ResetSpec.Kind.SHIFT_BY, 1)).getMessage());
    }

    @Test
    void byTimeFallsBackToTheLogEndWhenNoRecordIsThatRecent() {
        assertEquals(List.of(new PlannedOffset(P0, 40L, 70), new PlannedOffset(P1, null, 5)),
                plan(ResetSpec.Kind.TO_DATETIME, 1_714_564_800_000L));
        assertEquals(List.of("t-1 has no record at or after 2024-05-01T12:00:00Z; using its log end offset 5"), warnings);
    }

    @Test
    void offsetsFromAFileAreKeptWithinTheLog() {
        assertEquals(List.of(new PlannedOffset(P0, 40L, 100), new PlannedOffset(P1, null, 3)),
                PLANNER.planRequested(Map.of(P1, 3L, P0, 500L), warnings::add));
        assertEquals(List.of("new offset 500 of t-0 is past its log end offset 100; using 100"), warnings);
    }

    @Test
    void anOffsetTheClusterDidNotGiveFailsThePlan() {
        OffsetResetPlanner blind = new OffsetResetPlanner(Map.of(), Map.of(), Map.of(P0, 1L), Map.of());
        assertEquals("cannot get the log start offset of t-0", assertThrows(ToolFailure.class,
                () -> blind.plan("g", new ResetSpec(ResetSpec.Kind.TO_EARLIEST, 0), 0, List.of(P0), warnings::add)).getMessage());
    }

    private List<PlannedOffset> plan(ResetSpec.Kind kind, long value) {
        return PLANNER.plan("g", new ResetSpec(kind, value), 0, List.of(P1, P0), warnings::add);
    }
}
