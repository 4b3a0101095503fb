package io.samsa.clients.internals;

import io.samsa.common.Node;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ApiMessage;

/**
 * A broker's answer: which node sent it, at which version, and the parsed body (null for a request
 * that expects none). Immutable.
 */
public record ClientResponse(Node node, ApiKeys api, short version, ApiMessage body, long sentMs, long receivedMs) {

    @SuppressWarnings("unchecked")
    public <T extends ApiMessage> T bodyAs() {
        return (T) body;
    }

    public long latencyMs() {
        return receivedMs - sentMs;
    }
}
