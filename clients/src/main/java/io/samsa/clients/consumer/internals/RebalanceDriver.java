package io.samsa.clients.consumer.internals;

import io.samsa.clients.consumer.ConsumerPartitionAssignor;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.Assignment;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.RebalanceProtocol;
import io.samsa.clients.consumer.ConsumerPartitionAssignor.Subscription;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.clients.internals.ExponentialBackoff;
import io.samsa.clients.internals.NodeTarget;
import io.samsa.clients.internals.RequestSender;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.JoinGroupRequest;
import io.samsa.protocol.message.JoinGroupResponse;
import io.samsa.protocol.message.SyncGroupRequest;
import io.samsa.protocol.message.SyncGroupResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Takes the member through a classic-protocol rebalance: prepare (commit, then revoke everything
 * under the eager protocol, or nothing but unsubscribed topics under the cooperative one; or
 * report the partitions lost when the membership is gone), JoinGroup with one subscription per
 * assignor, the leader's assignment, SyncGroup, then the new assignment (under the cooperative
 * protocol, partitions that moved away are revoked and the member joins again so they can move).
 * Never blocks past the deadline it is given: a join or sync in flight is carried over to the next
 * poll. Owned by the application thread; JoinGroup and SyncGroup answers complete on the I/O
 * thread and are read here.
 */
final class RebalanceDriver {

    private static final Logger log = LoggerFactory.getLogger(RebalanceDriver.class);

    private final RequestSender sender;
    private final ClientMetadata metadata;
    private final GroupState group;
    private final CoordinatorFinder finder;
    private final SubscriptionState subscriptions;
    private final Assignors assignors;
    private final OffsetCommitter committer;
    private final RebalanceListenerInvoker listeners;
    private final ApplicationThreadWaiter waiter;
    private final Time time;
    private final ConsumerSettings settings;
    private final ExponentialBackoff backoff;
    private final ConsumerMetrics metrics;
    /** When the rebalance under way sent its first JoinGroup; -1 when none is under way (retries keep it). */
    private long rebalanceStartMs = -1;
    private CompletableFuture<ClientResponse> joinInFlight;
    private CompletableFuture<ClientResponse> syncInFlight;
    private GroupState.Generation joinedGeneration;
    private Node joinedCoordinator;
    private boolean needsPrepare = true;
    private long retryAtMs;
    private int failures;
    /** Partition counts of the topics the last assignment (as leader) was made over. */
    private Map<String, Integer> assignedOverCounts = Map.of();
    private boolean leader;

    RebalanceDriver(RequestSender sender, ClientMetadata metadata, GroupState group, CoordinatorFinder finder,
                    SubscriptionState subscriptions, Assignors assignors, OffsetCommitter committer,
                    RebalanceListenerInvoker listeners, ApplicationThreadWaiter waiter, Time time, ConsumerSettings settings,
                    ConsumerMetrics metrics) {
        this.sender = sender;
        this.metadata = metadata;
        this.metrics = metrics;
        this.group = group;
        this.finder = finder;
        this.subscriptions = subscriptions;
        this.assignors = assignors;
        this.committer = committer;
        this.listeners = listeners;
        this.waiter = waiter;
        this.time = time;
        this.settings = settings;
        this.backoff = new ExponentialBackoff(settings.retryBackoffMs(), settings.retryBackoffMaxMs());
    }

    RebalanceProtocol protocol() {
        return assignors.protocol();
    }

    /**
     * Advances the rebalance as far as it goes by {@code deadlineMs}; returns whether the member
     * is stable with an assignment for the current generation.
     */
    boolean poll(long deadlineMs) {
        while (group.rejoinNeeded() || group.phase() != GroupState.Phase.STABLE) {
            if (joinInFlight == null && syncInFlight == null) {
                if (time.milliseconds() < retryAtMs) {
                    if (deadlineMs <= time.milliseconds()) {
                        return false;
                    }
                    waiter.await(Math.min(deadlineMs, retryAtMs));
                    continue;
                }
                if (!finder.ensureKnown(deadlineMs)) {
                    return false;
                }
                if (needsPrepare) {
                    needsPrepare = false;
                    RuntimeException e = prepare(deadlineMs);
                    if (e != null) {
                        throw e;
                    }
                }
                sendJoin();
            }
            if (joinInFlight != null) {
                if (!waiter.awaitDone(joinInFlight, deadlineMs)) {
                    return false;
                }
                CompletableFuture<ClientResponse> done = joinInFlight;
                joinInFlight = null;
                onJoinResponse(done);
            }
            if (syncInFlight != null) {
                if (!waiter.awaitDone(syncInFlight, deadlineMs)) {
                    return false;
                }
                CompletableFuture<ClientResponse> done = syncInFlight;
                syncInFlight = null;
                RuntimeException e = onSyncResponse(done);
                if (e != null) {
                    throw e;
                }
            }
        }
        return true;
    }

