package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.bool;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int32s;
import static io.samsa.generator.schema.SchemaDsl.int8;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;
import static io.samsa.generator.schema.SchemaDsl.uuid;

import io.samsa.generator.schema.MessageSpec;

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
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(2),
        array("topics", "Result per topic.",
            string("name", "Topic name."),
            uuid("topic_id", "Id of the created topic.").ignorable().v(7),
            int16("error_code", "Error, 0 if created."),
            string("error_message", "Error message, or null.").ignorable().v(1).nullable(),
            int16("topic_config_error_code", "Why configs are missing from this result, if they are.").ignorable().v(5).tag(0),
            int32("num_partitions", "Partition count of the topic.").ignorable().v(5).dflt(-1),
            int16("replication_factor", "Replication factor of the topic.").ignorable().v(5).dflt(-1),
            array("configs", "Configs of the created topic, or null.",
                string("name", "Config name."),
                string("value", "Config value, or null.").nullable(),
                bool("read_only", "Whether the config can be changed."),
                int8("config_source", "Where the value comes from.").ignorable().dflt(-1),
                bool("is_sensitive", "Whether the value is sensitive (and hidden).")).ignorable().v(5).nullable()
                .typeName("CreatableTopicConfigs"))
            .typeName("CreatableTopicResult"));
}
