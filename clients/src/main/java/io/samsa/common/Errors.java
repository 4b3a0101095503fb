package io.samsa.common;

import io.samsa.common.errors.ApiException;

/**
 * Kafka's error codes, by the numbers every client knows. The names follow Kafka's so that a
 * log line or a test reads the same as Kafka's documentation. Each knows whether it is retriable,
 * what it means ({@link #message()}) and which exception a client throws for it
 * ({@link #exception(String)}). Immutable.
 */
public enum Errors {
    UNKNOWN_SERVER_ERROR(-1, false, "The broker hit an unexpected error while handling the request."),
    NONE(0, false, null),
    OFFSET_OUT_OF_RANGE(1, false,
            "The requested offset is outside the range of offsets the broker holds for the partition."),
    CORRUPT_MESSAGE(2, true,
            "A record failed its CRC check, is too large, lacks a key on a compacted topic, or is corrupt."),
    UNKNOWN_TOPIC_OR_PARTITION(3, true, "This broker does not host this topic-partition."),
    INVALID_FETCH_SIZE(4, false, "The requested fetch size is not valid."),
    LEADER_NOT_AVAILABLE(5, true,
            "The partition has no leader right now, most likely because a leader election is in progress."),
    NOT_LEADER_OR_FOLLOWER(6, true,
            "This broker is not the partition's leader (for leader-only requests), or not one of its replicas."),
    REQUEST_TIMED_OUT(7, true, "The request timed out."),
    BROKER_NOT_AVAILABLE(8, false, "The broker is not available."),
    REPLICA_NOT_AVAILABLE(9, true, "The replica is not available for the requested topic-partition."),
    MESSAGE_TOO_LARGE(10, false, "The request contained a record larger than the largest the broker accepts."),
    STALE_CONTROLLER_EPOCH(11, false, "The controller has moved to another broker."),
    OFFSET_METADATA_TOO_LARGE(12, false, "The metadata of the committed offset is too large."),
    NETWORK_EXCEPTION(13, true, "The connection closed before the response arrived."),
    COORDINATOR_LOAD_IN_PROGRESS(14, true,
            "The coordinator is still loading its state and cannot handle requests yet."),
    COORDINATOR_NOT_AVAILABLE(15, true, "The coordinator is not available."),
    NOT_COORDINATOR(16, true, "This broker is not the coordinator for the group or transaction."),
    INVALID_TOPIC_EXCEPTION(17, false, "The request named a topic that is not valid for this operation."),
    RECORD_LIST_TOO_LARGE(18, false,
            "The request contained a record batch larger than the broker's segment size allows."),
    NOT_ENOUGH_REPLICAS(19, true,
            "The records were rejected because fewer replicas are in sync than min.insync.replicas requires."),
    NOT_ENOUGH_REPLICAS_AFTER_APPEND(20, true,
            "The records were written, but to fewer in-sync replicas than required."),
    INVALID_REQUIRED_ACKS(21, false, "The produce request asked for an invalid number of acknowledgements."),
    ILLEGAL_GENERATION(22, false, "The group generation given is not the current one."),
    INCONSISTENT_GROUP_PROTOCOL(23, false,
            "The member's protocol type or protocols do not match those of the group's other members, or are empty."),
    INVALID_GROUP_ID(24, false, "The group id is not valid."),
    UNKNOWN_MEMBER_ID(25, false, "The coordinator does not know this member."),
    INVALID_SESSION_TIMEOUT(26, false,
            "The session timeout is outside group.min.session.timeout.ms to group.max.session.timeout.ms."),
    REBALANCE_IN_PROGRESS(27, false, "The group is rebalancing, so the member must rejoin."),
    INVALID_COMMIT_OFFSET_SIZE(28, false, "The size of the offset commit data is not valid."),
    TOPIC_AUTHORIZATION_FAILED(29, false, "Not authorized to access the topic."),
    GROUP_AUTHORIZATION_FAILED(30, false, "Not authorized to access the group."),
    CLUSTER_AUTHORIZATION_FAILED(31, false, "Not authorized to perform this cluster operation."),
    INVALID_TIMESTAMP(32, false, "A record's timestamp is outside the accepted range."),
    UNSUPPORTED_SASL_MECHANISM(33, false, "The broker does not support the SASL mechanism asked for."),
    ILLEGAL_SASL_STATE(34, false, "The request is not valid in the current state of SASL authentication."),
    UNSUPPORTED_VERSION(35, false, "The broker does not support this version of the API."),
    TOPIC_ALREADY_EXISTS(36, false, "A topic with this name already exists."),
    INVALID_PARTITIONS(37, false, "The number of partitions is not valid."),
    INVALID_REPLICATION_FACTOR(38, false,
            "The replication factor is below 1 or larger than the number of available brokers."),
    INVALID_REPLICA_ASSIGNMENT(39, false, "The replica assignment is not valid."),
    INVALID_CONFIG(40, false, "The configuration is not valid."),
    NOT_CONTROLLER(41, true, "This broker is not the cluster's controller."),
    INVALID_REQUEST(42, false,
            "The request is malformed or the broker does not understand it; the broker's log has details."),
    UNSUPPORTED_FOR_MESSAGE_FORMAT(43, false, "The broker's message format version does not support this request."),
    POLICY_VIOLATION(44, false, "The request breaks a policy configured on the broker."),
    OUT_OF_ORDER_SEQUENCE_NUMBER(45, false, "The broker received a producer sequence number out of order."),
    DUPLICATE_SEQUENCE_NUMBER(46, false, "The broker received a duplicate producer sequence number."),
    INVALID_PRODUCER_EPOCH(47, false, "The producer's epoch is older than the current one."),
    INVALID_TXN_STATE(48, false, "The transactional operation is not valid in the producer's current state."),
    INVALID_PRODUCER_ID_MAPPING(49, false,
            "The producer id is not the one currently assigned to this transactional id."),
    INVALID_TRANSACTION_TIMEOUT(50, false,
            "The transaction timeout is larger than the broker's transaction.max.timeout.ms."),
    CONCURRENT_TRANSACTIONS(51, true, "Another operation on the same transaction is in progress."),
    TRANSACTION_COORDINATOR_FENCED(52, false,
            "The transaction coordinator that sent this request is no longer the current one."),
    TRANSACTIONAL_ID_AUTHORIZATION_FAILED(53, false, "Not authorized to use this transactional id."),
    SECURITY_DISABLED(54, false, "Security features are disabled on the broker."),
    OPERATION_NOT_ATTEMPTED(55, false,
            "The broker did not attempt this operation because others in the same request failed."),
    KAFKA_STORAGE_ERROR(56, true, "The broker failed to access the log on disk."),
    LOG_DIR_NOT_FOUND(57, false, "The log directory is not one of the broker's configured log directories."),
    SASL_AUTHENTICATION_FAILED(58, false, "SASL authentication failed."),
    UNKNOWN_PRODUCER_ID(59, false,
            "The broker has no state for this producer id, for example because retention deleted all its records."),
    REASSIGNMENT_IN_PROGRESS(60, false, "A partition reassignment is in progress."),
    DELEGATION_TOKEN_AUTH_DISABLED(61, false, "Delegation tokens are not enabled."),
    DELEGATION_TOKEN_NOT_FOUND(62, false, "The delegation token was not found."),
    DELEGATION_TOKEN_OWNER_MISMATCH(63, false, "The principal is not the token's owner or renewer."),
    DELEGATION_TOKEN_REQUEST_NOT_ALLOWED(64, false,
            "Delegation token requests are not allowed on PLAINTEXT, one-way SSL or token channels."),
    DELEGATION_TOKEN_AUTHORIZATION_FAILED(65, false, "Not authorized for delegation token operations."),
    DELEGATION_TOKEN_EXPIRED(66, false, "The delegation token has expired."),
    INVALID_PRINCIPAL_TYPE(67, false, "The principal type is not supported."),
    NON_EMPTY_GROUP(68, false, "The group still has members."),
    GROUP_ID_NOT_FOUND(69, false, "The group does not exist."),
    FETCH_SESSION_ID_NOT_FOUND(70, true, "The fetch session was not found."),
    INVALID_FETCH_SESSION_EPOCH(71, true, "The fetch session epoch is not valid."),
    LISTENER_NOT_FOUND(72, true, "The leader has no listener matching the one this metadata request arrived on."),
    TOPIC_DELETION_DISABLED(73, false, "Topic deletion is disabled on the broker."),
    FENCED_LEADER_EPOCH(74, true, "The leader epoch in the request is older than the broker's."),
    UNKNOWN_LEADER_EPOCH(75, true, "The leader epoch in the request is newer than the broker's."),
    UNSUPPORTED_COMPRESSION_TYPE(76, false, "The client cannot read the compression type of this partition."),
    STALE_BROKER_EPOCH(77, false, "The broker epoch has changed."),
    OFFSET_NOT_AVAILABLE(78, true,
            "The new leader's high watermark has not caught up yet, so offsets cannot be answered."),
    MEMBER_ID_REQUIRED(79, false, "The member must join again with the member id the coordinator assigned it."),
    PREFERRED_LEADER_NOT_AVAILABLE(80, true, "The preferred leader is not available."),
    GROUP_MAX_SIZE_REACHED(81, false, "The group has reached its maximum size."),
    FENCED_INSTANCE_ID(82, false,
            "Another member with the same group.instance.id has joined with a different member id."),
    ELIGIBLE_LEADERS_NOT_AVAILABLE(83, true, "No replica eligible to lead the partition is available."),
    ELECTION_NOT_NEEDED(84, true, "The partition is already led by the replica the election would choose."),
    NO_REASSIGNMENT_IN_PROGRESS(85, false, "No partition reassignment is in progress."),
    GROUP_SUBSCRIBED_TO_TOPIC(86, false,
            "The group's offsets for a topic cannot be deleted while the group is subscribed to it."),
    INVALID_RECORD(87, false, "The broker rejected a record that failed its validation."),
    UNSTABLE_OFFSET_COMMIT(88, true, "Offsets are pending commit by an open transaction."),
    THROTTLING_QUOTA_EXCEEDED(89, true, "The throttling quota was exceeded."),
    PRODUCER_FENCED(90, false, "A newer producer with the same transactional id has fenced this one."),
    RESOURCE_NOT_FOUND(91, false, "The request named a resource that does not exist."),
    DUPLICATE_RESOURCE(92, false, "The request named the same resource twice."),
    UNACCEPTABLE_CREDENTIAL(93, false, "The credential does not meet the broker's criteria."),
    INCONSISTENT_VOTER_SET(94, false, "The sender or receiver of this voter request is not an expected voter."),
    INVALID_UPDATE_VERSION(95, false, "The update version is not valid."),
    FEATURE_UPDATE_FAILED(96, false,
            "The finalized features could not be updated because of an unexpected server error."),
    PRINCIPAL_DESERIALIZATION_FAILURE(97, false,
            "The request principal could not be deserialized when the request was forwarded."),
    SNAPSHOT_NOT_FOUND(98, false, "The requested snapshot was not found."),
    POSITION_OUT_OF_RANGE(99, false, "The requested position is outside the snapshot."),
    UNKNOWN_TOPIC_ID(100, true, "This broker does not host a topic with this id."),
    DUPLICATE_BROKER_REGISTRATION(101, false, "This broker id is already registered."),
    BROKER_ID_NOT_REGISTERED(102, false, "This broker id is not registered."),
    INCONSISTENT_TOPIC_ID(103, true, "The topic id in the request does not match the log's."),
    INCONSISTENT_CLUSTER_ID(104, false, "The cluster id in the request does not match the broker's."),
    TRANSACTIONAL_ID_NOT_FOUND(105, false, "The transactional id was not found."),
    FETCH_SESSION_TOPIC_ID_ERROR(106, true, "The fetch session used topic ids inconsistently."),
    INELIGIBLE_REPLICA(107, false, "The new ISR contains a replica that is not eligible."),
    NEW_LEADER_ELECTED(108, false, "The partition state was updated, but the leader has changed."),
    OFFSET_MOVED_TO_TIERED_STORAGE(109, false, "The requested offset has moved to tiered storage."),
    FENCED_MEMBER_EPOCH(110, false,
            "The coordinator fenced the member's epoch; it must give up its partitions and rejoin."),
    UNRELEASED_INSTANCE_ID(111, false, "Another member still uses this instance id and must leave first."),
    UNSUPPORTED_ASSIGNOR(112, false, "The group does not support this assignor or its version range."),
    STALE_MEMBER_EPOCH(113, false, "The member epoch is stale; retry once the heartbeat returns the current one."),
    MISMATCHED_ENDPOINT_TYPE(114, false, "The request was sent to the wrong type of endpoint."),
    UNSUPPORTED_ENDPOINT_TYPE(115, false, "This endpoint type is not supported yet."),
    UNKNOWN_CONTROLLER_ID(116, false, "This controller id is not known."),
    UNKNOWN_SUBSCRIPTION_ID(117, false, "The telemetry subscription id is unknown or outdated."),
    TELEMETRY_TOO_LARGE(118, false, "The telemetry push is larger than the broker accepts."),
    INVALID_REGISTRATION(119, false, "The controller considers the broker's registration invalid."),
    TRANSACTION_ABORTABLE(120, false, "The transaction hit an error; abort it to keep using the transactional id.");