    /** Whether a JoinGroup or SyncGroup is in flight. */
    boolean inProgress() {
        return joinInFlight != null || syncInFlight != null;
    }

    // ---- before joining ----

    private RuntimeException prepare(long deadlineMs) {
        Set<TopicPartition> owned = subscriptions.assignedPartitions();
        if (group.generation().isNone()) {
            if (owned.isEmpty()) {
                return null;
            }
            // The membership is gone, so another member may already own these: they are lost, not revoked.
            subscriptions.assignFromSubscribed(Set.of());
            return listeners.lost(owned);
        }
        committer.maybeAutoCommitSync(Math.max(deadlineMs, time.milliseconds() + settings.requestTimeoutMs()));
        if (assignors.protocol() == RebalanceProtocol.EAGER) {
            subscriptions.assignFromSubscribed(Set.of());
            return listeners.revoked(owned);
        }
        Set<TopicPartition> gone = new HashSet<>();
        for (TopicPartition tp : owned) {
            if (!subscriptions.subscription().contains(tp.topic())) {
                gone.add(tp);
            }
        }
        if (gone.isEmpty()) {
            return null;
        }
        Set<TopicPartition> kept = new HashSet<>(owned);
        kept.removeAll(gone);
        subscriptions.assignFromSubscribed(kept);
        return listeners.revoked(gone);
    }

    // ---- JoinGroup ----

    private void sendJoin() {
        Node coordinator = group.coordinator();
        List<String> topics = new ArrayList<>(new TreeSet<>(subscriptions.subscription()));
        List<TopicPartition> owned = assignors.protocol() == RebalanceProtocol.COOPERATIVE
                ? RebalanceListenerInvoker.sortedList(subscriptions.assignedPartitions()) : List.of();
        int ownedGeneration = group.generation().generationId();
        Optional<String> rack = settings.clientRack().isEmpty() ? Optional.empty() : Optional.of(settings.clientRack());
        List<JoinGroupRequest.JoinGroupRequestProtocol> protocols = new ArrayList<>();
        for (ConsumerPartitionAssignor a : assignors.all()) {
            Subscription s = new Subscription(topics, a.subscriptionUserData(new HashSet<>(topics)), owned, ownedGeneration, rack);
            ByteBuffer bytes = ConsumerProtocol.serializeSubscription(s);
            byte[] array = new byte[bytes.remaining()];
            bytes.duplicate().get(array);
            protocols.add(new JoinGroupRequest.JoinGroupRequestProtocol().setName(a.name()).setMetadata(ByteBuffer.wrap(array)));
        }
        String groupId = group.groupId();
        String memberId = group.memberId();
        String instanceId = group.groupInstanceId().orElse(null);
        String reason = group.rejoinReason();
        int session = settings.sessionTimeoutMs();
        int rebalance = settings.maxPollIntervalMs();
        ClientRequest request = ClientRequest.of(ApiKeys.JOIN_GROUP, (short) 0, (short) 8, v -> {
            JoinGroupRequest r = new JoinGroupRequest().setGroupId(groupId).setSessionTimeoutMs(session).setMemberId(memberId)
                    .setProtocolType(ConsumerProtocol.PROTOCOL_TYPE).setProtocols(protocols);
            if (v >= 1) {
                r.setRebalanceTimeoutMs(rebalance);
            }
            if (v >= 5) {
                r.setGroupInstanceId(instanceId);
            }
            if (v >= 8) {
                r.setReason(reason);
            }
            return r;
        });
        // The coordinator holds a JoinGroup until every member joined, up to the rebalance timeout.
        int timeout = Math.max(settings.requestTimeoutMs(), rebalance + 5_000);
        log.info("(Re-)joining group {} ({})", groupId, reason);
        group.rebalancing();
        if (rebalanceStartMs < 0) {
            rebalanceStartMs = time.milliseconds();
        }
        joinedCoordinator = coordinator;
        joinInFlight = waiter.watch(sender.send(NodeTarget.node(coordinator), request, time.milliseconds() + timeout, timeout));
    }

