package io.samsa.clients.admin;

/** Options of {@link Admin#createPartitions(java.util.Map, CreatePartitionsOptions)}. Not thread-safe. */
public class CreatePartitionsOptions extends AbstractOptions<CreatePartitionsOptions> {

    private boolean validateOnly;

    /** Only check that the partitions could be added; add nothing. */
    public CreatePartitionsOptions validateOnly(boolean validateOnly) {
        this.validateOnly = validateOnly;
        return this;
    }

    public boolean validateOnly() {
        return validateOnly;
    }
}
