package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int32s;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/**
 * ListPartitionReassignments (key 46, KIP-455): the partition moves in progress, with the replicas
 * being added and removed. Served by the controller. Immutable schemas.
 */
public final class ListPartitionReassignmentsMessages {

    private ListPartitionReassignmentsMessages() {
    }

    public static final MessageSpec REQUEST = request(46, "ListPartitionReassignments").versions(0, 0).flexibleFrom(0).fields(
        int32("timeout_ms", "How long the client waits for the answer, in ms.").dflt(60000),
        array("topics", "Partitions to look at, per topic; null for every move in progress.",
            string("name", "Topic name."),
            int32s("partition_indexes", "Partition numbers."))
            .nullable().dflt(null).typeName("ListPartitionReassignmentsTopics"));

    public static final MessageSpec RESPONSE = response(46, "ListPartitionReassignments").versions(0, 0).flexibleFrom(0).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms."),
        int16("error_code", "Top-level error."),
        string("error_message", "Top-level error message, or null.").nullable().dflt(null),
        array("topics", "Moves in progress, per topic.",
            string("name", "Topic name."),
            array("partitions", "Moves in progress, per partition.",
                int32("partition_index", "Partition number."),
                int32s("replicas", "Every replica the partition has during the move: the target ones, then the original ones."),
                int32s("adding_replicas", "The replicas being added."),
                int32s("removing_replicas", "The replicas being removed."))
                .typeName("OngoingPartitionReassignment"))
            .typeName("OngoingTopicReassignment"));
}
