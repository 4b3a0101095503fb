package io.samsa.protocol.message;

import static io.samsa.protocol.SchemaDsl.array;
import static io.samsa.protocol.SchemaDsl.bool;
import static io.samsa.protocol.SchemaDsl.int16;
import static io.samsa.protocol.SchemaDsl.int32;
import static io.samsa.protocol.SchemaDsl.int32s;
import static io.samsa.protocol.SchemaDsl.int8;
import static io.samsa.protocol.SchemaDsl.request;
import static io.samsa.protocol.SchemaDsl.response;
import static io.samsa.protocol.SchemaDsl.string;
import static io.samsa.protocol.SchemaDsl.uuid;

import io.samsa.protocol.MessageSpec;

/** CreateTopics (key 19): create topics with a partition count or explicit assignments. Immutable schemas. */
public final class CreateTopicsMessages {

    private CreateTopicsMessages() {
    }

    public static final MessageSpec REQUEST = request(19, "CreateTopics").versions(0, 7).flexibleFrom(5).fields(
        array("topics", "Topics to create.",
            string("name", "Topic name."),
            int32("num_partitions", "Partition count, -1 for the broker default (needs empty assignments otherwise)."),
            int16("replication_factor", "Replication factor, -1 for the broker default."),
            array("assignments", "Explicit replica assignment per partition, or empty.",
                int32("partition_index", "Partition number."),
                int32s("broker_ids", "Replica broker ids, preferred leader first.")).typeName("CreatableReplicaAssignment"),
            array("configs", "Topic config overrides.",
                string("name", "Config name."),
                string("value", "Config value, or null.").nullable()).typeName("CreatableTopicConfig"))
            .typeName("CreatableTopic"),
        int32("timeout_ms", "How long to wait for the topics to be created, in ms.").dflt(60000),
        bool("validate_only", "Only validate the request, create nothing.").v(1));

    public static final MessageSpec RESPONSE = response(19, "CreateTopics").versions(0, 7).flexibleFrom(5).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").v(2),
        array("topics", "Result per topic.",
            string("name", "Topic name."),
            uuid("topic_id", "Id of the created topic.").v(7),
            int16("error_code", "Error, 0 if created."),
            string("error_message", "Error message, or null.").v(1).nullable(),
            int16("topic_config_error_code", "Why configs are missing from this result, if they are.").v(5).tag(0),
            int32("num_partitions", "Partition count of the topic.").v(5).dflt(-1),
            int16("replication_factor", "Replication factor of the topic.").v(5).dflt(-1),
            array("configs", "Configs of the created topic, or null.",
                string("name", "Config name."),
                string("value", "Config value, or null.").nullable(),
                bool("read_only", "Whether the config can be changed."),
                int8("config_source", "Where the value comes from.").dflt(-1),
                bool("is_sensitive", "Whether the value is sensitive (and hidden).")).v(5).nullable()
                .typeName("CreatableTopicConfigs"))
            .typeName("CreatableTopicResult"));
}
