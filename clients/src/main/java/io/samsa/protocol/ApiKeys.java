package io.samsa.protocol;

import io.samsa.protocol.message.AlterConfigsRequest;
import io.samsa.protocol.message.AlterConfigsResponse;
import io.samsa.protocol.message.AlterPartitionReassignmentsRequest;
import io.samsa.protocol.message.AlterPartitionReassignmentsResponse;
import io.samsa.protocol.message.AlterPartitionRequest;
import io.samsa.protocol.message.AlterPartitionResponse;
import io.samsa.protocol.message.ApiVersionsRequest;
import io.samsa.protocol.message.ApiVersionsResponse;
import io.samsa.protocol.message.ControlledShutdownRequest;
import io.samsa.protocol.message.ControlledShutdownResponse;
import io.samsa.protocol.message.CreatePartitionsRequest;
import io.samsa.protocol.message.CreatePartitionsResponse;
import io.samsa.protocol.message.CreateTopicsRequest;
import io.samsa.protocol.message.CreateTopicsResponse;
import io.samsa.protocol.message.DeleteGroupsRequest;
import io.samsa.protocol.message.DeleteGroupsResponse;
import io.samsa.protocol.message.DeleteRecordsRequest;
import io.samsa.protocol.message.DeleteRecordsResponse;
import io.samsa.protocol.message.DeleteTopicsRequest;
import io.samsa.protocol.message.DeleteTopicsResponse;
import io.samsa.protocol.message.DescribeClusterRequest;
import io.samsa.protocol.message.DescribeClusterResponse;
import io.samsa.protocol.message.DescribeConfigsRequest;
import io.samsa.protocol.message.DescribeConfigsResponse;
import io.samsa.protocol.message.DescribeGroupsRequest;
import io.samsa.protocol.message.DescribeGroupsResponse;
import io.samsa.protocol.message.DescribeLogDirsRequest;
import io.samsa.protocol.message.DescribeLogDirsResponse;
import io.samsa.protocol.message.ElectLeadersRequest;
import io.samsa.protocol.message.ElectLeadersResponse;
import io.samsa.protocol.message.FetchRequest;
import io.samsa.protocol.message.FetchResponse;
import io.samsa.protocol.message.FindCoordinatorRequest;
import io.samsa.protocol.message.FindCoordinatorResponse;
import io.samsa.protocol.message.HeartbeatRequest;
import io.samsa.protocol.message.HeartbeatResponse;
import io.samsa.protocol.message.IncrementalAlterConfigsRequest;
import io.samsa.protocol.message.IncrementalAlterConfigsResponse;
import io.samsa.protocol.message.InitProducerIdRequest;
import io.samsa.protocol.message.InitProducerIdResponse;
import io.samsa.protocol.message.JoinGroupRequest;
import io.samsa.protocol.message.JoinGroupResponse;
import io.samsa.protocol.message.LeaderAndIsrRequest;
import io.samsa.protocol.message.LeaderAndIsrResponse;
import io.samsa.protocol.message.LeaveGroupRequest;
import io.samsa.protocol.message.LeaveGroupResponse;
import io.samsa.protocol.message.ListGroupsRequest;
import io.samsa.protocol.message.ListGroupsResponse;
import io.samsa.protocol.message.ListOffsetsRequest;
import io.samsa.protocol.message.ListOffsetsResponse;
import io.samsa.protocol.message.ListPartitionReassignmentsRequest;
import io.samsa.protocol.message.ListPartitionReassignmentsResponse;
import io.samsa.protocol.message.MetadataRequest;
import io.samsa.protocol.message.MetadataResponse;
import io.samsa.protocol.message.OffsetCommitRequest;
import io.samsa.protocol.message.OffsetCommitResponse;
import io.samsa.protocol.message.OffsetDeleteRequest;
import io.samsa.protocol.message.OffsetDeleteResponse;
import io.samsa.protocol.message.OffsetFetchRequest;
import io.samsa.protocol.message.OffsetFetchResponse;
import io.samsa.protocol.message.OffsetForLeaderEpochRequest;
import io.samsa.protocol.message.OffsetForLeaderEpochResponse;
import io.samsa.protocol.message.ProduceRequest;
import io.samsa.protocol.message.ProduceResponse;
import io.samsa.protocol.message.StopReplicaRequest;
import io.samsa.protocol.message.StopReplicaResponse;
import io.samsa.protocol.message.SyncGroupRequest;
import io.samsa.protocol.message.SyncGroupResponse;
import io.samsa.protocol.message.UpdateMetadataRequest;
import io.samsa.protocol.message.UpdateMetadataResponse;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * Every Kafka API Samsa has message classes for, with Kafka's ids, and the header versions each
 * (API, version) uses. The version range is what the message classes can read and write, not
 * necessarily what the broker advertises. Immutable.
 */
