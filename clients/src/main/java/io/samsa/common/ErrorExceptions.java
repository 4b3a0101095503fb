package io.samsa.common;

import io.samsa.common.errors.ApiException;
import io.samsa.common.errors.AuthorizationException;
import io.samsa.common.errors.ClusterAuthorizationException;
import io.samsa.common.errors.CoordinatorLoadInProgressException;
import io.samsa.common.errors.CoordinatorNotAvailableException;
import io.samsa.common.errors.ElectionNotNeededException;
import io.samsa.common.errors.EligibleLeadersNotAvailableException;
import io.samsa.common.errors.FencedInstanceIdException;
import io.samsa.common.errors.FencedLeaderEpochException;
import io.samsa.common.errors.GroupAuthorizationException;
import io.samsa.common.errors.GroupIdNotFoundException;
import io.samsa.common.errors.GroupMaxSizeReachedException;
import io.samsa.common.errors.GroupNotEmptyException;
import io.samsa.common.errors.IllegalGenerationException;
import io.samsa.common.errors.InconsistentGroupProtocolException;
import io.samsa.common.errors.InvalidConfigurationException;
import io.samsa.common.errors.InvalidGroupIdException;
import io.samsa.common.errors.InvalidMetadataException;
import io.samsa.common.errors.InvalidPartitionsException;
import io.samsa.common.errors.InvalidProducerEpochException;
import io.samsa.common.errors.InvalidReplicaAssignmentException;
import io.samsa.common.errors.InvalidReplicationFactorException;
import io.samsa.common.errors.InvalidRequestException;
import io.samsa.common.errors.InvalidSessionTimeoutException;
import io.samsa.common.errors.InvalidTimestampException;
import io.samsa.common.errors.InvalidTopicException;
import io.samsa.common.errors.LeaderNotAvailableException;
import io.samsa.common.errors.NetworkException;
import io.samsa.common.errors.NoReassignmentInProgressException;
import io.samsa.common.errors.NotControllerException;
import io.samsa.common.errors.NotCoordinatorException;
import io.samsa.common.errors.NotEnoughReplicasAfterAppendException;
import io.samsa.common.errors.NotEnoughReplicasException;
import io.samsa.common.errors.NotLeaderOrFollowerException;
import io.samsa.common.errors.OffsetNotAvailableException;
import io.samsa.common.errors.OffsetOutOfRangeException;
import io.samsa.common.errors.OutOfOrderSequenceException;
import io.samsa.common.errors.PolicyViolationException;
import io.samsa.common.errors.PreferredLeaderNotAvailableException;
import io.samsa.common.errors.ProducerFencedException;
import io.samsa.common.errors.ReassignmentInProgressException;
import io.samsa.common.errors.RebalanceInProgressException;
import io.samsa.common.errors.RecordBatchTooLargeException;
import io.samsa.common.errors.RecordTooLargeException;
import io.samsa.common.errors.RetriableException;
import io.samsa.common.errors.StorageException;
import io.samsa.common.errors.ThrottlingQuotaExceededException;
import io.samsa.common.errors.TimeoutException;
import io.samsa.common.errors.TopicAuthorizationException;
import io.samsa.common.errors.TopicDeletionDisabledException;
import io.samsa.common.errors.TopicExistsException;
import io.samsa.common.errors.UnknownLeaderEpochException;
import io.samsa.common.errors.UnknownMemberIdException;
import io.samsa.common.errors.UnknownProducerIdException;
import io.samsa.common.errors.UnknownServerException;
import io.samsa.common.errors.UnknownTopicIdException;
import io.samsa.common.errors.UnknownTopicOrPartitionException;
import io.samsa.common.errors.UnstableOffsetCommitException;
import io.samsa.common.errors.UnsupportedVersionException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The one table from {@link Errors} to the exception a client throws for it. It lives beside
 * {@code Errors} (not in {@code io.samsa.common.errors}) so that it can stay package-private:
 * only {@link Errors#exception(String)} uses it. Immutable; thread-safe.
 */
final class ErrorExceptions {

    private static final Map<Errors, Function<String, ApiException>> DEDICATED = new EnumMap<>(Errors.class);

    /**
     * Retriable codes without a class of their own that still mean "refresh metadata first", as
     * Kafka's {@code InvalidMetadataException} subclasses for them do.
     */
    private static final Set<Errors> METADATA = EnumSet.of(Errors.REPLICA_NOT_AVAILABLE, Errors.LISTENER_NOT_FOUND,
            Errors.INCONSISTENT_TOPIC_ID);

    static {
        DEDICATED.put(Errors.UNKNOWN_SERVER_ERROR, UnknownServerException::new);
        DEDICATED.put(Errors.OFFSET_OUT_OF_RANGE, OffsetOutOfRangeException::new);
        DEDICATED.put(Errors.UNKNOWN_TOPIC_OR_PARTITION, UnknownTopicOrPartitionException::new);
        DEDICATED.put(Errors.LEADER_NOT_AVAILABLE, LeaderNotAvailableException::new);
        DEDICATED.put(Errors.NOT_LEADER_OR_FOLLOWER, NotLeaderOrFollowerException::new);
        DEDICATED.put(Errors.REQUEST_TIMED_OUT, TimeoutException::new);
        DEDICATED.put(Errors.MESSAGE_TOO_LARGE, RecordTooLargeException::new);
        DEDICATED.put(Errors.NETWORK_EXCEPTION, NetworkException::new);
        DEDICATED.put(Errors.COORDINATOR_LOAD_IN_PROGRESS, CoordinatorLoadInProgressException::new);
        DEDICATED.put(Errors.COORDINATOR_NOT_AVAILABLE, CoordinatorNotAvailableException::new);
        DEDICATED.put(Errors.NOT_COORDINATOR, NotCoordinatorException::new);
        DEDICATED.put(Errors.INVALID_TOPIC_EXCEPTION, InvalidTopicException::new);
        DEDICATED.put(Errors.RECORD_LIST_TOO_LARGE, RecordBatchTooLargeException::new);
        DEDICATED.put(Errors.NOT_ENOUGH_REPLICAS, NotEnoughReplicasException::new);
        DEDICATED.put(Errors.NOT_ENOUGH_REPLICAS_AFTER_APPEND, NotEnoughReplicasAfterAppendException::new);
        DEDICATED.put(Errors.ILLEGAL_GENERATION, IllegalGenerationException::new);
        DEDICATED.put(Errors.INCONSISTENT_GROUP_PROTOCOL, InconsistentGroupProtocolException::new);
        DEDICATED.put(Errors.INVALID_GROUP_ID, InvalidGroupIdException::new);
        DEDICATED.put(Errors.UNKNOWN_MEMBER_ID, UnknownMemberIdException::new);
        DEDICATED.put(Errors.INVALID_SESSION_TIMEOUT, InvalidSessionTimeoutException::new);
        DEDICATED.put(Errors.REBALANCE_IN_PROGRESS, RebalanceInProgressException::new);
        DEDICATED.put(Errors.TOPIC_AUTHORIZATION_FAILED, TopicAuthorizationException::new);
        DEDICATED.put(Errors.GROUP_AUTHORIZATION_FAILED, GroupAuthorizationException::new);
        DEDICATED.put(Errors.CLUSTER_AUTHORIZATION_FAILED, ClusterAuthorizationException::new);
        DEDICATED.put(Errors.INVALID_TIMESTAMP, InvalidTimestampException::new);
        DEDICATED.put(Errors.UNSUPPORTED_VERSION, UnsupportedVersionException::new);
        DEDICATED.put(Errors.TOPIC_ALREADY_EXISTS, TopicExistsException::new);
        DEDICATED.put(Errors.INVALID_PARTITIONS, InvalidPartitionsException::new);
        DEDICATED.put(Errors.INVALID_REPLICATION_FACTOR, InvalidReplicationFactorException::new);
        DEDICATED.put(Errors.INVALID_REPLICA_ASSIGNMENT, InvalidReplicaAssignmentException::new);
        DEDICATED.put(Errors.INVALID_CONFIG, InvalidConfigurationException::new);
        DEDICATED.put(Errors.NOT_CONTROLLER, NotControllerException::new);
        DEDICATED.put(Errors.INVALID_REQUEST, InvalidRequestException::new);
        DEDICATED.put(Errors.POLICY_VIOLATION, PolicyViolationException::new);
        DEDICATED.put(Errors.OUT_OF_ORDER_SEQUENCE_NUMBER, OutOfOrderSequenceException::new);
        DEDICATED.put(Errors.INVALID_PRODUCER_EPOCH, InvalidProducerEpochException::new);
        DEDICATED.put(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED, AuthorizationException::new);
        DEDICATED.put(Errors.DELEGATION_TOKEN_AUTHORIZATION_FAILED, AuthorizationException::new);
        DEDICATED.put(Errors.KAFKA_STORAGE_ERROR, StorageException::new);
        DEDICATED.put(Errors.UNKNOWN_PRODUCER_ID, UnknownProducerIdException::new);
        DEDICATED.put(Errors.REASSIGNMENT_IN_PROGRESS, ReassignmentInProgressException::new);
        DEDICATED.put(Errors.NON_EMPTY_GROUP, GroupNotEmptyException::new);
        DEDICATED.put(Errors.GROUP_ID_NOT_FOUND, GroupIdNotFoundException::new);
        DEDICATED.put(Errors.TOPIC_DELETION_DISABLED, TopicDeletionDisabledException::new);
        DEDICATED.put(Errors.FENCED_LEADER_EPOCH, FencedLeaderEpochException::new);
        DEDICATED.put(Errors.UNKNOWN_LEADER_EPOCH, UnknownLeaderEpochException::new);
        DEDICATED.put(Errors.OFFSET_NOT_AVAILABLE, OffsetNotAvailableException::new);
        DEDICATED.put(Errors.PREFERRED_LEADER_NOT_AVAILABLE, PreferredLeaderNotAvailableException::new);
        DEDICATED.put(Errors.GROUP_MAX_SIZE_REACHED, GroupMaxSizeReachedException::new);
        DEDICATED.put(Errors.FENCED_INSTANCE_ID, FencedInstanceIdException::new);
        DEDICATED.put(Errors.ELIGIBLE_LEADERS_NOT_AVAILABLE, EligibleLeadersNotAvailableException::new);
        DEDICATED.put(Errors.ELECTION_NOT_NEEDED, ElectionNotNeededException::new);
        DEDICATED.put(Errors.NO_REASSIGNMENT_IN_PROGRESS, NoReassignmentInProgressException::new);
        DEDICATED.put(Errors.UNSTABLE_OFFSET_COMMIT, UnstableOffsetCommitException::new);
        DEDICATED.put(Errors.THROTTLING_QUOTA_EXCEEDED, ThrottlingQuotaExceededException::new);
        DEDICATED.put(Errors.PRODUCER_FENCED, ProducerFencedException::new);
        DEDICATED.put(Errors.UNKNOWN_TOPIC_ID, UnknownTopicIdException::new);
    }

    private ErrorExceptions() {
    }

    static ApiException create(Errors error, String message) {
        Function<String, ApiException> dedicated = DEDICATED.get(error);
        if (dedicated != null) {
            return dedicated.apply(message);
        }
        if (METADATA.contains(error)) {
            return new InvalidMetadataException(message);
        }
        return error.retriable() ? new RetriableException(message) : new ApiException(message);
    }
}
