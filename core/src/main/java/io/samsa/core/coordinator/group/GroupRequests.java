package io.samsa.core.coordinator.group;

import io.samsa.common.TopicPartition;

import java.util.List;
import java.util.Map;

/** The group requests the coordinator serves, decoded from the wire by the handlers. Immutable. */
public final class GroupRequests {

    private GroupRequests() {
    }

    /**
     * JoinGroup. {@code memberId} is "" for a member joining for the first time;
     * {@code requireKnownMemberId} is set from v4, {@code supportSkippingAssignment} from v9.
     */
    public record Join(String groupId, String memberId, String groupInstanceId, boolean requireKnownMemberId,
                       boolean supportSkippingAssignment, String clientId, String clientHost, int rebalanceTimeoutMs,
                       int sessionTimeoutMs, String protocolType, List<Protocol> protocols, String reason) {
    }

    /** SyncGroup; {@code assignments} is empty except from the leader. Protocol type and name are null before v5. */
    public record Sync(String groupId, int generationId, String memberId, String groupInstanceId, String protocolType,
                       String protocolName, Map<String, byte[]> assignments) {
    }

    /** One member named in a LeaveGroup request ({@code memberId} "" to remove a static member by instance id). */
    public record LeavingMember(String memberId, String groupInstanceId, String reason) {
    }

    /**
     * One partition's commit, as the client sent it ({@code metadata} may be null). OffsetCommit v1
     * may name its own {@code commitTimestamp}; -1, as every other version sends, means now.
     */
    public record PartitionCommit(long offset, int leaderEpoch, String metadata, long commitTimestamp) {
    }

    /**
     * OffsetCommit. A {@code generationId} of -1 with an empty member id is a commit from outside
     * the group; {@code retentionTimeMs} is -1 unless an old client (v2-v4) set it.
     */
    public record Commit(String groupId, String memberId, String groupInstanceId, int generationId, long retentionTimeMs,
                         Map<TopicPartition, PartitionCommit> offsets) {
    }
}
