package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int64;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/** OffsetCommit (key 8): store a consumer group's committed offsets. Immutable schemas. */
public final class OffsetCommitMessages {

    private OffsetCommitMessages() {
    }

    public static final MessageSpec REQUEST = request(8, "OffsetCommit").versions(0, 9).flexibleFrom(8).fields(
        string("group_id", "Group id."),
        int32("generation_id_or_member_epoch", "Group generation (classic) or member epoch; -1 outside a group.").ignorable().v(1).dflt(-1),
        string("member_id", "Member id assigned by the coordinator.").ignorable().v(1),
        string("group_instance_id", "Static member instance id, or null.").v(7).nullable().dflt(null),
        int64("retention_time_ms", "How long to keep the offsets, -1 for the broker default (v2-v4).").ignorable().v(2, 4).dflt(-1),
        array("topics", "Offsets per topic.",
            string("name", "Topic name."),
            array("partitions", "Offsets per partition.",
                int32("partition_index", "Partition number."),
                int64("committed_offset", "Offset to commit."),
                int32("committed_leader_epoch", "Leader epoch of the last consumed record, -1 if unknown.").ignorable().v(6).dflt(-1),
                int64("commit_timestamp", "Commit timestamp (v1 only), -1 for now.").v(1, 1).dflt(-1),
                string("committed_metadata", "Client metadata stored with the offset, or null.").nullable())
                .typeName("OffsetCommitRequestPartition"))
            .typeName("OffsetCommitRequestTopic"));

    public static final MessageSpec RESPONSE = response(8, "OffsetCommit").versions(0, 9).flexibleFrom(8).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(3),
        array("topics", "Result per topic.",
            string("name", "Topic name."),
            array("partitions", "Result per partition.",
                int32("partition_index", "Partition number."),
                int16("error_code", "Error, 0 if committed.")).typeName("OffsetCommitResponsePartition"))
            .typeName("OffsetCommitResponseTopic"));
}
