package io.samsa.clients.admin;

/** Options of {@link Admin#deleteTopics(java.util.Collection, DeleteTopicsOptions)}. Not thread-safe. */
public class DeleteTopicsOptions extends AbstractOptions<DeleteTopicsOptions> {
}
