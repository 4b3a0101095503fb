package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.bytes;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/** SyncGroup (key 14): the leader hands out assignments, every member receives its own. Immutable schemas. */
public final class SyncGroupMessages {

    private SyncGroupMessages() {
    }

    public static final MessageSpec REQUEST = request(14, "SyncGroup").versions(0, 5).flexibleFrom(4).fields(
        string("group_id", "Group id."),
        int32("generation_id", "Generation of the group."),
        string("member_id", "Member id."),
        string("group_instance_id", "Static member instance id, or null.").v(3).nullable().dflt(null),
        string("protocol_type", "Protocol class, or null.").ignorable().v(5).nullable().dflt(null),
        string("protocol_name", "Chosen protocol, or null.").ignorable().v(5).nullable().dflt(null),
        array("assignments", "Assignment per member; sent by the leader only.",
            string("member_id", "Member id."),
            bytes("assignment", "The member's assignment.")).typeName("SyncGroupRequestAssignment"));

    public static final MessageSpec RESPONSE = response(14, "SyncGroup").versions(0, 5).flexibleFrom(4).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(1),
        int16("error_code", "Error, 0 if synced."),
        string("protocol_type", "Protocol class, or null.").ignorable().v(5).nullable().dflt(null),
        string("protocol_name", "Chosen protocol, or null.").ignorable().v(5).nullable().dflt(null),
        bytes("assignment", "This member's assignment."));
}
