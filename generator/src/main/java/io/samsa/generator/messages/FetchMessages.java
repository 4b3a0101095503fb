package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int32s;
import static io.samsa.generator.schema.SchemaDsl.int64;
import static io.samsa.generator.schema.SchemaDsl.int8;
import static io.samsa.generator.schema.SchemaDsl.records;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;
import static io.samsa.generator.schema.SchemaDsl.struct;
import static io.samsa.generator.schema.SchemaDsl.uuid;

import io.samsa.generator.schema.MessageSpec;

/**
 * Fetch (key 1): read record batches, by consumers and by follower replicas. Topics travel by
 * name up to v12 and by id from v13. Immutable schemas.
 */
public final class FetchMessages {

    private FetchMessages() {
    }

    public static final MessageSpec REQUEST = request(1, "Fetch").versions(0, 17).flexibleFrom(12).fields(
        string("cluster_id", "Cluster id the sender expects, or null not to check.").ignorable().v(12).nullable().dflt(null).tag(0),
        int32("replica_id", "Follower broker id, or -1 for a consumer.").v(0, 14).dflt(-1),
        struct("replica_state", "The fetching follower's id and broker epoch (v15+).",
            int32("replica_id", "Follower broker id, -1 for a consumer.").dflt(-1),
            int64("replica_epoch", "Follower broker epoch, -1 if unknown.").dflt(-1)).v(15).tag(1),
        int32("max_wait_ms", "Longest time to wait for min_bytes, in ms."),
        int32("min_bytes", "Fewest bytes worth answering with."),
        int32("max_bytes", "Most bytes to return in total.").ignorable().v(3).dflt(Integer.MAX_VALUE),
        int8("isolation_level", "0 read_uncommitted, 1 read_committed.").ignorable().v(4),
        int32("session_id", "Incremental fetch session id, 0 for none.").ignorable().v(7),
        int32("session_epoch", "Incremental fetch session epoch, -1 for a full fetch without session.").ignorable().v(7).dflt(-1),
        array("topics", "Partitions to fetch, per topic.",
            string("topic", "Topic name.").ignorable().v(0, 12),
            uuid("topic_id", "Topic id.").ignorable().v(13),
            array("partitions", "Partitions to fetch.",
                int32("partition", "Partition number."),
                int32("current_leader_epoch", "Leader epoch the fetcher knows, -1 if unknown.").ignorable().v(9).dflt(-1),
                int64("fetch_offset", "Offset to read from."),
                int32("last_fetched_epoch", "Epoch of the last fetched batch, for divergence checks.").v(12).dflt(-1),
                int64("log_start_offset", "Follower's log start offset, -1 for consumers.").ignorable().v(5).dflt(-1),
                int32("partition_max_bytes", "Most bytes to return for this partition."),
                uuid("replica_directory_id", "Log directory of the fetching replica.").ignorable().v(17).tag(0))
                .typeName("FetchPartition"))
            .typeName("FetchTopic"),
        array("forgotten_topics_data", "Partitions to drop from the incremental fetch session.",
            string("topic", "Topic name.").ignorable().v(7, 12),
            uuid("topic_id", "Topic id.").ignorable().v(13),
            int32s("partitions", "Partition numbers.")).v(7).typeName("ForgottenTopic"),
        string("rack_id", "Rack of the consumer, for fetching from the closest replica.").ignorable().v(11));

    public static final MessageSpec RESPONSE = response(1, "Fetch").versions(0, 17).flexibleFrom(12).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(1),
        int16("error_code", "Top-level error, e.g. for the fetch session.").ignorable().v(7),
        int32("session_id", "Fetch session id, 0 if none was created.").v(7),
        array("responses", "Results per topic.",
            string("topic", "Topic name.").ignorable().v(0, 12),
            uuid("topic_id", "Topic id.").ignorable().v(13),
            array("partitions", "Results per partition.",
                int32("partition_index", "Partition number."),
                int16("error_code", "Partition-level error."),
                int64("high_watermark", "High watermark of the partition."),
                int64("last_stable_offset", "Last stable offset (transactions).").ignorable().v(4).dflt(-1),
                int64("log_start_offset", "Log start offset.").ignorable().v(5).dflt(-1),
                struct("diverging_epoch", "Set when the follower's log diverges from the leader's.",
                    int32("epoch", "Largest epoch the leader has.").dflt(-1),
                    int64("end_offset", "End offset of that epoch.").dflt(-1)).v(12).tag(0).typeName("EpochEndOffset"),
                struct("current_leader", "Current leader when the fetcher's view is stale.",
                    int32("leader_id", "Leader broker id.").dflt(-1),
                    int32("leader_epoch", "Leader epoch.").dflt(-1)).v(12).tag(1).typeName("LeaderIdAndEpoch"),
                struct("snapshot_id", "Snapshot to fetch instead when the offset is before the log start (KRaft).",
                    int64("end_offset", "Snapshot end offset.").dflt(-1),
                    int32("epoch", "Snapshot epoch.").dflt(-1)).v(12).tag(2).typeName("SnapshotId"),
                array("aborted_transactions", "Aborted transactions in the returned range (read_committed).",
                    int64("producer_id", "Producer of the aborted transaction."),
                    int64("first_offset", "First offset of the aborted transaction.")).ignorable().v(4).nullable()
                    .typeName("AbortedTransaction"),
                int32("preferred_read_replica", "Replica to fetch from instead, -1 for this one.").v(11).dflt(-1),
                records("records", "Record batches read.").nullable()).typeName("PartitionData"))
            .typeName("FetchableTopicResponse"),
        array("node_endpoints", "Endpoints of the leaders named in current_leader.",
            int32("node_id", "Broker id."),
            string("host", "Host name."),
            int32("port", "Port."),
            string("rack", "Rack, or null.").nullable().dflt(null)).v(16).tag(0).typeName("NodeEndpoint"));
}
