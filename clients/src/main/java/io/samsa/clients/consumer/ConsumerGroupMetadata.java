package io.samsa.clients.consumer;

import java.util.Objects;
import java.util.Optional;

/**
 * A consumer's place in its group as of its last rebalance: the group id, the generation, its
 * member id and its static instance id, if any. Immutable.
 */
public final class ConsumerGroupMetadata {

    /** The generation of a consumer that has not joined yet. */
    public static final int UNKNOWN_GENERATION_ID = -1;
    /** The member id of a consumer that has not joined yet. */
    public static final String UNKNOWN_MEMBER_ID = "";

    private final String groupId;
    private final int generationId;
    private final String memberId;
    private final Optional<String> groupInstanceId;

    /** @throws NullPointerException if any argument is null */
    public ConsumerGroupMetadata(String groupId, int generationId, String memberId, Optional<String> groupInstanceId) {
        this.groupId = Objects.requireNonNull(groupId, "group.id can't be null");
        this.generationId = generationId;
        this.memberId = Objects.requireNonNull(memberId, "member.id can't be null");
        this.groupInstanceId = Objects.requireNonNull(groupInstanceId, "group.instance.id can't be null");
    }

    /** The metadata of a member of {@code groupId} that has not joined yet. */
    public ConsumerGroupMetadata(String groupId) {
        this(groupId, UNKNOWN_GENERATION_ID, UNKNOWN_MEMBER_ID, Optional.empty());
    }

    /** The group id. */
    public String groupId() {
        return groupId;
    }

    /** The generation of the last rebalance, or {@link #UNKNOWN_GENERATION_ID}. */
    public int generationId() {
        return generationId;
    }

    /** The member id the coordinator gave, or {@link #UNKNOWN_MEMBER_ID}. */
    public String memberId() {
        return memberId;
    }

    /** The static member id ({@code group.instance.id}), if configured. */
    public Optional<String> groupInstanceId() {
        return groupInstanceId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConsumerGroupMetadata other && generationId == other.generationId
                && groupId.equals(other.groupId) && memberId.equals(other.memberId)
                && groupInstanceId.equals(other.groupInstanceId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(groupId, generationId, memberId, groupInstanceId);
    }

    @Override
    public String toString() {
        return "GroupMetadata(groupId = " + groupId + ", generationId = " + generationId + ", memberId = " + memberId
                + ", groupInstanceId = " + groupInstanceId.orElse("") + ")";
    }
}
