package io.samsa.clients.admin;

/** Options of {@link Admin#createTopics(java.util.Collection, CreateTopicsOptions)}. Not thread-safe. */
public class CreateTopicsOptions extends AbstractOptions<CreateTopicsOptions> {

    private boolean validateOnly;

    /** Only check that the topics could be created; create nothing. */
    public CreateTopicsOptions validateOnly(boolean validateOnly) {
        this.validateOnly = validateOnly;
        return this;
    }

    public boolean shouldValidateOnly() {
        return validateOnly;
    }
}
