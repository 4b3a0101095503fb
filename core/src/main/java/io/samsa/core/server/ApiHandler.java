package io.samsa.core.server;

import io.samsa.core.network.Request;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

/**
 * Serves one API key over a range of versions. Handlers run on request handler threads and may
 * complete the request later from another thread (a produce waiting for replicas, a fetch
 * waiting for data); the connection keeps responses in order either way.
 */
public interface ApiHandler {

    ApiKeys apiKey();

    short minVersion();

    short maxVersion();

    /** Handles a parsed request; must complete {@code request} exactly once, now or later. */
    void handle(Request request, Struct body);
}
