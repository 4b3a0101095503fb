package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.server.admin.AdminManager.ApiError;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.List;
import java.util.function.BiFunction;

/**
 * What AlterConfigs and IncrementalAlterConfigs share: the resource type codes, reading the
 * request's resource list, and the per-resource result entry. Stateless.
 */
final class AlterConfigsResults {

    static final byte RESOURCE_TOPIC = 2;
    static final byte RESOURCE_BROKER = 4;
    static final byte RESOURCE_BROKER_LOGGER = 8;

    private AlterConfigsResults() {
    }

    static List<Struct> resources(Struct body) {
        List<Struct> resources = body.getStructArray("resources");
        return resources == null ? List.of() : resources;
    }

    static List<Struct> configs(Struct resource) {
        List<Struct> configs = resource.getStructArray("configs");
        return configs == null ? List.of() : configs;
    }

    /** The answer for a resource type this broker does not change at runtime. */
    static ApiError unsupported(byte type) {
        if (type == RESOURCE_BROKER || type == RESOURCE_BROKER_LOGGER) {
            return new ApiError(Errors.INVALID_REQUEST,
                    "This broker's configuration is static: change server.properties and restart it");
        }
        return new ApiError(Errors.INVALID_REQUEST, "Unsupported resource type " + type);
    }

    /**
     * Answers every resource of an AlterConfigs-style request: topics through {@code alterTopic}
     * (topic name and its config entries), other resource types refused.
     */
    static Struct respond(ApiKeys api, Struct body, BiFunction<String, List<Struct>, ApiError> alterTopic) {
        Struct response = new Struct(api.responseSpec().root());
        for (Struct resource : resources(body)) {
            byte type = resource.getByte("resource_type");
            String name = resource.getString("resource_name");
            ApiError result = type == RESOURCE_TOPIC ? alterTopic.apply(name, configs(resource)) : unsupported(type);
            add(response, type, name, result);
        }
        return response;
    }

    static void add(Struct response, byte type, String name, ApiError result) {
        response.addElement("responses")
                .set("error_code", result.error().code())
                .set("error_message", result.message())
                .set("resource_type", type)
                .set("resource_name", name);
    }
}
