package io.samsa.clients.admin;

/** Options of {@link Admin#deleteConsumerGroups(java.util.Collection, DeleteConsumerGroupsOptions)}. Not thread-safe. */
public class DeleteConsumerGroupsOptions extends AbstractOptions<DeleteConsumerGroupsOptions> {
}
