package io.samsa.core.server;

import io.samsa.core.network.Request;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ApiMessage;

/**
 * Serves one API key over a range of versions. Handlers run on request handler threads and may
 * complete the request later from another thread (a produce waiting for replicas, a fetch
 * waiting for data); the connection keeps responses in order either way.
 */
public interface ApiHandler<R extends ApiMessage> {

    ApiKeys apiKey();

    short minVersion();

    short maxVersion();

    /**
     * Handles a parsed request, whose body is {@link #apiKey()}'s request class; must complete
     * {@code request} exactly once, now or later.
     */
    void handle(Request request, R body);
}
