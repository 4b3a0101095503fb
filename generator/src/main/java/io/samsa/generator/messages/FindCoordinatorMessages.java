package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int8;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;
import static io.samsa.generator.schema.SchemaDsl.strings;

import io.samsa.generator.schema.MessageSpec;

/**
 * FindCoordinator (key 10): which broker coordinates a group or a transactional id. One key per
 * request up to v3, a batch of keys from v4. Immutable schemas.
 */
public final class FindCoordinatorMessages {

    private FindCoordinatorMessages() {
    }

    public static final MessageSpec REQUEST = request(10, "FindCoordinator").versions(0, 6).flexibleFrom(3).fields(
        string("key", "Group id or transactional id (v0-v3).").v(0, 3),
        int8("key_type", "0 group, 1 transaction, 2 share group.").v(1),
        strings("coordinator_keys", "Keys to look up (v4+).").v(4));

    public static final MessageSpec RESPONSE = response(10, "FindCoordinator").versions(0, 6).flexibleFrom(3).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(1),
        int16("error_code", "Error (v0-v3).").v(0, 3),
        string("error_message", "Error message, or null (v1-v3).").ignorable().v(1, 3).nullable(),
        int32("node_id", "Coordinator broker id (v0-v3).").v(0, 3),
        string("host", "Coordinator host (v0-v3).").v(0, 3),
        int32("port", "Coordinator port (v0-v3).").v(0, 3),
        array("coordinators", "Result per key (v4+).",
            string("key", "The key looked up."),
            int32("node_id", "Coordinator broker id."),
            string("host", "Coordinator host."),
            int32("port", "Coordinator port."),
            int16("error_code", "Error for this key."),
            string("error_message", "Error message, or null.").ignorable().nullable()).v(4).typeName("Coordinator"));
}
