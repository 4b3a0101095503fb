package io.samsa.clients.admin;

/** Options of {@link Admin#listPartitionReassignments(java.util.Optional, ListPartitionReassignmentsOptions)}. Not thread-safe. */
public class ListPartitionReassignmentsOptions extends AbstractOptions<ListPartitionReassignmentsOptions> {
}
