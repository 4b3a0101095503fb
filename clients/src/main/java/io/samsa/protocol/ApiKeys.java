package io.samsa.protocol;

import io.samsa.protocol.message.AlterConfigsMessages;
import io.samsa.protocol.message.ApiVersionsMessages;
import io.samsa.protocol.message.ControlledShutdownMessages;
import io.samsa.protocol.message.CreatePartitionsMessages;
import io.samsa.protocol.message.CreateTopicsMessages;
import io.samsa.protocol.message.DeleteGroupsMessages;
import io.samsa.protocol.message.DeleteRecordsMessages;
import io.samsa.protocol.message.DeleteTopicsMessages;
import io.samsa.protocol.message.DescribeClusterMessages;
import io.samsa.protocol.message.DescribeConfigsMessages;
import io.samsa.protocol.message.DescribeGroupsMessages;
import io.samsa.protocol.message.DescribeLogDirsMessages;
import io.samsa.protocol.message.FetchMessages;
import io.samsa.protocol.message.FindCoordinatorMessages;
import io.samsa.protocol.message.HeartbeatMessages;
import io.samsa.protocol.message.IncrementalAlterConfigsMessages;
import io.samsa.protocol.message.InitProducerIdMessages;
import io.samsa.protocol.message.JoinGroupMessages;
import io.samsa.protocol.message.LeaderAndIsrMessages;
import io.samsa.protocol.message.LeaveGroupMessages;
import io.samsa.protocol.message.ListGroupsMessages;
import io.samsa.protocol.message.ListOffsetsMessages;
import io.samsa.protocol.message.MetadataMessages;
import io.samsa.protocol.message.OffsetCommitMessages;
import io.samsa.protocol.message.OffsetDeleteMessages;
import io.samsa.protocol.message.OffsetFetchMessages;
import io.samsa.protocol.message.OffsetForLeaderEpochMessages;
import io.samsa.protocol.message.ProduceMessages;
import io.samsa.protocol.message.StopReplicaMessages;
import io.samsa.protocol.message.SyncGroupMessages;
import io.samsa.protocol.message.UpdateMetadataMessages;

/**
 * Every Kafka API Samsa has a schema for, with Kafka's ids, and the header versions each
 * (API, version) uses. The version range is what the schema can parse, not necessarily what the
 * broker advertises. Immutable.
 */
public enum ApiKeys {
    PRODUCE(0, ProduceMessages.REQUEST, ProduceMessages.RESPONSE),
    FETCH(1, FetchMessages.REQUEST, FetchMessages.RESPONSE),
    LIST_OFFSETS(2, ListOffsetsMessages.REQUEST, ListOffsetsMessages.RESPONSE),
    METADATA(3, MetadataMessages.REQUEST, MetadataMessages.RESPONSE),
    LEADER_AND_ISR(4, LeaderAndIsrMessages.REQUEST, LeaderAndIsrMessages.RESPONSE),
    STOP_REPLICA(5, StopReplicaMessages.REQUEST, StopReplicaMessages.RESPONSE),
    UPDATE_METADATA(6, UpdateMetadataMessages.REQUEST, UpdateMetadataMessages.RESPONSE),
    CONTROLLED_SHUTDOWN(7, ControlledShutdownMessages.REQUEST, ControlledShutdownMessages.RESPONSE),
    OFFSET_COMMIT(8, OffsetCommitMessages.REQUEST, OffsetCommitMessages.RESPONSE),
    OFFSET_FETCH(9, OffsetFetchMessages.REQUEST, OffsetFetchMessages.RESPONSE),
    FIND_COORDINATOR(10, FindCoordinatorMessages.REQUEST, FindCoordinatorMessages.RESPONSE),
    JOIN_GROUP(11, JoinGroupMessages.REQUEST, JoinGroupMessages.RESPONSE),
    HEARTBEAT(12, HeartbeatMessages.REQUEST, HeartbeatMessages.RESPONSE),
    LEAVE_GROUP(13, LeaveGroupMessages.REQUEST, LeaveGroupMessages.RESPONSE),
    SYNC_GROUP(14, SyncGroupMessages.REQUEST, SyncGroupMessages.RESPONSE),
    DESCRIBE_GROUPS(15, DescribeGroupsMessages.REQUEST, DescribeGroupsMessages.RESPONSE),
    LIST_GROUPS(16, ListGroupsMessages.REQUEST, ListGroupsMessages.RESPONSE),
    API_VERSIONS(18, ApiVersionsMessages.REQUEST, ApiVersionsMessages.RESPONSE),
    CREATE_TOPICS(19, CreateTopicsMessages.REQUEST, CreateTopicsMessages.RESPONSE),
    DELETE_TOPICS(20, DeleteTopicsMessages.REQUEST, DeleteTopicsMessages.RESPONSE),
    DELETE_RECORDS(21, DeleteRecordsMessages.REQUEST, DeleteRecordsMessages.RESPONSE),
    INIT_PRODUCER_ID(22, InitProducerIdMessages.REQUEST, InitProducerIdMessages.RESPONSE),
    OFFSET_FOR_LEADER_EPOCH(23, OffsetForLeaderEpochMessages.REQUEST, OffsetForLeaderEpochMessages.RESPONSE),
    DESCRIBE_CONFIGS(32, DescribeConfigsMessages.REQUEST, DescribeConfigsMessages.RESPONSE),
    ALTER_CONFIGS(33, AlterConfigsMessages.REQUEST, AlterConfigsMessages.RESPONSE),
    DESCRIBE_LOG_DIRS(35, DescribeLogDirsMessages.REQUEST, DescribeLogDirsMessages.RESPONSE),
    CREATE_PARTITIONS(37, CreatePartitionsMessages.REQUEST, CreatePartitionsMessages.RESPONSE),
    DELETE_GROUPS(42, DeleteGroupsMessages.REQUEST, DeleteGroupsMessages.RESPONSE),
    INCREMENTAL_ALTER_CONFIGS(44, IncrementalAlterConfigsMessages.REQUEST, IncrementalAlterConfigsMessages.RESPONSE),
    OFFSET_DELETE(47, OffsetDeleteMessages.REQUEST, OffsetDeleteMessages.RESPONSE),
    DESCRIBE_CLUSTER(60, DescribeClusterMessages.REQUEST, DescribeClusterMessages.RESPONSE);

