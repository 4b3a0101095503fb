package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.HandlerRegistry;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.ApiVersionsRequest;
import io.samsa.protocol.message.ApiVersionsResponse;

/** ApiVersions: the version ranges of every registered handler, nothing more. Thread-safe. */
public final class ApiVersionsHandler implements ApiHandler<ApiVersionsRequest> {

    private final HandlerRegistry registry;

    public ApiVersionsHandler(HandlerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.API_VERSIONS;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 4;
    }

    @Override
    public void handle(Request request, ApiVersionsRequest body) {
        request.sendResponse(response(Errors.NONE));
    }

    /** The KIP-511 answer to a version newer than ours: error 35 and our ranges, in the v0 layout. */
    public void answerUnsupportedVersion(Request request) {
        request.sendResponse(response(Errors.UNSUPPORTED_VERSION), (short) 0);
    }

    private ApiVersionsResponse response(Errors error) {
        ApiVersionsResponse response = new ApiVersionsResponse().setErrorCode(error.code());
        registry.all().stream()
                .sorted((a, b) -> Short.compare(a.apiKey().id(), b.apiKey().id()))
                .forEach(h -> response.apiKeys().add(new ApiVersionsResponse.ApiVersion()
                        .setApiKey(h.apiKey().id())
                        .setMinVersion(h.minVersion())
                        .setMaxVersion(h.maxVersion())));
        return response;
    }
}
