package io.samsa.clients.admin;

/** Options of {@link Admin#listConsumerGroupOffsets(java.util.Map, ListConsumerGroupOffsetsOptions)}. Not thread-safe. */
public class ListConsumerGroupOffsetsOptions extends AbstractOptions<ListConsumerGroupOffsetsOptions> {

    private boolean requireStable;

    /** Wait for offsets that open transactions are about to commit instead of failing on them. */
    public ListConsumerGroupOffsetsOptions requireStable(boolean requireStable) {
        this.requireStable = requireStable;
        return this;
    }

    public boolean requireStable() {
        return requireStable;
    }
}
