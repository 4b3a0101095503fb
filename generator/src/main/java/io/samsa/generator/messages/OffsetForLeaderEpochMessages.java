package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int64;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/**
 * OffsetForLeaderEpoch (key 23): the end offset of a leader epoch, which followers (and
 * consumers) use to truncate a diverged log. Immutable schemas.
 */
public final class OffsetForLeaderEpochMessages {

    private OffsetForLeaderEpochMessages() {
    }

    public static final MessageSpec REQUEST = request(23, "OffsetForLeaderEpoch").versions(0, 4).flexibleFrom(4).fields(
        int32("replica_id", "Follower broker id, -1 for a consumer, -2 for debugging.").ignorable().v(3).dflt(-2),
        array("topics", "Epochs to look up, per topic.",
            string("topic", "Topic name."),
            array("partitions", "Epochs to look up, per partition.",
                int32("partition", "Partition number."),
                int32("current_leader_epoch", "Leader epoch the sender knows, -1 if unknown.").ignorable().v(2).dflt(-1),
                int32("leader_epoch", "The epoch to find the end offset of.")).typeName("OffsetForLeaderPartition"))
            .typeName("OffsetForLeaderTopic"));

    public static final MessageSpec RESPONSE = response(23, "OffsetForLeaderEpoch").versions(0, 4).flexibleFrom(4).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(2),
        array("topics", "Results per topic.",
            string("topic", "Topic name."),
            array("partitions", "Results per partition.",
                int16("error_code", "Partition error."),
                int32("partition", "Partition number."),
                int32("leader_epoch", "Largest epoch not above the requested one, -1 if unknown.").ignorable().v(1).dflt(-1),
                int64("end_offset", "End offset of that epoch, -1 if unknown.").dflt(-1)).typeName("EpochEndOffset"))
            .typeName("OffsetForLeaderTopicResult"));
}
