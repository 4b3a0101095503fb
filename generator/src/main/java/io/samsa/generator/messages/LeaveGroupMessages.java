package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/** LeaveGroup (key 13): members leave a group; a batch of members from v3. Immutable schemas. */
public final class LeaveGroupMessages {

    private LeaveGroupMessages() {
    }

    public static final MessageSpec REQUEST = request(13, "LeaveGroup").versions(0, 5).flexibleFrom(4).fields(
        string("group_id", "Group id."),
        string("member_id", "Id of the leaving member (v0-v2).").v(0, 2),
        array("members", "Leaving members (v3+).",
            string("member_id", "Member id."),
            string("group_instance_id", "Static member instance id, or null.").nullable().dflt(null),
            string("reason", "Why the member leaves, or null.").ignorable().v(5).nullable().dflt(null))
            .v(3).typeName("MemberIdentity"));

    public static final MessageSpec RESPONSE = response(13, "LeaveGroup").versions(0, 5).flexibleFrom(4).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(1),
        int16("error_code", "Top-level error."),
        array("members", "Result per leaving member (v3+).",
            string("member_id", "Member id."),
            string("group_instance_id", "Static member instance id, or null.").nullable(),
            int16("error_code", "Error for this member.")).v(3).typeName("MemberResponse"));
}
