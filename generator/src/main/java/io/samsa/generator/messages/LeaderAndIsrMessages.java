package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.bool;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int32s;
import static io.samsa.generator.schema.SchemaDsl.int64;
import static io.samsa.generator.schema.SchemaDsl.int8;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;
import static io.samsa.generator.schema.SchemaDsl.uuid;

import io.samsa.generator.schema.FieldBuilder;
import io.samsa.generator.schema.MessageSpec;

/**
 * LeaderAndIsr (key 4): the controller tells a broker which partitions it leads or follows.
 * Partition states are a flat list up to v1 and grouped by topic from v2. Immutable schemas.
 */
public final class LeaderAndIsrMessages {

    private LeaderAndIsrMessages() {
    }

    /** One partition's state, ungrouped in v0-v1 (with its topic name) and grouped by topic from v2. */
    private static FieldBuilder[] partitionState() {
        return new FieldBuilder[] {
            string("topic_name", "Topic name (v0-v1, where partitions are not grouped by topic).").ignorable().v(0, 1),
            int32("partition_index", "Partition number."),
            int32("controller_epoch", "Epoch of the controller that chose this leader."),
            int32("leader", "Leader broker id."),
            int32("leader_epoch", "Leader epoch."),
            int32s("isr", "In-sync replicas."),
            int32("partition_epoch", "ZooKeeper version of the partition state."),
            int32s("replicas", "Assigned replicas."),
            int32s("adding_replicas", "Replicas being added by a reassignment.").ignorable().v(3),
            int32s("removing_replicas", "Replicas being removed by a reassignment.").ignorable().v(3),
            bool("is_new", "Whether the replica should exist on the broker already.").ignorable().v(1),
            int8("leader_recovery_state", "0 recovered, 1 recovering after unclean election.").v(6)};
    }

    /** One partition's error, ungrouped in v0-v4 (with its topic name) and grouped by topic id from v5. */
    private static FieldBuilder[] partitionError() {
        return new FieldBuilder[] {
            string("topic_name", "Topic name (v0-v4).").ignorable().v(0, 4),
            int32("partition_index", "Partition number."),
            int16("error_code", "Partition error.")};
    }

    public static final MessageSpec REQUEST = request(4, "LeaderAndIsr").versions(0, 7).flexibleFrom(4).fields(
        int32("controller_id", "Id of the sending controller."),
        bool("is_kraft_controller", "Whether the sender is a KRaft controller.").v(7),
        int32("controller_epoch", "The controller's epoch."),
        int64("broker_epoch", "Epoch of the receiving broker, -1 if unknown.").ignorable().v(2).dflt(-1),
        int8("type", "0 incremental, 1 full (KRaft migration).").v(5),
        array("ungrouped_partition_states", "Partition states, not grouped by topic (v0-v1).", partitionState())
            .v(0, 1).shared().typeName("LeaderAndIsrPartitionState"),
        array("topic_states", "Partition states grouped by topic (v2+).",
            string("topic_name", "Topic name."),
            uuid("topic_id", "Topic id.").ignorable().v(5),
            array("partition_states", "State of each partition.", partitionState())
                .shared().typeName("LeaderAndIsrPartitionState"))
            .v(2).typeName("LeaderAndIsrTopicState"),
        array("live_leaders", "Brokers that lead the partitions above.",
            int32("broker_id", "Broker id."),
            string("host_name", "Host name."),
            int32("port", "Port.")).typeName("LeaderAndIsrLiveLeader"));

    public static final MessageSpec RESPONSE = response(4, "LeaderAndIsr").versions(0, 7).flexibleFrom(4).fields(
        int16("error_code", "Top-level error."),
        array("partition_errors", "Error per partition (v0-v4).", partitionError())
            .v(0, 4).shared().typeName("LeaderAndIsrPartitionError"),
        array("topics", "Errors per topic (v5+).",
            uuid("topic_id", "Topic id."),
            array("partition_errors", "Error per partition.", partitionError())
                .shared().typeName("LeaderAndIsrPartitionError"))
            .v(5).typeName("LeaderAndIsrTopicError"));
}
