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

/**
 * DescribeLogDirs (key 35): a broker's log directories, with the size of each partition log in
 * them (KIP-113; v3 adds a top-level error, v4 the volume's total and usable bytes). Immutable schemas.
 */
public final class DescribeLogDirsMessages {

    private DescribeLogDirsMessages() {
    }

    public static final MessageSpec REQUEST = request(35, "DescribeLogDirs").versions(0, 4).flexibleFrom(2).fields(
        array("topics", "Partitions to describe, per topic; null for every partition on the broker.",
            string("topic", "Topic name."),
            int32s("partitions", "Partition numbers."))
            .nullable().typeName("DescribableLogDirTopic"));

    public static final MessageSpec RESPONSE = response(35, "DescribeLogDirs").versions(0, 4).flexibleFrom(2).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms."),
        int16("error_code", "Top-level error, 0 if none.").ignorable().v(3),
        array("results", "One entry per log directory.",
            int16("error_code", "Error of this directory, 0 if it is online."),
            string("log_dir", "Absolute path of the directory."),
            array("topics", "Topics with logs in this directory.",
                string("name", "Topic name."),
                array("partitions", "Partition logs of the topic in this directory.",
                    int32("partition_index", "Partition number."),
                    int64("partition_size", "Bytes in the log's segments."),
                    int64("offset_lag", "How far the log end offset is behind the high watermark (current log) "
                        + "or the current replica's log end offset (future log)."),
                    bool("is_future_key", "Whether this is a future log made by AlterReplicaLogDirs."))
                    .typeName("DescribeLogDirsPartition"))
                .typeName("DescribeLogDirsTopic"),
            int64("total_bytes", "Total bytes of the volume holding the directory.").ignorable().v(4).dflt(-1),
            int64("usable_bytes", "Usable bytes of the volume holding the directory.").ignorable().v(4).dflt(-1))
            .typeName("DescribeLogDirsResult"));
}
