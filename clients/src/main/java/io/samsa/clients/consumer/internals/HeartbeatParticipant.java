package io.samsa.clients.consumer.internals;

import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.clients.internals.NodeTarget;
import io.samsa.clients.internals.RequestSender;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.protocol.message.HeartbeatResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heartbeats a stable member's coordinator every {@code heartbeat.interval.ms} on the I/O thread,
 * so the member stays in its group while the application is busy between polls; and leaves the
 * group (LeaveGroup, unless the member is static) when {@code max.poll.interval.ms} passes
 * without a poll, so a stuck application hands its partitions to others. Answers that end the
 * membership or announce a rebalance are recorded in {@link GroupState} for the application
 * thread's next poll. Runs only on the I/O thread; its own fields are confined to it.
 */
final class HeartbeatParticipant implements ClientIoThread.Participant {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatParticipant.class);

    private final RequestSender sender;
    private final GroupState group;
    private final ApplicationThreadWaiter waiter;
    private final ConsumerMetrics metrics;
    private final int heartbeatIntervalMs;
    private final int maxPollIntervalMs;
    private final int sessionTimeoutMs;
    private final int requestTimeoutMs;
    private boolean inFlight;
    private long lastSendMs;
    private long lastSuccessMs = -1;

    HeartbeatParticipant(RequestSender sender, GroupState group, ApplicationThreadWaiter waiter, ConsumerSettings settings,
                         ConsumerMetrics metrics) {
        this.sender = sender;
        this.group = group;
        this.waiter = waiter;
        this.metrics = metrics;
        this.heartbeatIntervalMs = settings.heartbeatIntervalMs();
        this.maxPollIntervalMs = settings.maxPollIntervalMs();
        this.sessionTimeoutMs = settings.sessionTimeoutMs();
        this.requestTimeoutMs = settings.requestTimeoutMs();
    }

    @Override
    public long poll(long nowMs) {
        if (group.phase() != GroupState.Phase.STABLE) {
            lastSuccessMs = -1;
            return heartbeatIntervalMs;
        }
        long pollDeadline = group.lastPollMs() + maxPollIntervalMs;
        if (nowMs >= pollDeadline) {
            leaveForPollTimeout(nowMs);
            return heartbeatIntervalMs;
        }
        Node coordinator = group.coordinator();
        if (coordinator == null || inFlight) {
            return Math.min(heartbeatIntervalMs, pollDeadline - nowMs);
        }
        if (lastSuccessMs < 0) {
            lastSuccessMs = nowMs;
        } else if (nowMs - lastSuccessMs > sessionTimeoutMs) {
            // No answer for a whole session: the coordinator may have moved.
            group.coordinatorUnknown(coordinator);
            lastSuccessMs = nowMs;
            waiter.signal();
            return heartbeatIntervalMs;
        }
        long due = lastSendMs + heartbeatIntervalMs;
        if (nowMs < due) {
            return Math.min(due - nowMs, pollDeadline - nowMs);
        }
        send(coordinator, nowMs);
        return Math.min(heartbeatIntervalMs, pollDeadline - nowMs);
    }

    private void send(Node coordinator, long nowMs) {
        GroupState.Generation g = group.generation();
        inFlight = true;
        lastSendMs = nowMs;
        sender.send(NodeTarget.node(coordinator), GroupRequests.heartbeat(group.groupId(), g, group.groupInstanceId()),
                nowMs + requestTimeoutMs, requestTimeoutMs).whenComplete((response, error) -> {
                    inFlight = false;
                    handle(coordinator, g, response, error);
                });
    }

    private void handle(Node coordinator, GroupState.Generation g, ClientResponse response, Throwable error) {
        if (error != null) {
            log.debug("Heartbeat to {} failed: {}", coordinator, error.toString());
            group.coordinatorUnknown(coordinator);
            waiter.signal();
            return;
        }
        metrics.recordHeartbeat(response.latencyMs());
        Errors e = Errors.forCode(response.<HeartbeatResponse>bodyAs().errorCode());
        if (!g.equals(group.generation())) {
            return; // the member moved on while the heartbeat travelled
        }
        switch (e) {
            case NONE -> lastSuccessMs = response.receivedMs();
            case REBALANCE_IN_PROGRESS -> {
                lastSuccessMs = response.receivedMs();
                group.requestRejoin("the group is rebalancing");
            }
            case ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID ->
                    group.resetGeneration("heartbeat answered " + e, e == Errors.UNKNOWN_MEMBER_ID);
            case COORDINATOR_NOT_AVAILABLE, NOT_COORDINATOR, COORDINATOR_LOAD_IN_PROGRESS ->
                    group.coordinatorUnknown(coordinator);
            default -> log.warn("Heartbeat answered {}", e);
        }
        waiter.signal();
    }

    private void leaveForPollTimeout(long nowMs) {
        GroupState.Generation g = group.generation();
        log.warn("consumer poll timeout has expired. This means the time between subsequent calls to poll() was longer "
                + "than the configured max.poll.interval.ms ({}), which typically implies that the poll loop is spending "
                + "too much time processing messages. Leaving the group.", maxPollIntervalMs);
        Node coordinator = group.coordinator();
        if (coordinator != null && group.groupInstanceId().isEmpty()) {
            sender.send(NodeTarget.node(coordinator), GroupRequests.leaveGroup(group.groupId(), g.memberId(),
                    group.groupInstanceId(), "consumer poll timeout has expired"), nowMs + requestTimeoutMs, requestTimeoutMs);
        }
        group.resetGeneration("consumer poll timeout has expired", group.groupInstanceId().isEmpty());
        group.leftForPollTimeout();
        waiter.signal();
    }
}