    private void onJoinResponse(CompletableFuture<ClientResponse> done) {
        ClientResponse response;
        try {
            response = done.join();
        } catch (RuntimeException e) {
            log.info("JoinGroup failed: {}", e.toString());
            group.coordinatorUnknown(joinedCoordinator);
            retryLater();
            return;
        }
        JoinGroupResponse body = response.bodyAs();
        Errors error = Errors.forCode(body.errorCode());
        switch (error) {
            case NONE -> {
                failures = 0;
                group.setMemberId(body.memberId());
                joinedGeneration = new GroupState.Generation(body.generationId(), body.memberId(), body.protocolName());
                leader = body.memberId().equals(body.leader());
                log.info("Successfully joined group with generation {} as {}{}", body.generationId(), body.memberId(),
                        leader ? " (leader)" : "");
                sendSync(leader && !body.skipAssignment() ? assign(body) : Map.of());
            }
            case MEMBER_ID_REQUIRED -> {
                group.setMemberId(body.memberId());
                group.joinFailed();
            }
            case UNKNOWN_MEMBER_ID -> {
                group.resetGeneration("JoinGroup answered UNKNOWN_MEMBER_ID", true);
            }
            case ILLEGAL_GENERATION -> group.resetGeneration("JoinGroup answered ILLEGAL_GENERATION", false);
            case COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR -> {
                group.coordinatorUnknown(joinedCoordinator);
                retryLater();
            }
            case COORDINATOR_LOAD_IN_PROGRESS, REBALANCE_IN_PROGRESS, UNKNOWN_SERVER_ERROR -> retryLater();
            default -> {
                group.joinFailed();
                if (error == Errors.GROUP_MAX_SIZE_REACHED) {
                    group.setMemberId("");
                }
                throw error.exception("JoinGroup of group " + group.groupId() + " failed");
            }
        }
    }

    private void retryLater() {
        group.joinFailed();
        retryAtMs = time.milliseconds() + backoff.backoffMs(++failures);
    }

    /** The leader's assignment: every member's subscription through the group's chosen assignor. */
    private Map<String, ByteBuffer> assign(JoinGroupResponse body) {
        Map<String, Subscription> subscriptions = new HashMap<>();
        Set<String> allTopics = new HashSet<>();
        for (JoinGroupResponse.JoinGroupResponseMember m : body.members()) {
            Subscription s = ConsumerProtocol.deserializeSubscription(m.metadata().duplicate());
            if (m.groupInstanceId() != null) {
                s.setGroupInstanceId(Optional.of(m.groupInstanceId()));
            }
            subscriptions.put(m.memberId(), s);
            allTopics.addAll(s.topics());
        }
        awaitMetadataFor(allTopics);
        ConsumerPartitionAssignor assignor = assignors.named(body.protocolName());
        Map<String, Assignment> result = assignor.assign(metadata.cluster(),
                new ConsumerPartitionAssignor.GroupSubscription(subscriptions)).groupAssignment();
        Map<String, Integer> counts = new HashMap<>();
        for (String t : allTopics) {
            counts.put(t, metadata.cluster().partitionCountForTopic(t));
        }
        assignedOverCounts = counts;
        Map<String, ByteBuffer> out = new HashMap<>();
        result.forEach((member, a) -> out.put(member, ConsumerProtocol.serializeAssignment(a)));
        log.info("Finished assignment for group at generation {}: {}", body.generationId(), result);
        return out;
    }

    private void awaitMetadataFor(Set<String> topics) {
        metadata.addTopics(topics);
        long deadline = time.milliseconds() + settings.requestTimeoutMs();
        while (!metadata.cluster().topics().containsAll(topics) && time.milliseconds() < deadline) {
            int version = metadata.requestUpdate();
            if (!metadata.awaitUpdate(version, deadline - time.milliseconds())) {
                break;
            }
            if (topics.stream().allMatch(t -> metadata.topicError(t).isPresent() || metadata.cluster().topics().contains(t))) {
                break;
            }
        }
    }

