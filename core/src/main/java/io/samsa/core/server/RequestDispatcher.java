package io.samsa.core.server;

import io.samsa.core.network.Request;
import io.samsa.core.network.RequestProcessor;
import io.samsa.core.server.handlers.ApiVersionsHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.ApiMessage;

/**
 * Routes each request to its API's handler after checking the version against what that
 * handler serves. An API or version the broker does not serve closes the connection (Kafka's
 * behaviour), except ApiVersions, which answers UNSUPPORTED_VERSION in the v0 layout so that a
 * client can retry with a version it finds in the answer (KIP-511). Thread-safe.
 */
public final class RequestDispatcher implements RequestProcessor {

    private final HandlerRegistry registry;
    private final ApiVersionsHandler apiVersions;

    public RequestDispatcher(HandlerRegistry registry, ApiVersionsHandler apiVersions) {
        this.registry = registry;
        this.apiVersions = apiVersions;
    }

    @Override
    public void process(Request request) {
        ApiHandler<ApiMessage> handler = registry.handler(request.apiKey());
        short version = request.version();
        if (handler == null) {
            request.closeConnection("API " + request.apiKey() + " is not served by this broker");
            return;
        }
        if (version < handler.minVersion() || version > handler.maxVersion()) {
            if (request.apiKey() == ApiKeys.API_VERSIONS) {
                apiVersions.answerUnsupportedVersion(request);
            } else {
                request.closeConnection(request.apiKey() + " v" + version + " is not supported (serving "
                        + handler.minVersion() + "-" + handler.maxVersion() + ")");
            }
            return;
        }
        handler.handle(request, request.apiKey().parseRequest(request.body(), version));
    }
}