    private static final ApiKeys[] BY_ID;

    static {
        int max = 0;
        for (ApiKeys k : values()) {
            max = Math.max(max, k.id);
        }
        BY_ID = new ApiKeys[max + 1];
        for (ApiKeys k : values()) {
            BY_ID[k.id] = k;
        }
    }

    private final short id;
    private final MessageSpec requestSpec;
    private final MessageSpec responseSpec;

    ApiKeys(int id, MessageSpec requestSpec, MessageSpec responseSpec) {
        if (requestSpec.apiKey() != id || responseSpec.apiKey() != id
            || requestSpec.lowestVersion() != responseSpec.lowestVersion()
            || requestSpec.highestVersion() != responseSpec.highestVersion()
            || requestSpec.flexibleFrom() != responseSpec.flexibleFrom()) {
            throw new IllegalStateException("Request and response schemas of api key " + id + " disagree");
        }
        this.id = (short) id;
        this.requestSpec = requestSpec;
        this.responseSpec = responseSpec;
    }

    public short id() {
        return id;
    }

    /** Kafka's name of the API, e.g. "Produce". */
    public String apiName() {
        String n = requestSpec.name();
        return n.substring(0, n.length() - "Request".length());
    }

    public MessageSpec requestSpec() {
        return requestSpec;
    }

    public MessageSpec responseSpec() {
        return responseSpec;
    }

    public short oldestVersion() {
        return requestSpec.lowestVersion();
    }

    public short latestVersion() {
        return requestSpec.highestVersion();
    }

    public boolean hasVersion(short version) {
        return requestSpec.hasVersion(version);
    }

    /** Whether requests and responses of this version use flexible encoding (also past the range). */
    public boolean isFlexible(short version) {
        return requestSpec.isFlexible(version);
    }

    public short requestHeaderVersion(short apiVersion) {
        if (isFlexible(apiVersion)) {
            return 2;
        }
        // ControlledShutdown v0 predates the client id.
        return id == 7 && apiVersion == 0 ? (short) 0 : (short) 1;
    }

    public short responseHeaderVersion(short apiVersion) {
        // ApiVersions answers in header v0 always, so a client that sent a version the broker
        // does not know can still read the error and the supported ranges (KIP-511).
        if (this == API_VERSIONS) {
            return 0;
        }
        return isFlexible(apiVersion) ? (short) 1 : (short) 0;
    }

    /** The API with this id, or null if Samsa has no schema for it. */
    public static ApiKeys forId(int id) {
        return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
    }
}
