package io.samsa.core.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The replica bookkeeping of a reassignment: RS = TRS + ORS, adding = TRS - ORS, removing = ORS - TRS. */
class ReplicaAssignmentTest {

    @Test
    void aMoveToOtherBrokersListsTheTargetFirstThenTheOriginalReplicas() {
        ReplicaAssignment moving = ReplicaAssignment.of(List.of(1, 2, 3)).reassignTo(List.of(4, 5, 6));
        assertEquals(new ReplicaAssignment(List.of(4, 5, 6, 1, 2, 3), List.of(4, 5, 6), List.of(1, 2, 3)), moving);
        assertTrue(moving.isBeingReassigned());
        assertEquals(List.of(1, 2, 3), moving.originReplicas());
        assertEquals(List.of(4, 5, 6), moving.targetReplicas());
    }

    @Test
    void overlappingReplicasStayAndOnlyTheDifferencesMove() {
        ReplicaAssignment moving = ReplicaAssignment.of(List.of(1, 2, 3)).reassignTo(List.of(3, 4, 2));
        assertEquals(new ReplicaAssignment(List.of(3, 4, 2, 1), List.of(4), List.of(1)), moving);
        assertEquals(List.of(3, 2, 1), moving.originReplicas(), "as Kafka warns, the original order is not kept");
    }

    @Test
    void aNewTargetStartsAgainFromTheOriginalReplicasAndTheOriginalTargetCancels() {
        ReplicaAssignment first = ReplicaAssignment.of(List.of(1, 2)).reassignTo(List.of(1, 3));
        assertEquals(new ReplicaAssignment(List.of(1, 3, 2), List.of(3), List.of(2)), first);
        assertEquals(new ReplicaAssignment(List.of(4, 1, 2), List.of(4), List.of(2)), first.reassignTo(List.of(4, 1)));
        ReplicaAssignment cancelled = first.reassignTo(first.originReplicas());
        assertEquals(ReplicaAssignment.of(List.of(1, 2)), cancelled);
        assertFalse(cancelled.isBeingReassigned());
    }

    @Test
    void reorderingTheSameReplicasIsNoReassignment() {
        ReplicaAssignment reordered = ReplicaAssignment.of(List.of(1, 2)).reassignTo(List.of(2, 1));
        assertEquals(ReplicaAssignment.of(List.of(2, 1)), reordered);
        assertFalse(reordered.isBeingReassigned());
    }
}
