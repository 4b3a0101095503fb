package io.samsa.clients.admin;

/** Options of {@link Admin#incrementalAlterConfigs(java.util.Map, AlterConfigsOptions)}. Not thread-safe. */
public class AlterConfigsOptions extends AbstractOptions<AlterConfigsOptions> {

    private boolean validateOnly;

    /** Only check that the changes are valid; change nothing. */
    public AlterConfigsOptions validateOnly(boolean validateOnly) {
        this.validateOnly = validateOnly;
        return this;
    }

    public boolean shouldValidateOnly() {
        return validateOnly;
    }
}