public enum ApiKeys {
    PRODUCE(ProduceRequest::new, ProduceResponse::new),
    FETCH(FetchRequest::new, FetchResponse::new),
    LIST_OFFSETS(ListOffsetsRequest::new, ListOffsetsResponse::new),
    METADATA(MetadataRequest::new, MetadataResponse::new),
    LEADER_AND_ISR(LeaderAndIsrRequest::new, LeaderAndIsrResponse::new),
    STOP_REPLICA(StopReplicaRequest::new, StopReplicaResponse::new),
    UPDATE_METADATA(UpdateMetadataRequest::new, UpdateMetadataResponse::new),
    CONTROLLED_SHUTDOWN(ControlledShutdownRequest::new, ControlledShutdownResponse::new),
    OFFSET_COMMIT(OffsetCommitRequest::new, OffsetCommitResponse::new),
    OFFSET_FETCH(OffsetFetchRequest::new, OffsetFetchResponse::new),
    FIND_COORDINATOR(FindCoordinatorRequest::new, FindCoordinatorResponse::new),
    JOIN_GROUP(JoinGroupRequest::new, JoinGroupResponse::new),
    HEARTBEAT(HeartbeatRequest::new, HeartbeatResponse::new),
    LEAVE_GROUP(LeaveGroupRequest::new, LeaveGroupResponse::new),
    SYNC_GROUP(SyncGroupRequest::new, SyncGroupResponse::new),
    DESCRIBE_GROUPS(DescribeGroupsRequest::new, DescribeGroupsResponse::new),
    LIST_GROUPS(ListGroupsRequest::new, ListGroupsResponse::new),
    API_VERSIONS(ApiVersionsRequest::new, ApiVersionsResponse::new),
    CREATE_TOPICS(CreateTopicsRequest::new, CreateTopicsResponse::new),
    DELETE_TOPICS(DeleteTopicsRequest::new, DeleteTopicsResponse::new),
    DELETE_RECORDS(DeleteRecordsRequest::new, DeleteRecordsResponse::new),
    INIT_PRODUCER_ID(InitProducerIdRequest::new, InitProducerIdResponse::new),
    OFFSET_FOR_LEADER_EPOCH(OffsetForLeaderEpochRequest::new, OffsetForLeaderEpochResponse::new),
    DESCRIBE_CONFIGS(DescribeConfigsRequest::new, DescribeConfigsResponse::new),
    ALTER_CONFIGS(AlterConfigsRequest::new, AlterConfigsResponse::new),
    DESCRIBE_LOG_DIRS(DescribeLogDirsRequest::new, DescribeLogDirsResponse::new),
    CREATE_PARTITIONS(CreatePartitionsRequest::new, CreatePartitionsResponse::new),
    DELETE_GROUPS(DeleteGroupsRequest::new, DeleteGroupsResponse::new),
    ELECT_LEADERS(ElectLeadersRequest::new, ElectLeadersResponse::new),
    INCREMENTAL_ALTER_CONFIGS(IncrementalAlterConfigsRequest::new, IncrementalAlterConfigsResponse::new),
    ALTER_PARTITION_REASSIGNMENTS(AlterPartitionReassignmentsRequest::new, AlterPartitionReassignmentsResponse::new),
    LIST_PARTITION_REASSIGNMENTS(ListPartitionReassignmentsRequest::new, ListPartitionReassignmentsResponse::new),
    OFFSET_DELETE(OffsetDeleteRequest::new, OffsetDeleteResponse::new),
    ALTER_PARTITION(AlterPartitionRequest::new, AlterPartitionResponse::new),
    DESCRIBE_CLUSTER(DescribeClusterRequest::new, DescribeClusterResponse::new);

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
    private final String apiName;
    private final short oldestVersion;
    private final short latestVersion;
    private final short flexibleFrom;
    private final Supplier<ApiMessage> newRequest;
    private final Supplier<ApiMessage> newResponse;

    ApiKeys(Supplier<ApiMessage> newRequest, Supplier<ApiMessage> newResponse) {
        ApiMessage request = newRequest.get();
        ApiMessage response = newResponse.get();
        if (request.apiKey() != response.apiKey()
            || request.lowestSupportedVersion() != response.lowestSupportedVersion()
            || request.highestSupportedVersion() != response.highestSupportedVersion()
            || request.firstFlexibleVersion() != response.firstFlexibleVersion()) {
            throw new IllegalStateException("Request and response of api key " + request.apiKey() + " disagree");
        }
        this.id = request.apiKey();
        String className = request.getClass().getSimpleName();
        this.apiName = className.substring(0, className.length() - "Request".length());
        this.oldestVersion = request.lowestSupportedVersion();
        this.latestVersion = request.highestSupportedVersion();
        this.flexibleFrom = request.firstFlexibleVersion();
        this.newRequest = newRequest;
        this.newResponse = newResponse;
    }

    public short id() {
        return id;
    }

    /** Kafka's name of the API, e.g. "Produce". */
    public String apiName() {
        return apiName;
    }

    public short oldestVersion() {
        return oldestVersion;
    }

    public short latestVersion() {
        return latestVersion;
    }

    public boolean hasVersion(short version) {
        return version >= oldestVersion && version <= latestVersion;
    }

    /** Whether requests and responses of this version use flexible encoding (also past the range). */
    public boolean isFlexible(short version) {
        return flexibleFrom >= 0 && version >= flexibleFrom;
    }

    /** A request of this API with every field at its default. */
    public ApiMessage newRequest() {
        return newRequest.get();
    }

    /** A response of this API with every field at its default. */
    public ApiMessage newResponse() {
        return newResponse.get();
    }

    /**
     * Reads a request body of {@code version} from the buffer's position; malformed input, a
     * truncated body and a version this API lacks all throw {@link ProtocolException}.
     */
    public ApiMessage parseRequest(ByteBuffer body, short version) {
        return parse(newRequest.get(), body, version);
    }

    /** Reads a response body of {@code version}; fails as {@link #parseRequest} does. */
    public ApiMessage parseResponse(ByteBuffer body, short version) {
        return parse(newResponse.get(), body, version);
    }

    private ApiMessage parse(ApiMessage message, ByteBuffer body, short version) {
        String what = message.getClass().getSimpleName() + " v" + version;
        if (!hasVersion(version)) {
            throw new ProtocolException(what + ": no such version");
        }
        int start = body.position();
        try {
            message.read(body, version);
            return message;
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new ProtocolException(what + ": truncated at byte " + (body.position() - start), e);
        } catch (ProtocolException e) {
            throw new ProtocolException(what + ": " + e.getMessage(), e);
        }
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
