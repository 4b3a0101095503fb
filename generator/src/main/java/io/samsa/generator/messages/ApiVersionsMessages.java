package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.bool;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int64;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/** ApiVersions (key 18): which versions of which APIs the broker serves. Immutable schemas. */
public final class ApiVersionsMessages {

    private ApiVersionsMessages() {
    }

    public static final MessageSpec REQUEST = request(18, "ApiVersions").versions(0, 4).flexibleFrom(3).fields(
        string("client_software_name", "Name of the client library, for broker-side metrics.").ignorable().v(3),
        string("client_software_version", "Version of the client library.").ignorable().v(3));

    public static final MessageSpec RESPONSE = response(18, "ApiVersions").versions(0, 4).flexibleFrom(3).fields(
        int16("error_code", "Top-level error; 35 when the request version is too new."),
        array("api_keys", "One entry per API the broker serves.",
            int16("api_key", "The API key."),
            int16("min_version", "Lowest version served."),
            int16("max_version", "Highest version served.")).typeName("ApiVersion"),
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(1),
        array("supported_features", "Features this broker supports, with version ranges.",
            string("name", "Feature name."),
            int16("min_version", "Lowest supported feature level."),
            int16("max_version", "Highest supported feature level.")).ignorable().v(3).tag(0).typeName("SupportedFeatureKey"),
        int64("finalized_features_epoch", "Epoch of the finalized feature levels, -1 if unknown.").ignorable().v(3).tag(1).dflt(-1),
        array("finalized_features", "Cluster-wide finalized feature levels.",
            string("name", "Feature name."),
            int16("max_version_level", "Highest finalized level."),
            int16("min_version_level", "Lowest finalized level.")).ignorable().v(3).tag(2).typeName("FinalizedFeatureKey"),
        bool("zk_migration_ready", "KRaft migration readiness; always false for ZooKeeper brokers.").ignorable().v(3).tag(3));
}