    /** Whether the leader should rebalance because a subscribed topic's partition count changed. */
    boolean assignedMetadataChanged() {
        if (!leader || group.phase() != GroupState.Phase.STABLE) {
            return false;
        }
        for (Map.Entry<String, Integer> e : assignedOverCounts.entrySet()) {
            Integer now = metadata.cluster().partitionCountForTopic(e.getKey());
            if (now != null && !now.equals(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    // ---- SyncGroup ----

    private void sendSync(Map<String, ByteBuffer> assignments) {
        GroupState.Generation g = joinedGeneration;
        String groupId = group.groupId();
        String instanceId = group.groupInstanceId().orElse(null);
        List<SyncGroupRequest.SyncGroupRequestAssignment> list = new ArrayList<>();
        assignments.forEach((member, bytes) -> {
            byte[] array = new byte[bytes.remaining()];
            bytes.duplicate().get(array);
            list.add(new SyncGroupRequest.SyncGroupRequestAssignment().setMemberId(member).setAssignment(ByteBuffer.wrap(array)));
        });
        ClientRequest request = ClientRequest.of(ApiKeys.SYNC_GROUP, (short) 0, (short) 5, v -> {
            SyncGroupRequest r = new SyncGroupRequest().setGroupId(groupId).setGenerationId(g.generationId())
                    .setMemberId(g.memberId()).setAssignments(list);
            if (v >= 3) {
                r.setGroupInstanceId(instanceId);
            }
            if (v >= 5) {
                r.setProtocolType(ConsumerProtocol.PROTOCOL_TYPE).setProtocolName(g.protocolName());
            }
            return r;
        });
        int timeout = Math.max(settings.requestTimeoutMs(), settings.maxPollIntervalMs() + 5_000);
        syncInFlight = waiter.watch(sender.send(NodeTarget.node(joinedCoordinator), request, time.milliseconds() + timeout, timeout));
    }

    private RuntimeException onSyncResponse(CompletableFuture<ClientResponse> done) {
        ClientResponse response;
        try {
            response = done.join();
        } catch (RuntimeException e) {
            log.info("SyncGroup failed: {}", e.toString());
            group.coordinatorUnknown(joinedCoordinator);
            retryLater();
            return null;
        }
        SyncGroupResponse body = response.bodyAs();
        Errors error = Errors.forCode(body.errorCode());
        switch (error) {
            case NONE -> {
                group.stable(joinedGeneration);
                needsPrepare = true;
                metrics.recordRebalance(rebalanceStartMs, time.milliseconds());
                rebalanceStartMs = -1;
                return complete(ConsumerProtocol.deserializeAssignment(body.assignment().duplicate()));
            }
            case REBALANCE_IN_PROGRESS -> group.joinFailed();
            case UNKNOWN_MEMBER_ID -> group.resetGeneration("SyncGroup answered UNKNOWN_MEMBER_ID", true);
            case ILLEGAL_GENERATION -> group.resetGeneration("SyncGroup answered ILLEGAL_GENERATION", false);
            case COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR -> {
                group.coordinatorUnknown(joinedCoordinator);
                retryLater();
            }
            default -> {
                group.joinFailed();
                throw error.exception("SyncGroup of group " + group.groupId() + " failed");
            }
        }
        return null;
    }

    /** Takes the new assignment and tells the listener; returns a listener's failure to rethrow. */
    private RuntimeException complete(Assignment assignment) {
        Set<TopicPartition> assigned = new HashSet<>();
        for (TopicPartition tp : assignment.partitions()) {
            if (subscriptions.subscription().contains(tp.topic())) {
                assigned.add(tp);
            } else {
                log.warn("The group assigned {} outside this member's subscription; ignoring it", tp);
            }
        }
        Set<TopicPartition> owned = subscriptions.assignedPartitions();
        RuntimeException failure = null;
        Set<TopicPartition> added = new HashSet<>(assigned);
        added.removeAll(owned);
        if (assignors.protocol() == RebalanceProtocol.COOPERATIVE) {
            Set<TopicPartition> revoked = new HashSet<>(owned);
            revoked.removeAll(assigned);
            if (!revoked.isEmpty()) {
                subscriptions.assignFromSubscribed(intersect(owned, assigned));
                failure = listeners.revoked(revoked);
                group.requestRejoin("partitions were revoked in a cooperative rebalance");
            }
        }
        subscriptions.assignFromSubscribed(assigned);
        assignors.named(joinedGeneration.protocolName()).onAssignment(assignment, joinedGeneration.generationId());
        RuntimeException e = listeners.assigned(added);
        return failure != null ? failure : e;
    }

    private static Set<TopicPartition> intersect(Set<TopicPartition> a, Set<TopicPartition> b) {
        Set<TopicPartition> out = new HashSet<>(a);
        out.retainAll(b);
        return out;
    }

    /** Leaves the group (close, unsubscribe): LeaveGroup unless static, waiting at most until {@code deadlineMs}. */
    void leave(String reason, long deadlineMs) {
        Node coordinator = group.coordinator();
        GroupState.Generation g = group.generation();
        String memberId = g.isNone() ? group.memberId() : g.memberId();
        if (coordinator != null && !memberId.isEmpty() && group.groupInstanceId().isEmpty()) {
            log.info("Member {} sending LeaveGroup request to coordinator {} due to {}", memberId, coordinator, reason);
            CompletableFuture<ClientResponse> f = sender.send(NodeTarget.node(coordinator),
                    GroupRequests.leaveGroup(group.groupId(), memberId, group.groupInstanceId(), reason), deadlineMs,
                    settings.requestTimeoutMs());
            try {
                waiter.awaitDone(f, deadlineMs);
            } catch (RuntimeException e) {
                log.debug("LeaveGroup failed: {}", e.toString());
            }
        }
        group.resetGeneration(reason, group.groupInstanceId().isEmpty());
        joinInFlight = null;
        syncInFlight = null;
        needsPrepare = true;
    }
}
