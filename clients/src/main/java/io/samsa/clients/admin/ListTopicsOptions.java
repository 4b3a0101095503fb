package io.samsa.clients.admin;

/** Options of {@link Admin#listTopics(ListTopicsOptions)}. Not thread-safe. */
public class ListTopicsOptions extends AbstractOptions<ListTopicsOptions> {

    private boolean listInternal;

    /** Whether internal topics such as {@code __consumer_offsets} are listed too. */
    public ListTopicsOptions listInternal(boolean listInternal) {
        this.listInternal = listInternal;
        return this;
    }

    public boolean shouldListInternal() {
        return listInternal;
    }
}
