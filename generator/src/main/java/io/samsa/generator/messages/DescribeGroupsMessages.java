package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.bool;
import static io.samsa.generator.schema.SchemaDsl.bytes;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;
import static io.samsa.generator.schema.SchemaDsl.strings;

import io.samsa.generator.schema.MessageSpec;

/** DescribeGroups (key 15): state, protocol and members of classic groups. Immutable schemas. */
public final class DescribeGroupsMessages {

    private DescribeGroupsMessages() {
    }

    public static final MessageSpec REQUEST = request(15, "DescribeGroups").versions(0, 5).flexibleFrom(5).fields(
        strings("groups", "Group ids to describe."),
        bool("include_authorized_operations", "Return each group's authorized operations.").v(3));

    public static final MessageSpec RESPONSE = response(15, "DescribeGroups").versions(0, 5).flexibleFrom(5).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(1),
        array("groups", "Result per group.",
            int16("error_code", "Error for this group."),
            string("group_id", "Group id."),
            string("group_state", "State, e.g. Stable, PreparingRebalance, Empty, Dead."),
            string("protocol_type", "Protocol class, e.g. \"consumer\"."),
            string("protocol_data", "Chosen protocol (assignor) name."),
            array("members", "Group members.",
                string("member_id", "Member id."),
                string("group_instance_id", "Static member instance id, or null.").ignorable().v(4).nullable().dflt(null),
                string("client_id", "Client id of the member."),
                string("client_host", "Host the member connects from."),
                bytes("member_metadata", "The member's protocol metadata."),
                bytes("member_assignment", "The member's current assignment.")).typeName("DescribedGroupMember"),
            int32("authorized_operations", "Bit field of authorized operations on the group.").v(3)
                .dflt(Integer.MIN_VALUE)).typeName("DescribedGroup"));
}
