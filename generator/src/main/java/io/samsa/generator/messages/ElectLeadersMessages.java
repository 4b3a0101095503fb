package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int32s;
import static io.samsa.generator.schema.SchemaDsl.int8;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/**
 * ElectLeaders (key 43, KIP-183 and KIP-460): elect the preferred replica, or any live replica of a
 * leaderless partition, as leader. Served by the controller. Immutable schemas.
 */
public final class ElectLeadersMessages {

    private ElectLeadersMessages() {
    }

    public static final MessageSpec REQUEST = request(43, "ElectLeaders").versions(0, 2).flexibleFrom(2).fields(
        int8("election_type", "0 elects the preferred replica; 1 the first live replica when no in-sync replica is live.").v(1),
        array("topic_partitions", "The partitions to elect leaders for, or null for every partition.",
            string("topic", "Topic name."),
            int32s("partitions", "Partitions of the topic."))
            .nullable().typeName("TopicPartitions"),
        int32("timeout_ms", "How long to wait for the elections to complete, in ms.").dflt(60000));

    public static final MessageSpec RESPONSE = response(43, "ElectLeaders").versions(0, 2).flexibleFrom(2).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms."),
        int16("error_code", "Top-level error.").v(1),
        array("replica_election_results", "Results per topic.",
            string("topic", "Topic name."),
            array("partition_result", "Results per partition.",
                int32("partition_id", "Partition number."),
                int16("error_code", "Partition error."),
                string("error_message", "Partition error message, or null.").nullable())
                .typeName("PartitionResult"))
            .typeName("ReplicaElectionResult"));
}
