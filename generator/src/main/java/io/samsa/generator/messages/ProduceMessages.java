package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int64;
import static io.samsa.generator.schema.SchemaDsl.records;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;
import static io.samsa.generator.schema.SchemaDsl.struct;

import io.samsa.generator.schema.MessageSpec;

/** Produce (key 0): append record batches to partitions. Immutable schemas. */
public final class ProduceMessages {

    private ProduceMessages() {
    }

    public static final MessageSpec REQUEST = request(0, "Produce").versions(0, 11).flexibleFrom(9).fields(
        string("transactional_id", "Transactional id of the producer, null if not transactional.").v(3).nullable().dflt(null),
        int16("acks", "Acknowledgements wanted: 0 none, 1 leader, -1 all in-sync replicas."),
        int32("timeout_ms", "How long to wait for the acknowledgements, in ms."),
        array("topic_data", "Data to append, per topic.",
            string("name", "Topic name."),
            array("partition_data", "Data to append, per partition.",
                int32("index", "Partition number."),
                records("records", "Record batches to append.").nullable()).typeName("PartitionProduceData"))
            .typeName("TopicProduceData"));

    public static final MessageSpec RESPONSE = response(0, "Produce").versions(0, 11).flexibleFrom(9).fields(
        array("responses", "Result per topic.",
            string("name", "Topic name."),
            array("partition_responses", "Result per partition.",
                int32("index", "Partition number."),
                int16("error_code", "Error, 0 if appended."),
                int64("base_offset", "Offset given to the first record appended."),
                int64("log_append_time_ms", "Broker append time if the topic uses LogAppendTime, else -1.").ignorable().v(2).dflt(-1),
                int64("log_start_offset", "Log start offset of the partition.").ignorable().v(5).dflt(-1),
                array("record_errors", "Batches that caused the whole request to fail.",
                    int32("batch_index", "Index of the bad batch in the records."),
                    string("batch_index_error_message", "Why that batch failed, or null.").nullable().dflt(null)).ignorable()
                    .v(8).typeName("BatchIndexAndErrorMessage"),
                string("error_message", "Error message, or null.").ignorable().v(8).nullable().dflt(null),
                struct("current_leader", "The partition's leader when the error is NOT_LEADER_OR_FOLLOWER.",
                    int32("leader_id", "Leader broker id.").dflt(-1),
                    int32("leader_epoch", "Leader epoch.").dflt(-1)).v(10).tag(0).typeName("LeaderIdAndEpoch"))
                .typeName("PartitionProduceResponse"))
            .typeName("TopicProduceResponse"),
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(1),
        array("node_endpoints", "Endpoints of the leaders named in current_leader.",
            int32("node_id", "Broker id."),
            string("host", "Host name."),
            int32("port", "Port."),
            string("rack", "Rack, or null.").nullable().dflt(null)).v(10).tag(0).typeName("NodeEndpoint"));
}
