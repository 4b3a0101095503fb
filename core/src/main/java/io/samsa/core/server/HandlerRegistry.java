package io.samsa.core.server;

import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ApiMessage;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one table that knows every API this broker serves. ApiVersions answers from it, so the
 * broker never advertises a version it has no handler for. Immutable after construction.
 */
public final class HandlerRegistry {

    private final Map<ApiKeys, ApiHandler<?>> handlers = new EnumMap<>(ApiKeys.class);

    public HandlerRegistry register(ApiHandler<?> handler) {
        if (handler.minVersion() < handler.apiKey().oldestVersion() || handler.maxVersion() > handler.apiKey().latestVersion()) {
            throw new IllegalArgumentException(handler.apiKey() + " handler serves versions " + handler.minVersion() + "-"
                    + handler.maxVersion() + " beyond the schema's " + handler.apiKey().oldestVersion() + "-"
                    + handler.apiKey().latestVersion());
        }
        if (handlers.putIfAbsent(handler.apiKey(), handler) != null) {
            throw new IllegalArgumentException("Two handlers for " + handler.apiKey());
        }
        return this;
    }

    /** The handler of {@code key}, typed for the dispatcher, which hands it only that API's requests; or null. */
    @SuppressWarnings("unchecked")
    public ApiHandler<ApiMessage> handler(ApiKeys key) {
        return (ApiHandler<ApiMessage>) handlers.get(key);
    }

    public Collection<ApiHandler<?>> all() {
        return Collections.unmodifiableCollection(handlers.values());
    }
}
