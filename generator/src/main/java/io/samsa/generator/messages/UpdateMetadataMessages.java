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
 * UpdateMetadata (key 6): the controller pushes live brokers and partition states to every
 * broker's metadata cache. Immutable schemas.
 */
public final class UpdateMetadataMessages {

    private UpdateMetadataMessages() {
    }

    /** One partition's state, ungrouped in v0-v4 (with its topic name) and grouped by topic from v5. */
    private static FieldBuilder[] partitionState() {
        return new FieldBuilder[] {
            string("topic_name", "Topic name (v0-v4, where partitions are not grouped by topic).").ignorable().v(0, 4),
            int32("partition_index", "Partition number."),
            int32("controller_epoch", "Epoch of the controller that chose this leader."),
            int32("leader", "Leader broker id."),
            int32("leader_epoch", "Leader epoch."),
            int32s("isr", "In-sync replicas."),
            int32("zk_version", "ZooKeeper version of the partition state."),
            int32s("replicas", "Assigned replicas."),
            int32s("offline_replicas", "Replicas on offline log directories.").ignorable().v(4)};
    }

    public static final MessageSpec REQUEST = request(6, "UpdateMetadata").versions(0, 8).flexibleFrom(6).fields(
        int32("controller_id", "Id of the sending controller."),
        bool("is_kraft_controller", "Whether the sender is a KRaft controller.").v(8),
        int8("type", "0 incremental, 1 full (KRaft migration).").v(8).tag(0),
        int32("controller_epoch", "The controller's epoch."),
        int64("broker_epoch", "Epoch of the receiving broker, -1 if unknown.").ignorable().v(5).dflt(-1),
        array("ungrouped_partition_states", "Partition states, not grouped by topic (v0-v4).", partitionState())
            .v(0, 4).shared().typeName("UpdateMetadataPartitionState"),
        array("topic_states", "Partition states grouped by topic (v5+).",
            string("topic_name", "Topic name."),
            uuid("topic_id", "Topic id.").ignorable().v(7),
            array("partition_states", "State of each partition.", partitionState())
                .shared().typeName("UpdateMetadataPartitionState"))
            .v(5).typeName("UpdateMetadataTopicState"),
        array("live_brokers", "Every live broker.",
            int32("id", "Broker id."),
            string("v0_host", "Host name (v0 only).").ignorable().v(0, 0),
            int32("v0_port", "Port (v0 only).").ignorable().v(0, 0),
            array("endpoints", "Listeners of the broker (v1+).",
                int32("port", "Port."),
                string("host", "Host name."),
                string("listener", "Listener name.").ignorable().v(3),
                int16("security_protocol", "Security protocol id.")).ignorable().v(1).typeName("UpdateMetadataEndpoint"),
            string("rack", "Rack, or null.").ignorable().v(2).nullable()).typeName("UpdateMetadataBroker"));

    public static final MessageSpec RESPONSE = response(6, "UpdateMetadata").versions(0, 8).flexibleFrom(6).fields(
        int16("error_code", "Error, 0 if applied."));
}
