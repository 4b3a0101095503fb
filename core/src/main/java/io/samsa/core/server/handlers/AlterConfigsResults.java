package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.server.admin.AdminManager.ApiError;
import io.samsa.core.server.admin.ZkConfigAdmin;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What AlterConfigs and IncrementalAlterConfigs share: the resource type codes and the loop that
 * alters each topic resource and refuses changes to any other. Their generated request and response
 * classes are distinct, so each handler passes how to read its resources and record a result.
 * Stateless.
 */
final class AlterConfigsResults {

    static final byte RESOURCE_TOPIC = 2;
    static final byte RESOURCE_BROKER = 4;
    static final byte RESOURCE_BROKER_LOGGER = 8;

    /** Records one resource's outcome in the response being built. */
    @FunctionalInterface
    interface ResultSink {
        void add(byte resourceType, String resourceName, ApiError result);
    }

    private AlterConfigsResults() {
    }

    /**
     * IncrementalAlterConfigs of a broker resource that only deletes keys: this broker has no
     * dynamic overrides, so there is nothing to delete, and Kafka answers such a request with
     * success (kafka-reassign-partitions --verify clears the replication throttles this way on
     * every broker). The resource names this broker, or is empty for the cluster default, as Kafka
     * requires; anything else that changes a broker's configuration is refused.
     */
    static ApiError deleteBrokerOverrides(int brokerId, String resourceName, List<Byte> operations) {
        if (!resourceName.isEmpty() && !resourceName.equals(Integer.toString(brokerId))) {
            return new ApiError(Errors.INVALID_REQUEST, "Unexpected broker id, expected " + brokerId + " or empty string, but received "
                    + resourceName);
        }
        for (byte op : operations) {
            if (op != ZkConfigAdmin.OP_DELETE) {
                return unsupported(RESOURCE_BROKER);
            }
        }
        return ApiError.NONE;
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
     * Answers every resource of an AlterConfigs-style request, in order, into {@code results}:
     * topics through {@code alterTopic} (topic name and the resource, to read its config entries
     * from), other resource types refused.
     */
    static <R> void alterEach(List<R> resources, Function<R, Byte> type, Function<R, String> name,
                              BiFunction<String, R, ApiError> alterTopic, ResultSink results) {
        alterEach(resources, type, name, alterTopic, (n, resource) -> unsupported(RESOURCE_BROKER), results);
    }

    /** As {@link #alterEach}, with broker resources answered by {@code alterBroker}. */
    static <R> void alterEach(List<R> resources, Function<R, Byte> type, Function<R, String> name,
                              BiFunction<String, R, ApiError> alterTopic, BiFunction<String, R, ApiError> alterBroker,
                              ResultSink results) {
        for (R resource : resources) {
            byte t = type.apply(resource);
            String n = name.apply(resource);
            ApiError result = switch (t) {
                case RESOURCE_TOPIC -> alterTopic.apply(n, resource);
                case RESOURCE_BROKER -> alterBroker.apply(n, resource);
                default -> unsupported(t);
            };
            results.add(t, n, result);
        }
    }
}
