package io.samsa.clients.admin;

import io.samsa.common.IsolationLevel;

import java.util.Objects;

/** Options of {@link Admin#listOffsets(java.util.Map, ListOffsetsOptions)}. Not thread-safe. */
public class ListOffsetsOptions extends AbstractOptions<ListOffsetsOptions> {

    private final IsolationLevel isolationLevel;

    public ListOffsetsOptions() {
        this(IsolationLevel.READ_UNCOMMITTED);
    }

    /** With {@link IsolationLevel#READ_COMMITTED}, "latest" means the last stable offset. */
    public ListOffsetsOptions(IsolationLevel isolationLevel) {
        this.isolationLevel = Objects.requireNonNull(isolationLevel, "isolationLevel");
    }

    public IsolationLevel isolationLevel() {
        return isolationLevel;
    }
}
