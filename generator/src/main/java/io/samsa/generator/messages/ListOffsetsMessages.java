package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int64;
import static io.samsa.generator.schema.SchemaDsl.int64s;
import static io.samsa.generator.schema.SchemaDsl.int8;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/** ListOffsets (key 2): offsets by timestamp, or the earliest/latest offsets. Immutable schemas. */
public final class ListOffsetsMessages {

    private ListOffsetsMessages() {
    }

    public static final MessageSpec REQUEST = request(2, "ListOffsets").versions(0, 9).flexibleFrom(6).fields(
        int32("replica_id", "Broker id of a follower, -1 for a consumer."),
        int8("isolation_level", "0 read_uncommitted, 1 read_committed.").v(2),
        array("topics", "Partitions to look up, per topic.",
            string("name", "Topic name."),
            array("partitions", "Partitions to look up.",
                int32("partition_index", "Partition number."),
                int32("current_leader_epoch", "Leader epoch the client knows, -1 if unknown.").ignorable().v(4).dflt(-1),
                int64("timestamp", "Target timestamp; -1 latest, -2 earliest, -3 max timestamp, ..."),
                int32("max_num_offsets", "Most offsets to return (v0 only).").v(0, 0).dflt(1))
                .typeName("ListOffsetsPartition"))
            .typeName("ListOffsetsTopic"));

    public static final MessageSpec RESPONSE = response(2, "ListOffsets").versions(0, 9).flexibleFrom(6).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(2),
        array("topics", "Results per topic.",
            string("name", "Topic name."),
            array("partitions", "Results per partition.",
                int32("partition_index", "Partition number."),
                int16("error_code", "Partition-level error."),
                int64s("old_style_offsets", "Offsets found (v0 only).").v(0, 0),
                int64("timestamp", "Timestamp of the offset found, -1 if none.").v(1).dflt(-1),
                int64("offset", "The offset found, -1 if none.").v(1).dflt(-1),
                int32("leader_epoch", "Leader epoch of the offset found.").v(4).dflt(-1))
                .typeName("ListOffsetsPartitionResponse"))
            .typeName("ListOffsetsTopicResponse"));
}
