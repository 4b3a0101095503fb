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
 * OffsetFetch (key 9): read a consumer group's committed offsets. One group per request up to
 * v7, several groups from v8. Immutable schemas.
 */
public final class OffsetFetchMessages {

    private OffsetFetchMessages() {
    }

    public static final MessageSpec REQUEST = request(9, "OffsetFetch").versions(0, 9).flexibleFrom(6).fields(
        string("group_id", "Group id (v0-v7).").v(0, 7),
        array("topics", "Partitions to fetch, per topic; null (v2+) for all (v0-v7).",
            string("name", "Topic name."),
            int32s("partition_indexes", "Partition numbers.")).v(0, 7).nullable(2).typeName("OffsetFetchRequestTopic"),
        array("groups", "Groups to fetch (v8+).",
            string("group_id", "Group id."),
            string("member_id", "Member id, or null (v9+).").ignorable().v(9).nullable().dflt(null),
            int32("member_epoch", "Member epoch, -1 if not a member (v9+).").ignorable().v(9).dflt(-1),
            array("topics", "Partitions to fetch, per topic, or null for all.",
                string("name", "Topic name."),
                int32s("partition_indexes", "Partition numbers.")).nullable().typeName("OffsetFetchRequestTopics"))
            .v(8).typeName("OffsetFetchRequestGroup"),
        bool("require_stable", "Wait for pending transactional offsets instead of failing.").v(7));

    public static final MessageSpec RESPONSE = response(9, "OffsetFetch").versions(0, 9).flexibleFrom(6).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(3),
        array("topics", "Offsets per topic (v0-v7).",
            string("name", "Topic name."),
            array("partitions", "Offsets per partition.",
                int32("partition_index", "Partition number."),
                int64("committed_offset", "Committed offset, -1 if none."),
                int32("committed_leader_epoch", "Leader epoch stored with the offset.").ignorable().v(5).dflt(-1),
                string("metadata", "Client metadata stored with the offset, or null.").nullable(),
                int16("error_code", "Partition error.")).typeName("OffsetFetchResponsePartition"))
            .v(0, 7).typeName("OffsetFetchResponseTopic"),
        int16("error_code", "Group-level error (v2-v7).").ignorable().v(2, 7),
        array("groups", "Offsets per group (v8+).",
            string("group_id", "Group id."),
            array("topics", "Offsets per topic.",
                string("name", "Topic name."),
                array("partitions", "Offsets per partition.",
                    int32("partition_index", "Partition number."),
                    int64("committed_offset", "Committed offset, -1 if none."),
                    int32("committed_leader_epoch", "Leader epoch stored with the offset.").ignorable().dflt(-1),
                    string("metadata", "Client metadata stored with the offset, or null.").nullable(),
                    int16("error_code", "Partition error.")).typeName("OffsetFetchResponsePartitions"))
                .typeName("OffsetFetchResponseTopics"),
            int16("error_code", "Group-level error.")).v(8).typeName("OffsetFetchResponseGroup"));
}
