package io.samsa.core.coordinator.group;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One classic group's state: its members (dynamic and static), generation, chosen protocol and
 * leader, and its committed offsets. Methods here keep the group's own invariants (protocol
 * counts, the awaiting-join count, the static-member index); the rebalance logic around them
 * lives in {@link GroupMembership}. Not thread-safe: owned by the coordinator thread.
 */
public final class GroupMetadata {

    /** The generation reported with errors (JoinGroup's default). */
    public static final int NO_GENERATION = -1;

    /** An offset as committed, with the log offset of the record that holds it (-1 when not known). */
    record CommittedOffset(OffsetAndMetadata offsetAndMetadata, long appendOffset) {
    }

    private final String groupId;
    private final int partition;
    private GroupState state;
    private long currentStateTimestamp;
    private String protocolType;
    private String protocolName;
    private int generationId;
    private String leaderId;
    private final Map<String, MemberMetadata> members = new LinkedHashMap<>();
    private final Map<String, String> staticMembers = new HashMap<>();
    private final Set<String> pendingMembers = new HashSet<>();
    private final Set<String> pendingSyncMembers = new HashSet<>();
    private final Map<String, Integer> protocolCounts = new HashMap<>();
    private int numMembersAwaitingJoin;
    private boolean newMemberAdded;
    /** Topics the members subscribe to (consumer groups); null when unknown. */
    private Set<String> subscribedTopics;
    private final Map<TopicPartition, CommittedOffset> offsets = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> pendingOffsetCommits = new HashMap<>();
    private CoordinatorScheduler.Cancellable joinTimer;
    private boolean initialJoinDelay;
    private CoordinatorScheduler.Cancellable syncTimer;

    public GroupMetadata(String groupId, int partition, GroupState initialState, long now) {
        this.groupId = groupId;
        this.partition = partition;
        this.state = initialState;
        this.currentStateTimestamp = now;
    }

    public String groupId() {
        return groupId;
    }

    /** The {@code __consumer_offsets} partition that holds this group. */
    public int partition() {
        return partition;
    }

    public GroupState state() {
        return state;
    }

    public boolean is(GroupState s) {
        return state == s;
    }

    public long currentStateTimestamp() {
        return currentStateTimestamp;
    }

    public String protocolType() {
        return protocolType;
    }

    public String protocolName() {
        return protocolName;
    }

    public int generationId() {
        return generationId;
    }

    public String leaderId() {
        return leaderId;
    }

    public boolean isLeader(String memberId) {
        return memberId != null && memberId.equals(leaderId);
    }

    public Collection<MemberMetadata> members() {
        return members.values();
    }

    public int size() {
        return members.size();
    }

    public boolean has(String memberId) {
        return members.containsKey(memberId);
    }

    public MemberMetadata get(String memberId) {
        return members.get(memberId);
    }

    public boolean isConsumerGroup() {
        return ConsumerSubscription.PROTOCOL_TYPE.equals(protocolType);
    }

    void transitionTo(GroupState target, long now) {
        if (!target.validPreviousStates().contains(state)) {
            throw new IllegalStateException("Group " + groupId + " should be in one of " + target.validPreviousStates()
                    + " before moving to " + target + ", but is " + state);
        }
        state = target;
        currentStateTimestamp = now;
    }

    /** Restores the persisted parts of the group (loading from the log). */
    void restore(String protocolType, int generationId, String protocolName, String leaderId, long currentStateTimestamp) {
        this.protocolType = protocolType == null || protocolType.isEmpty() ? null : protocolType;
        this.generationId = generationId;
        this.protocolName = protocolName;
        this.leaderId = leaderId;
        if (currentStateTimestamp >= 0) {
            this.currentStateTimestamp = currentStateTimestamp;
        }
    }

    /** Whether a membership change may start a rebalance now (not while one is already gathering members). */
    boolean canRebalance() {
        return state == GroupState.STABLE || state == GroupState.COMPLETING_REBALANCE || state == GroupState.EMPTY;
    }

    // ---- members ----

    void add(MemberMetadata member, java.util.function.Consumer<JoinGroupResult> joinCallback) {
        if (members.isEmpty()) {
            protocolType = member.protocolType();
        }
        members.put(member.memberId(), member);
        for (Protocol p : member.supportedProtocols()) {
            protocolCounts.merge(p.name(), 1, Integer::sum);
        }
        if (member.isStatic()) {
            staticMembers.put(member.groupInstanceId(), member.memberId());
        }
        if (leaderId == null) {
            leaderId = member.memberId();
        }
        if (joinCallback != null) {
            member.awaitJoin(joinCallback);
            numMembersAwaitingJoin++;
        }
        pendingMembers.remove(member.memberId());
    }

