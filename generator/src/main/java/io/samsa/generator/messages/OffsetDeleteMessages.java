package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/** OffsetDelete (key 47): delete a group's committed offsets for some partitions. Never flexible. Immutable schemas. */
public final class OffsetDeleteMessages {

    private OffsetDeleteMessages() {
    }

    public static final MessageSpec REQUEST = request(47, "OffsetDelete").versions(0, 0).fields(
        string("group_id", "Group id."),
        array("topics", "Partitions whose offsets to delete, per topic.",
            string("name", "Topic name."),
            array("partitions", "Partitions.",
                int32("partition_index", "Partition number.")).typeName("OffsetDeleteRequestPartition"))
            .typeName("OffsetDeleteRequestTopic"));

    public static final MessageSpec RESPONSE = response(47, "OffsetDelete").versions(0, 0).fields(
        int16("error_code", "Group-level error."),
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable(),
        array("topics", "Result per topic.",
            string("name", "Topic name."),
            array("partitions", "Result per partition.",
                int32("partition_index", "Partition number."),
                int16("error_code", "Error, 0 if deleted.")).typeName("OffsetDeleteResponsePartition"))
            .typeName("OffsetDeleteResponseTopic"));
}
