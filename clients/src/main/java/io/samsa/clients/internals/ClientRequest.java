package io.samsa.clients.internals;

import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ApiMessage;

import java.util.function.Function;

/**
 * A request before its version is chosen: the API, the versions the caller can build, and how to
 * build the body for the version the network client picks (a Fetch names topics by id from v13,
 * so its body depends on the version). Immutable.
 *
 * @param expectResponse false only for produce with acks=0, which the broker never answers
 */
public record ClientRequest(ApiKeys api, short minVersion, short maxVersion, Function<Short, ApiMessage> builder,
                            boolean expectResponse) {

    /** A body that reads the same at every version of the API. */
    public static ClientRequest of(ApiMessage body) {
        ApiKeys api = ApiKeys.forId(body.apiKey());
        return new ClientRequest(api, api.oldestVersion(), api.latestVersion(), v -> body, true);
    }

    /** A body built per version, for versions {@code min..max}. */
    public static ClientRequest of(ApiKeys api, short min, short max, Function<Short, ApiMessage> builder) {
        return new ClientRequest(api, min, max, builder, true);
    }

    public ClientRequest withVersions(short min, short max) {
        return new ClientRequest(api, min, max, builder, expectResponse);
    }

    public ClientRequest withoutResponse() {
        return new ClientRequest(api, minVersion, maxVersion, builder, false);
    }
}
