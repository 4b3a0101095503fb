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
 * AlterPartitionReassignments (key 45, KIP-455): move partitions to other brokers, or cancel a move
 * in progress. Served by the controller. Immutable schemas.
 */
public final class AlterPartitionReassignmentsMessages {

    private AlterPartitionReassignmentsMessages() {
    }

    public static final MessageSpec REQUEST = request(45, "AlterPartitionReassignments").versions(0, 0).flexibleFrom(0).fields(
        int32("timeout_ms", "How long the client waits for the answer, in ms.").dflt(60000),
        array("topics", "Topics with partitions to move.",
            string("name", "Topic name."),
            array("partitions", "Partitions to move.",
                int32("partition_index", "Partition number."),
                int32s("replicas", "The brokers to move the partition to, or null to cancel its move in progress.")
                    .nullable().dflt(null))
                .typeName("ReassignablePartition"))
            .typeName("ReassignableTopic"));

    public static final MessageSpec RESPONSE = response(45, "AlterPartitionReassignments").versions(0, 0).flexibleFrom(0).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms."),
        int16("error_code", "Top-level error."),
        string("error_message", "Top-level error message, or null.").nullable().dflt(null),
        array("responses", "Results per topic.",
            string("name", "Topic name."),
            array("partitions", "Results per partition.",
                int32("partition_index", "Partition number."),
                int16("error_code", "Partition error."),
                string("error_message", "Partition error message, or null.").nullable().dflt(null))
                .typeName("ReassignablePartitionResponse"))
            .typeName("ReassignableTopicResponse"));
}
