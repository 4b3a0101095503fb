package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int32s;
import static io.samsa.generator.schema.SchemaDsl.int64;
import static io.samsa.generator.schema.SchemaDsl.int8;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;
import static io.samsa.generator.schema.SchemaDsl.uuid;

import io.samsa.generator.schema.MessageSpec;

/**
 * AlterPartition (key 56, KIP-497): a partition leader asks the controller to change the ISR; the
 * controller, the only writer of partition state, checks the epochs and answers with the state it
 * wrote. Broker to controller only. Immutable schemas.
 */
public final class AlterPartitionMessages {

    private AlterPartitionMessages() {
    }

    public static final MessageSpec REQUEST = request(56, "AlterPartition").versions(0, 3).flexibleFrom(0).fields(
        int32("broker_id", "The leader asking for the change."),
        int64("broker_epoch", "The leader's broker epoch, -1 if unknown.").dflt(-1),
        array("topics", "Partitions to change, per topic.",
            string("topic_name", "Topic name (v0-v1).").ignorable().v(0, 1),
            uuid("topic_id", "Topic id (v2+).").ignorable().v(2),
            array("partitions", "Partitions to change.",
                int32("partition_index", "Partition number."),
                int32("leader_epoch", "The leader epoch the leader holds."),
                int32s("new_isr", "The ISR it proposes (v0-v2).").v(0, 2),
                array("new_isr_with_epochs", "The ISR it proposes, with each member's broker epoch (v3+).",
                    int32("broker_id", "Broker id."),
                    int64("broker_epoch", "Its broker epoch, -1 if not checked.").dflt(-1)).v(3).typeName("BrokerState"),
                int8("leader_recovery_state", "1 while recovering from an unclean election, else 0.").v(1),
                int32("partition_epoch", "The partition epoch (ZooKeeper version of its state) the leader holds."))
                .typeName("PartitionData"))
            .typeName("TopicData"));

    public static final MessageSpec RESPONSE = response(56, "AlterPartition").versions(0, 3).flexibleFrom(0).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms."),
        int16("error_code", "Top-level error."),
        array("topics", "Results per topic.",
            string("topic_name", "Topic name (v0-v1).").ignorable().v(0, 1),
            uuid("topic_id", "Topic id (v2+).").ignorable().v(2),
            array("partitions", "Results per partition.",
                int32("partition_index", "Partition number."),
                int16("error_code", "Partition error."),
                int32("leader_id", "The leader."),
                int32("leader_epoch", "The leader epoch."),
                int32s("isr", "The in-sync replicas now."),
                int8("leader_recovery_state", "1 while recovering from an unclean election, else 0.").ignorable().v(1),
                int32("partition_epoch", "The partition epoch now (ZooKeeper version of the state)."))
                .typeName("PartitionData"))
            .typeName("TopicData"));
}
