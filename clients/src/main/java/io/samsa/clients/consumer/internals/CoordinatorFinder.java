package io.samsa.clients.consumer.internals;

import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.clients.internals.ExponentialBackoff;
import io.samsa.clients.internals.NodeTarget;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.Time;
import io.samsa.common.errors.GroupAuthorizationException;
import io.samsa.protocol.message.FindCoordinatorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;

/**
 * Finds the group's coordinator with FindCoordinator (to the least loaded broker), retrying with
 * back-off while the coordinator is unavailable. The coordinator gets a connection of its own
 * (node id {@code Integer.MAX_VALUE - id}, as Kafka does), so a JoinGroup the broker holds for a
 * whole rebalance never queues behind, or ahead of, fetches. Owned by the application thread; the
 * answer lands in {@link GroupState}.
 */
final class CoordinatorFinder {

    private static final Logger log = LoggerFactory.getLogger(CoordinatorFinder.class);

    private final ClientIoThread io;
    private final GroupState group;
    private final ApplicationThreadWaiter waiter;
    private final Time time;
    private final int requestTimeoutMs;
    private final ExponentialBackoff backoff;
    private CompletableFuture<ClientResponse> inFlight;
    private int failures;
    private long retryAtMs;

    CoordinatorFinder(ClientIoThread io, GroupState group, ApplicationThreadWaiter waiter, Time time,
                      int requestTimeoutMs, long retryBackoffMs, long retryBackoffMaxMs) {
        this.io = io;
        this.group = group;
        this.waiter = waiter;
        this.time = time;
        this.requestTimeoutMs = requestTimeoutMs;
        this.backoff = new ExponentialBackoff(retryBackoffMs, retryBackoffMaxMs);
    }

    /** Whether the coordinator is known; looks it up, blocking until {@code deadlineMs} at most. */
    boolean ensureKnown(long deadlineMs) {
        while (group.coordinator() == null) {
            long now = time.milliseconds();
            if (inFlight == null) {
                if (now < retryAtMs) {
                    if (deadlineMs <= now) {
                        return false;
                    }
                    waiter.await(Math.min(deadlineMs, retryAtMs));
                    continue;
                }
                inFlight = waiter.watch(io.send(NodeTarget.leastLoaded(), GroupRequests.findCoordinator(group.groupId()),
                        now + requestTimeoutMs));
            }
            if (!waiter.awaitDone(inFlight, deadlineMs)) {
                return false;
            }
            CompletableFuture<ClientResponse> done = inFlight;
            inFlight = null;
            handle(done);
        }
        return true;
    }

    private void handle(CompletableFuture<ClientResponse> done) {
        long now = time.milliseconds();
        ClientResponse response;
        try {
            response = done.join();
        } catch (RuntimeException e) {
            log.debug("FindCoordinator failed: {}", e.toString());
            retryAtMs = now + backoff.backoffMs(++failures);
            return;
        }
        FindCoordinatorResponse body = response.bodyAs();
        Errors error = Errors.forCode(body.errorCode());
        if (error == Errors.NONE) {
            failures = 0;
            Node node = new Node(Integer.MAX_VALUE - body.nodeId(), body.host(), body.port());
            log.info("Discovered group coordinator {}", node);
            group.setCoordinator(node);
        } else if (error == Errors.GROUP_AUTHORIZATION_FAILED) {
            throw new GroupAuthorizationException("Not authorized to access group " + group.groupId());
        } else {
            log.debug("FindCoordinator answered {}", error);
            retryAtMs = now + backoff.backoffMs(++failures);
        }
    }
}
