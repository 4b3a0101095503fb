package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.bool;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int32s;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;
import static io.samsa.generator.schema.SchemaDsl.uuid;

import io.samsa.generator.schema.MessageSpec;

/** Metadata (key 3): brokers, controller, topics and partition leadership. Immutable schemas. */
public final class MetadataMessages {

    private MetadataMessages() {
    }

    public static final MessageSpec REQUEST = request(3, "Metadata").versions(0, 12).flexibleFrom(9).fields(
        array("topics", "Topics to describe; null (v1+) for all topics, empty for none (v0: empty means all).",
            uuid("topic_id", "Topic id, or zero to look the topic up by name.").ignorable().v(10),
            string("name", "Topic name; null when asking by id.").nullable(10)).nullable(1).typeName("MetadataRequestTopic"),
        bool("allow_auto_topic_creation", "Create missing topics if the broker allows it.").v(4).dflt(true),
        bool("include_cluster_authorized_operations", "Return the cluster's authorized operations.").v(8, 10),
        bool("include_topic_authorized_operations", "Return each topic's authorized operations.").v(8));

    public static final MessageSpec RESPONSE = response(3, "Metadata").versions(0, 12).flexibleFrom(9).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(3),
        array("brokers", "Live brokers.",
            int32("node_id", "Broker id."),
            string("host", "Advertised host name."),
            int32("port", "Advertised port."),
            string("rack", "Rack, or null.").ignorable().v(1).nullable().dflt(null)).typeName("MetadataResponseBroker"),
        string("cluster_id", "Cluster id, or null.").ignorable().v(2).nullable().dflt(null),
        int32("controller_id", "Id of the controller broker, -1 if none.").ignorable().v(1).dflt(-1),
        array("topics", "Each requested topic.",
            int16("error_code", "Topic-level error."),
            string("name", "Topic name.").nullable(12),
            uuid("topic_id", "Topic id.").ignorable().v(10),
            bool("is_internal", "Whether the topic is internal (e.g. __consumer_offsets).").ignorable().v(1),
            array("partitions", "Each partition of the topic.",
                int16("error_code", "Partition-level error."),
                int32("partition_index", "Partition number."),
                int32("leader_id", "Leader broker id, -1 if none."),
                int32("leader_epoch", "Leader epoch.").ignorable().v(7).dflt(-1),
                int32s("replica_nodes", "Assigned replicas."),
                int32s("isr_nodes", "In-sync replicas."),
                int32s("offline_replicas", "Replicas on offline log directories.").ignorable().v(5)).typeName("MetadataResponsePartition"),
            int32("topic_authorized_operations", "Bit field of authorized operations on the topic.").v(8)
                .dflt(Integer.MIN_VALUE)).typeName("MetadataResponseTopic"),
        int32("cluster_authorized_operations", "Bit field of authorized operations on the cluster.").v(8, 10)
            .dflt(Integer.MIN_VALUE));
}
