package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int64;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/** DeleteRecords (key 21): move partitions' log start offsets forward. Immutable schemas. */
public final class DeleteRecordsMessages {

    private DeleteRecordsMessages() {
    }

    public static final MessageSpec REQUEST = request(21, "DeleteRecords").versions(0, 2).flexibleFrom(2).fields(
        array("topics", "Partitions to trim, per topic.",
            string("name", "Topic name."),
            array("partitions", "Partitions to trim.",
                int32("partition_index", "Partition number."),
                int64("offset", "Delete records before this offset; -1 for the high watermark."))
                .typeName("DeleteRecordsPartition"))
            .typeName("DeleteRecordsTopic"),
        int32("timeout_ms", "How long to wait for the deletion, in ms."));

    public static final MessageSpec RESPONSE = response(21, "DeleteRecords").versions(0, 2).flexibleFrom(2).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms."),
        array("topics", "Result per topic.",
            string("name", "Topic name."),
            array("partitions", "Result per partition.",
                int32("partition_index", "Partition number."),
                int64("low_watermark", "New log start offset."),
                int16("error_code", "Error, 0 if trimmed.")).typeName("DeleteRecordsPartitionResult"))
            .typeName("DeleteRecordsTopicResult"));
}
