package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.bool;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int32s;
import static io.samsa.generator.schema.SchemaDsl.int64;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/** StopReplica (key 5): the controller tells a broker to stop (and maybe delete) replicas. Immutable schemas. */
public final class StopReplicaMessages {

    private StopReplicaMessages() {
    }

    public static final MessageSpec REQUEST = request(5, "StopReplica").versions(0, 4).flexibleFrom(2).fields(
        int32("controller_id", "Id of the sending controller."),
        bool("is_kraft_controller", "Whether the sender is a KRaft controller.").v(4),
        int32("controller_epoch", "The controller's epoch."),
        int64("broker_epoch", "Epoch of the receiving broker, -1 if unknown.").ignorable().v(1).dflt(-1),
        bool("delete_partitions", "Delete the partitions' data too (v0-v2).").v(0, 2),
        array("ungrouped_partitions", "Partitions to stop (v0).",
            string("topic_name", "Topic name."),
            int32("partition_index", "Partition number.")).v(0, 0).typeName("StopReplicaPartitionV0"),
        array("topics", "Partitions to stop, per topic (v1-v2).",
            string("name", "Topic name."),
            int32s("partition_indexes", "Partition numbers.")).v(1, 2).typeName("StopReplicaTopicV1"),
        array("topic_states", "Partitions to stop with their epochs (v3+).",
            string("topic_name", "Topic name."),
            array("partition_states", "Partitions of the topic.",
                int32("partition_index", "Partition number."),
                int32("leader_epoch", "Leader epoch; -2 deletes regardless of epoch.").dflt(-1),
                bool("delete_partition", "Delete the partition's data too.")).typeName("StopReplicaPartitionState"))
            .v(3).typeName("StopReplicaTopicState"));

    public static final MessageSpec RESPONSE = response(5, "StopReplica").versions(0, 4).flexibleFrom(2).fields(
        int16("error_code", "Top-level error."),
        array("partition_errors", "Error per partition.",
            string("topic_name", "Topic name."),
            int32("partition_index", "Partition number."),
            int16("error_code", "Partition error.")).typeName("StopReplicaPartitionError"));
}
