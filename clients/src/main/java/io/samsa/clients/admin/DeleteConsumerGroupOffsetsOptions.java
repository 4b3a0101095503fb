package io.samsa.clients.admin;

/** Options of {@link Admin#deleteConsumerGroupOffsets(String, java.util.Set, DeleteConsumerGroupOffsetsOptions)}. Not thread-safe. */
public class DeleteConsumerGroupOffsetsOptions extends AbstractOptions<DeleteConsumerGroupOffsetsOptions> {
}