    void remove(String memberId) {
        MemberMetadata member = members.remove(memberId);
        if (member == null) {
            return;
        }
        for (Protocol p : member.supportedProtocols()) {
            protocolCounts.merge(p.name(), -1, Integer::sum);
        }
        if (member.isAwaitingJoin()) {
            numMembersAwaitingJoin--;
        }
        if (member.isStatic() && memberId.equals(staticMembers.get(member.groupInstanceId()))) {
            staticMembers.remove(member.groupInstanceId());
        }
        member.cancelSessionTimer();
        pendingSyncMembers.remove(memberId);
        if (memberId.equals(leaderId)) {
            leaderId = members.isEmpty() ? null : members.keySet().iterator().next();
        }
    }

    /** Re-registers a member under a new id, fencing any request the old incarnation still has waiting. */
    MemberMetadata replaceStaticMember(String groupInstanceId, String oldMemberId, String newMemberId) {
        MemberMetadata member = members.remove(oldMemberId);
        if (member == null) {
            throw new IllegalStateException("Static member " + groupInstanceId + " has no member " + oldMemberId);
        }
        if (member.isAwaitingJoin()) {
            numMembersAwaitingJoin--;
            member.completeJoin(JoinGroupResult.error(oldMemberId, Errors.FENCED_INSTANCE_ID));
        }
        member.completeSync(SyncGroupResult.error(Errors.FENCED_INSTANCE_ID));
        member.memberId(newMemberId);
        members.put(newMemberId, member);
        if (oldMemberId.equals(leaderId)) {
            leaderId = newMemberId;
        }
        staticMembers.put(groupInstanceId, newMemberId);
        if (pendingSyncMembers.remove(oldMemberId)) {
            pendingSyncMembers.add(newMemberId);
        }
        return member;
    }

    /** Takes new protocols and timeouts from a rejoining member; {@code joinCallback} makes it await the join. */
    void updateMember(MemberMetadata member, List<Protocol> protocols, int rebalanceTimeoutMs, int sessionTimeoutMs,
                      java.util.function.Consumer<JoinGroupResult> joinCallback) {
        for (Protocol p : member.supportedProtocols()) {
            protocolCounts.merge(p.name(), -1, Integer::sum);
        }
        member.update(protocols, rebalanceTimeoutMs, sessionTimeoutMs);
        for (Protocol p : protocols) {
            protocolCounts.merge(p.name(), 1, Integer::sum);
        }
        if (joinCallback != null) {
            if (!member.isAwaitingJoin()) {
                numMembersAwaitingJoin++;
            }
            member.awaitJoin(joinCallback);
        }
    }

    /** Answers a member's waiting JoinGroup and stops counting it as awaiting. */
    void completeJoin(MemberMetadata member, JoinGroupResult result) {
        if (member.isAwaitingJoin()) {
            numMembersAwaitingJoin--;
            member.completeJoin(result);
        }
    }

    public boolean isStaticMemberFenced(String groupInstanceId, String memberId) {
        if (groupInstanceId == null) {
            return false;
        }
        String current = staticMembers.get(groupInstanceId);
        return current != null && !current.equals(memberId);
    }

    boolean hasStaticMember(String groupInstanceId) {
        return groupInstanceId != null && staticMembers.containsKey(groupInstanceId);
    }

    String staticMemberId(String groupInstanceId) {
        return groupInstanceId == null ? null : staticMembers.get(groupInstanceId);
    }

    void addPendingMember(String memberId) {
        pendingMembers.add(memberId);
    }

    boolean isPendingMember(String memberId) {
        return pendingMembers.contains(memberId);
    }

    boolean removePendingMember(String memberId) {
        return pendingMembers.remove(memberId);
    }

    int numPending() {
        return pendingMembers.size();
    }

    int numAwaitingJoin() {
        return numMembersAwaitingJoin;
    }

    boolean hasAllMembersJoined() {
        return members.size() == numMembersAwaitingJoin && pendingMembers.isEmpty();
    }

    List<MemberMetadata> notYetRejoinedMembers() {
        List<MemberMetadata> out = new ArrayList<>();
        for (MemberMetadata m : members.values()) {
            if (!m.isAwaitingJoin()) {
                out.add(m);
            }
        }
        return out;
    }

