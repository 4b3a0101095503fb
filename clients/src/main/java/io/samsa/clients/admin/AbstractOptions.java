package io.samsa.clients.admin;

/**
 * What every admin call's options have: a timeout that overrides {@code default.api.timeout.ms}.
 * Options are plain mutable holders; do not change one while a call made with it is being set up.
 *
 * @param <T> the concrete options class, so setters chain
 */
public abstract class AbstractOptions<T extends AbstractOptions<T>> {

    private Integer timeoutMs;

    /** How long the call may take before its futures fail with a TimeoutException; null for the default. */
    @SuppressWarnings("unchecked")
    public T timeoutMs(Integer timeoutMs) {
        this.timeoutMs = timeoutMs;
        return (T) this;
    }

    /** The timeout, or null for {@code default.api.timeout.ms}. */
    public Integer timeoutMs() {
        return timeoutMs;
    }
}
