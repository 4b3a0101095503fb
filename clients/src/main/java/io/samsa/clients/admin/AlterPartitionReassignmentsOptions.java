package io.samsa.clients.admin;

/** Options of {@link Admin#alterPartitionReassignments(java.util.Map, AlterPartitionReassignmentsOptions)}. Not thread-safe. */
public class AlterPartitionReassignmentsOptions extends AbstractOptions<AlterPartitionReassignmentsOptions> {
}