    boolean newMemberAdded() {
        return newMemberAdded;
    }

    void newMemberAdded(boolean added) {
        this.newMemberAdded = added;
    }

    /** The longest rebalance timeout of any member: how long a rebalance may wait for them. */
    int rebalanceTimeoutMs() {
        int max = 0;
        for (MemberMetadata m : members.values()) {
            max = Math.max(max, m.rebalanceTimeoutMs());
        }
        return max;
    }

    /**
     * Whether a member with this protocol type and these protocols may join: any non-empty offer
     * fits an Empty group; otherwise the type must match and at least one protocol must be
     * supported by every current member.
     */
    boolean supportsProtocols(String memberProtocolType, List<Protocol> memberProtocols) {
        if (state == GroupState.EMPTY) {
            return memberProtocolType != null && !memberProtocolType.isEmpty() && !memberProtocols.isEmpty();
        }
        if (!memberProtocolType.equals(protocolType)) {
            return false;
        }
        for (Protocol p : memberProtocols) {
            if (protocolCounts.getOrDefault(p.name(), 0) == members.size()) {
                return true;
            }
        }
        return false;
    }

    /** The protocol every member supports that most members prefer. */
    String selectProtocol() {
        Set<String> candidates = new java.util.LinkedHashSet<>();
        for (Protocol p : members.values().iterator().next().supportedProtocols()) {
            if (protocolCounts.getOrDefault(p.name(), 0) == members.size()) {
                candidates.add(p.name());
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("No protocol is supported by all members of group " + groupId);
        }
        Map<String, Integer> votes = new LinkedHashMap<>();
        for (String c : candidates) {
            votes.put(c, 0);
        }
        for (MemberMetadata m : members.values()) {
            votes.merge(m.vote(candidates), 1, Integer::sum);
        }
        String best = null;
        int bestVotes = -1;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
            }
        }
        return best;
    }

    /**
     * If the leader has not rejoined, hands leadership to a member that has. Returns false when no
     * member has rejoined (or there is no leader at all).
     */
    boolean maybeElectNewJoinedLeader() {
        if (leaderId == null) {
            return false;
        }
        MemberMetadata leader = members.get(leaderId);
        if (leader != null && leader.isAwaitingJoin()) {
            return true;
        }
        for (MemberMetadata m : members.values()) {
            if (m.isAwaitingJoin()) {
                leaderId = m.memberId();
                return true;
            }
        }
        return false;
    }

    /** Starts the next generation: CompletingRebalance with a chosen protocol, or Empty when no member is left. */
    void initNextGeneration(long now) {
        generationId++;
        if (!members.isEmpty()) {
            protocolName = selectProtocol();
            subscribedTopics = computeSubscribedTopics();
            transitionTo(GroupState.COMPLETING_REBALANCE, now);
        } else {
            protocolName = null;
            subscribedTopics = null;
            transitionTo(GroupState.EMPTY, now);
        }
        pendingSyncMembers.clear();
    }

    private Set<String> computeSubscribedTopics() {
        if (!isConsumerGroup() || protocolName == null) {
            return null;
        }
        Set<String> topics = new HashSet<>();
        for (MemberMetadata m : members.values()) {
            Set<String> t = ConsumerSubscription.topics(m.metadata(protocolName));
            if (t == null) {
                return null;
            }
            topics.addAll(t);
        }
        return topics;
    }

    /** Recomputes subscriptions after loading a group from the log. */
    void refreshSubscribedTopics() {
        subscribedTopics = members.isEmpty() ? null : computeSubscribedTopics();
    }

    /** Whether the members consume {@code topic}; true when that cannot be told. */
    boolean isSubscribedToTopic(String topic) {
        return subscribedTopics == null || subscribedTopics.contains(topic);
    }

    /** Every member's metadata for the chosen protocol, for the leader's JoinGroup answer. */
    List<JoinGroupResult.Member> currentMemberMetadata() {
        List<JoinGroupResult.Member> out = new ArrayList<>(members.size());
        for (MemberMetadata m : members.values()) {
            out.add(new JoinGroupResult.Member(m.memberId(), m.groupInstanceId(), m.metadata(protocolName)));
        }
        return out;
    }

    Set<String> pendingSyncMembers() {
        return pendingSyncMembers;
    }

    /** Replaces the join-phase timer; {@code initial} marks a new group's initial rebalance delay. */
    void joinTimer(CoordinatorScheduler.Cancellable timer, boolean initial) {
        cancelJoinTimer();
        this.joinTimer = timer;
        this.initialJoinDelay = initial;
    }

    boolean inInitialJoinDelay() {
        return initialJoinDelay;
    }

    void cancelJoinTimer() {
        if (joinTimer != null) {
            joinTimer.cancel();
            joinTimer = null;
        }
        initialJoinDelay = false;
    }

    void syncTimer(CoordinatorScheduler.Cancellable timer) {
        cancelSyncTimer();
        this.syncTimer = timer;
    }

    void cancelSyncTimer() {
        if (syncTimer != null) {
            syncTimer.cancel();
            syncTimer = null;
        }
    }

    // ---- offsets ----

    public Map<TopicPartition, OffsetAndMetadata> committedOffsets() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>(offsets.size() * 2);
        offsets.forEach((tp, c) -> out.put(tp, c.offsetAndMetadata()));
        return out;
    }

    public OffsetAndMetadata committedOffset(TopicPartition tp) {
        CommittedOffset c = offsets.get(tp);
        return c == null ? null : c.offsetAndMetadata();
    }

    public boolean hasOffsets() {
        return !offsets.isEmpty() || !pendingOffsetCommits.isEmpty();
    }

    /** Installs an offset read back from the log; a later record replaces an earlier one. */
    void loadOffset(TopicPartition tp, OffsetAndMetadata offset, long appendOffset) {
        offsets.put(tp, new CommittedOffset(offset, appendOffset));
    }

    void prepareOffsetCommit(Map<TopicPartition, OffsetAndMetadata> commits) {
        pendingOffsetCommits.putAll(commits);
    }

    /** A commit reached the log at {@code appendOffset}: it becomes the committed offset unless a newer one already is. */
    void onOffsetCommitAppend(TopicPartition tp, OffsetAndMetadata offset, long appendOffset) {
        if (pendingOffsetCommits.containsKey(tp)) {
            CommittedOffset current = offsets.get(tp);
            if (current == null || current.appendOffset() < appendOffset) {
                offsets.put(tp, new CommittedOffset(offset, appendOffset));
            }
        }
        if (offset.equals(pendingOffsetCommits.get(tp))) {
            pendingOffsetCommits.remove(tp);
        }
    }

    void failPendingOffsetWrite(TopicPartition tp, OffsetAndMetadata offset) {
        if (offset.equals(pendingOffsetCommits.get(tp))) {
            pendingOffsetCommits.remove(tp);
        }
    }

    void removeOffsets(Collection<TopicPartition> tps) {
        for (TopicPartition tp : tps) {
            offsets.remove(tp);
            pendingOffsetCommits.remove(tp);
        }
    }

    Set<TopicPartition> allOffsetPartitions() {
        return new HashSet<>(offsets.keySet());
    }

    /**
     * The offsets past retention, as Kafka decides: for an Empty group with a protocol, counted
     * from when it became Empty; for a Stable consumer group, only partitions of topics nobody
     * subscribes to any more; for a simple group, from each commit. An explicit expiry time wins.
     */
    Set<TopicPartition> expiredOffsets(long now, long retentionMs) {
        Set<TopicPartition> expired = new HashSet<>();
        boolean emptyWithProtocol = protocolType != null && state == GroupState.EMPTY;
        boolean stableConsumer = isConsumerGroup() && state == GroupState.STABLE && subscribedTopics != null;
        if (protocolType != null && !emptyWithProtocol && !stableConsumer) {
            return expired;
        }
        for (Map.Entry<TopicPartition, CommittedOffset> e : offsets.entrySet()) {
            TopicPartition tp = e.getKey();
            if (pendingOffsetCommits.containsKey(tp) || (stableConsumer && subscribedTopics.contains(tp.topic()))) {
                continue;
            }
            OffsetAndMetadata o = e.getValue().offsetAndMetadata();
            boolean isExpired;
            if (o.hasExpireTimestamp()) {
                isExpired = now >= o.expireTimestamp();
            } else {
                long base = emptyWithProtocol ? currentStateTimestamp : o.commitTimestamp();
                isExpired = now - base >= retentionMs;
            }
            if (isExpired) {
                expired.add(tp);
            }
        }
        return expired;
    }

    @Override
    public String toString() {
        return "Group(" + groupId + ", " + state.displayName() + ", generation " + generationId + ", " + members.size() + " members)";
    }
}