    private static final Errors[] BY_CODE;

    static {
        Errors[] all = values();
        BY_CODE = new Errors[all.length + 1];
        for (Errors e : all) {
            BY_CODE[e.code + 1] = e;
        }
    }

    private final short code;
    private final boolean retriable;
    private final String message;

    Errors(int code, boolean retriable, String message) {
        this.code = (short) code;
        this.retriable = retriable;
        this.message = message;
    }

    public short code() {
        return code;
    }

    /**
     * Whether a client may retry the same request and expect it to succeed later: exactly the codes
     * whose exception is a {@link io.samsa.common.errors.RetriableException}, as in Kafka.
     */
    public boolean retriable() {
        return retriable;
    }

    /** What the error means, in one sentence; null for {@link #NONE}. */
    public String message() {
        return message;
    }

    /**
     * The exception for this error with its default {@link #message()}; null for {@link #NONE}.
     * See {@link #exception(String)}.
     */
    public ApiException exception() {
        return exception(null);
    }

    /**
     * A new exception for this error: the dedicated class where there is one (for example
     * {@link io.samsa.common.errors.NotLeaderOrFollowerException}), else a plain
     * {@link io.samsa.common.errors.InvalidMetadataException}, {@link io.samsa.common.errors.RetriableException}
     * or {@link ApiException} that is retriable exactly when {@link #retriable()} is.
     *
     * @param message the message, or null for the default {@link #message()}
     * @return the exception, or null for {@link #NONE}
     */
    public ApiException exception(String message) {
        return this == NONE ? null : ErrorExceptions.create(this, message == null ? this.message : message);
    }

    /** The error for a wire code; an unknown code reads as {@link #UNKNOWN_SERVER_ERROR}. */
    public static Errors forCode(short code) {
        int i = code + 1;
        return i >= 0 && i < BY_CODE.length && BY_CODE[i] != null ? BY_CODE[i] : UNKNOWN_SERVER_ERROR;
    }
}
