package io.samsa.clients.admin;

/** Options of {@link Admin#alterConsumerGroupOffsets(String, java.util.Map, AlterConsumerGroupOffsetsOptions)}. Not thread-safe. */
public class AlterConsumerGroupOffsetsOptions extends AbstractOptions<AlterConsumerGroupOffsetsOptions> {
}
