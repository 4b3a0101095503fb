package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.bool;
import static io.samsa.generator.schema.SchemaDsl.bytes;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/** JoinGroup (key 11): join a classic consumer group and take part in a rebalance. Immutable schemas. */
public final class JoinGroupMessages {

    private JoinGroupMessages() {
    }

    public static final MessageSpec REQUEST = request(11, "JoinGroup").versions(0, 9).flexibleFrom(6).fields(
        string("group_id", "Group id."),
        int32("session_timeout_ms", "Member is dropped after this long without a heartbeat, in ms."),
        int32("rebalance_timeout_ms", "Longest the coordinator waits for members to rejoin, in ms.").ignorable().v(1).dflt(-1),
        string("member_id", "Member id, empty on the first join."),
        string("group_instance_id", "Static member instance id, or null.").v(5).nullable().dflt(null),
        string("protocol_type", "Protocol class, e.g. \"consumer\"."),
        array("protocols", "Protocols (assignors) the member supports, preferred first.",
            string("name", "Protocol name, e.g. \"range\"."),
            bytes("metadata", "Protocol-specific member metadata.")).typeName("JoinGroupRequestProtocol"),
        string("reason", "Why the member is (re)joining, or null.").ignorable().v(8).nullable().dflt(null));

    public static final MessageSpec RESPONSE = response(11, "JoinGroup").versions(0, 9).flexibleFrom(6).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(2),
        int16("error_code", "Error, 0 if joined."),
        int32("generation_id", "Generation of the group.").dflt(-1),
        string("protocol_type", "Chosen protocol class, or null.").ignorable().v(7).nullable().dflt(null),
        string("protocol_name", "Chosen protocol, or null.").nullable(7),
        string("leader", "Member id of the group leader."),
        bool("skip_assignment", "Leader should skip the assignment (server-side assignor).").v(9),
        string("member_id", "This member's id."),
        array("members", "All members, sent to the leader only.",
            string("member_id", "Member id."),
            string("group_instance_id", "Static member instance id, or null.").ignorable().v(5).nullable().dflt(null),
            bytes("metadata", "Member's protocol metadata.")).typeName("JoinGroupResponseMember"));
}
