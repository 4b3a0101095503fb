package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.bool;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int32s;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/** CreatePartitions (key 37): add partitions to existing topics. Immutable schemas. */
public final class CreatePartitionsMessages {

    private CreatePartitionsMessages() {
    }

    public static final MessageSpec REQUEST = request(37, "CreatePartitions").versions(0, 3).flexibleFrom(2).fields(
        array("topics", "Topics to grow.",
            string("name", "Topic name."),
            int32("count", "New total partition count."),
            array("assignments", "Replicas of each new partition, or null to let the controller choose.",
                int32s("broker_ids", "Replica broker ids.")).nullable().typeName("CreatePartitionsAssignment"))
            .typeName("CreatePartitionsTopic"),
        int32("timeout_ms", "How long to wait for the partitions to be created, in ms."),
        bool("validate_only", "Only validate the request, change nothing."));

    public static final MessageSpec RESPONSE = response(37, "CreatePartitions").versions(0, 3).flexibleFrom(2).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms."),
        array("results", "Result per topic.",
            string("name", "Topic name."),
            int16("error_code", "Error, 0 if done."),
            string("error_message", "Error message, or null.").nullable().dflt(null))
            .typeName("CreatePartitionsTopicResult"));
}
