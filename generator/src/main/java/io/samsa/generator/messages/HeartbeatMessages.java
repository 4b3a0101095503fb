package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/** Heartbeat (key 12): a group member says it is alive. Immutable schemas. */
public final class HeartbeatMessages {

    private HeartbeatMessages() {
    }

    public static final MessageSpec REQUEST = request(12, "Heartbeat").versions(0, 4).flexibleFrom(4).fields(
        string("group_id", "Group id."),
        int32("generation_id", "Generation the member belongs to."),
        string("member_id", "Member id."),
        string("group_instance_id", "Static member instance id, or null.").v(3).nullable().dflt(null));

    public static final MessageSpec RESPONSE = response(12, "Heartbeat").versions(0, 4).flexibleFrom(4).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(1),
        int16("error_code", "Error; REBALANCE_IN_PROGRESS asks the member to rejoin."));
}
