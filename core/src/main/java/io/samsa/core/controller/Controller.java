package io.samsa.core.controller;

import io.samsa.common.Errors;
import io.samsa.common.Time;
import io.samsa.common.TopicPartition;
import com.codahale.metrics.Timer;
import io.samsa.core.metrics.BrokerMetrics;
import io.samsa.zk.ControllerElection;
import io.samsa.zk.SamsaZkClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The cluster controller of one broker: takes part in the controller election and, while elected,
 * runs the controller's event loop (Kafka's {@code KafkaController}). Every broker runs one; at most
 * one is active at a time. Thread-safe: the public methods may be called from any thread; the work
 * happens on the election thread and the single controller event thread.
 *
 * <p>Lifecycle: {@link #start()} after the broker registered itself in ZooKeeper, {@link #close()}
 * on shutdown (which resigns, so another broker takes over at once).
 */
public final class Controller implements AutoCloseable {

    private final ControllerConfig config;
    private final ControllerEventManager events;
    private final ControllerEventProcessor processor;
    private final ControllerElection election;
    private final ControllerMetrics metrics;
    private volatile boolean started;

    public Controller(ControllerConfig config, SamsaZkClient zk, ControllerChannel channel, Time time) {
        this(config, zk, channel, time, new BrokerMetrics());
    }

    /** As above, publishing Kafka's KafkaController gauges in {@code metrics}. */
    public Controller(ControllerConfig config, SamsaZkClient zk, ControllerChannel channel, Time time, BrokerMetrics metrics) {
        this.config = config;
        this.metrics = new ControllerMetrics(metrics, this::isActive);
        this.events = new ControllerEventManager("controller-event-thread-" + config.brokerId(), this::process, time);
        this.election = new ControllerElection(zk, config.brokerId(), new ControllerElection.Listener() {
            @Override
            public void onBecomingController(int epoch, int epochZkVersion) {
                events.put(new ControllerEvent.BecameController(epoch, epochZkVersion));
            }

            @Override
            public void onResigning() {
                events.put(new ControllerEvent.Resign());
            }
        });
        this.processor = new ControllerEventProcessor(config, zk, channel, events::put, election::controllerMoved,
                this.metrics::uncleanElection);
        channel.setResponseListener((brokerId, brokerEpoch, partitions) ->
                events.put(new ControllerEvent.ReplicasOnOfflineDirs(brokerId, brokerEpoch, Set.copyOf(partitions))));
    }

    private void process(ControllerEvent event) {
        Timer timer = metrics.timerFor(event);
        if (timer == null) {
            processor.process(event);
        } else {
            Timer.Context timed = timer.time();
            try {
                processor.process(event);
            } finally {
                timed.stop();
            }
        }
        metrics.update(processor.context(), processor.isActive());
    }

    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        events.start();
        election.start();
    }

    /** True once this broker has taken over as controller, until it resigns. */
    public boolean isActive() {
        return processor.isActive();
    }

    /** The controller epoch while active, else -1. */
    public int epoch() {
        return processor.epoch();
    }

    /** The active controller's broker id as this broker last saw it, -1 if unknown (for Metadata's controller_id). */
    public int activeControllerId() {
        return election.activeControllerId();
    }

    public int brokerId() {
        return config.brokerId();
    }

    /**
     * Runs {@code reader} against the controller's context on the event thread (after every event
     * queued before it) and completes with its result. The context is empty when not active. The
     * reader must copy what it returns: the context's views change with later events.
     */
    public <T> CompletableFuture<T> query(Function<ControllerContext, T> reader) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (!started) {
            result.completeExceptionally(new IllegalStateException("The controller is not running"));
            return result;
        }
        if (events.isEventThread()) {
            throw new IllegalStateException("query() from the controller event thread would deadlock a waiting caller");
        }
        events.put(new ControllerEvent.Query<>(reader, result));
        return result;
    }

    /**
     * Handles a ControlledShutdown request: moves leadership of the broker's replicated partitions
     * to other in-sync replicas and takes it out of the other ISRs. Completes with the replicated
     * partitions the broker still leads (the broker retries while this is non-empty), or
     * exceptionally with a {@link ControllerException}: NOT_CONTROLLER, BROKER_NOT_AVAILABLE or
     * STALE_BROKER_EPOCH.
     *
     * @param brokerEpoch the requester's broker epoch, or -1 not to check it
     */
    public CompletableFuture<Set<TopicPartition>> controlledShutdown(int brokerId, long brokerEpoch) {
        CompletableFuture<Set<TopicPartition>> result = new CompletableFuture<>();
        if (!started) {
            result.completeExceptionally(new ControllerException(Errors.NOT_CONTROLLER, "The controller is not running"));
            return result;
        }
        events.put(new ControllerEvent.ControlledShutdown(brokerId, brokerEpoch, result));
        return result;
    }

    /**
     * Handles an AlterPartition request from a partition leader (KIP-497): completes with each
     * partition's outcome (the state written, or FENCED_LEADER_EPOCH, INVALID_UPDATE_VERSION,
     * INELIGIBLE_REPLICA, UNKNOWN_TOPIC_OR_PARTITION), or exceptionally with a
     * {@link ControllerException} for the whole request: NOT_CONTROLLER or STALE_BROKER_EPOCH.
     */
    public CompletableFuture<Map<TopicPartition, IsrChangeResult>> alterPartition(int brokerId, long brokerEpoch,
                                                                                 List<IsrChange> changes) {
        CompletableFuture<Map<TopicPartition, IsrChangeResult>> result = new CompletableFuture<>();
        if (!started) {
            result.completeExceptionally(new ControllerException(Errors.NOT_CONTROLLER, "The controller is not running"));
            return result;
        }
        events.put(new ControllerEvent.AlterPartition(brokerId, brokerEpoch, changes, result));
        return result;
    }

    /**
     * Handles an AlterPartitionReassignments request (KIP-455): for each partition, the target
     * replicas to move it to, or empty to cancel its reassignment in progress. Completes with each
     * partition's outcome in request order, or exceptionally with a {@link ControllerException}
     * NOT_CONTROLLER.
     */
    public CompletableFuture<Map<TopicPartition, ReassignmentResult>> alterPartitionReassignments(
            Map<TopicPartition, Optional<List<Integer>>> reassignments) {
        CompletableFuture<Map<TopicPartition, ReassignmentResult>> result = new CompletableFuture<>();
        if (!started) {
            result.completeExceptionally(new ControllerException(Errors.NOT_CONTROLLER, "The controller is not running"));
            return result;
        }
        events.put(new ControllerEvent.AlterPartitionReassignments(new LinkedHashMap<>(reassignments), result));
        return result;
    }

    /**
     * Handles a ListPartitionReassignments request: the reassignments in progress among the given
     * partitions (those not being reassigned, or unknown, are left out), or all of them when
     * empty. Fails with a {@link ControllerException} NOT_CONTROLLER.
     */
    public CompletableFuture<SortedMap<TopicPartition, ReplicaAssignment>> listPartitionReassignments(
            Optional<Set<TopicPartition>> partitions) {
        CompletableFuture<SortedMap<TopicPartition, ReplicaAssignment>> result = new CompletableFuture<>();
        if (!started) {
            result.completeExceptionally(new ControllerException(Errors.NOT_CONTROLLER, "The controller is not running"));
            return result;
        }
        events.put(new ControllerEvent.ListPartitionReassignments(partitions.map(Set::copyOf), result));
        return result;
    }

    /**
     * Handles an ElectLeaders request: completes with an outcome for each partition asked for (or
     * for every partition when empty): the new leader, written and announced; ELECTION_NOT_NEEDED;
     * PREFERRED_LEADER_NOT_AVAILABLE or ELIGIBLE_LEADERS_NOT_AVAILABLE; UNKNOWN_TOPIC_OR_PARTITION;
     * INVALID_TOPIC_EXCEPTION for a topic being deleted; NOT_CONTROLLER for each when not active.
     */
    public CompletableFuture<Map<TopicPartition, ElectionOutcome>> electLeaders(Optional<Set<TopicPartition>> partitions,
                                                                               ElectionType type) {
        CompletableFuture<Map<TopicPartition, ElectionOutcome>> result = new CompletableFuture<>();
        if (!started) {
            result.complete(ElectionOutcome.allFailed(partitions, Errors.NOT_CONTROLLER, null));
            return result;
        }
        events.put(new ControllerEvent.ElectLeaders(partitions.map(Set::copyOf), type, result));
        return result;
    }

    /**
     * Runs the leader balance check ({@code auto.leader.rebalance.enable}) if this broker is the
     * active controller: partitions led away from their preferred replica go back where a broker's
     * share of them exceeds {@code leader.imbalance.per.broker.percentage}.
     */
    public void checkLeaderBalance() {
        if (started) {
            events.put(new ControllerEvent.LeaderBalanceCheck());
        }
    }

    /**
     * Reports that broker {@code brokerId}'s registration of {@code brokerEpoch} belongs to a process
     * that is gone (its listener refuses connections): the active controller moves its partitions
     * without waiting for the ZooKeeper session to expire. Ignored by a controller that is not active
     * or knows a newer registration.
     */
    public void brokerUnreachable(int brokerId, long brokerEpoch) {
        if (started) {
            events.put(new ControllerEvent.BrokerUnreachable(brokerId, brokerEpoch));
        }
    }

    /** Leaves the election (resigning if active) and stops the event thread. */
    @Override
    public synchronized void close() {
        if (!started) {
            return;
        }
        started = false;
        election.close();
        events.put(new ControllerEvent.Resign());
        events.close();
    }
}
