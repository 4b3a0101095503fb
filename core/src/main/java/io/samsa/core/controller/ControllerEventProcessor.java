package io.samsa.core.controller;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.Uuid;
import io.samsa.core.controller.ControllerContext.PartitionPhase;
import io.samsa.zk.BrokerInfo;
import io.samsa.zk.ControllerMovedException;
import io.samsa.zk.PartitionState;
import io.samsa.zk.SamsaZkClient;
import io.samsa.zk.TopicAssignment;
import io.samsa.zk.Versioned;
import io.samsa.zk.ZkWatch;
import io.samsa.zk.ZkWatchScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the controller does for each event: failover (load everything from ZooKeeper and tell every
 * broker), broker arrivals and departures, new topics and partitions, deletions, ISR changes,
 * controlled shutdown and partition reassignments. Runs only on the controller event thread; not thread-safe, except the
 * {@link #isActive()} and {@link #epoch()} reads.
 */
final class ControllerEventProcessor {

    private static final Logger log = LoggerFactory.getLogger(ControllerEventProcessor.class);

    private final ControllerConfig config;
    private final SamsaZkClient zk;
    private final ControllerChannel channel;
    private final Consumer<ControllerEvent> enqueue;
    private final IntConsumer onControllerMoved;
    private final ControllerContext context = new ControllerContext();
    private final ControllerRequestBatch batch = new ControllerRequestBatch(context);
    private final PartitionStateMachine partitions;
    private final TopicDeletionManager deletions;
    private final AlterPartitionProcessor alterPartition;
    private final ReassignmentManager reassignments;

    private volatile boolean active;
    private volatile int epoch = -1;

    // Watches of the current term; recreated at each failover.
    private ZkWatchScope watchScope;
    private ZkWatch brokersWatch;
    private ZkWatch topicsWatch;
    private ZkWatch deletionsWatch;
    private ZkWatch isrChangesWatch;
    private ZkWatch reassignmentsWatch;
    private ZkWatch logDirEventsWatch;
    private final Map<String, ZkWatch> topicWatches = new HashMap<>();

    /**
     * @param enqueue puts an event on the event queue (for ZooKeeper watches)
     * @param onControllerMoved told the epoch of a term whose fenced write failed: the election re-runs
     * @param onUncleanElection told of each leader elected from outside its partition's ISR
     */
    ControllerEventProcessor(ControllerConfig config, SamsaZkClient zk, ControllerChannel channel,
                             Consumer<ControllerEvent> enqueue, IntConsumer onControllerMoved, Runnable onUncleanElection) {
        this.config = config;
        this.zk = zk;
        this.channel = channel;
        this.enqueue = enqueue;
        this.onControllerMoved = onControllerMoved;
        this.partitions = new PartitionStateMachine(context, zk, config, onUncleanElection);
        this.deletions = new TopicDeletionManager(context, zk, topicWatches::remove);
        this.alterPartition = new AlterPartitionProcessor(context, zk);
        this.reassignments = new ReassignmentManager(context, zk, partitions, this::onPartitionReassigned);
    }

    /** The controller's state, for the metrics taken after each event. Event thread only. */
    ControllerContext context() {
        return context;
    }

    boolean isActive() {
        return active;
    }

    int epoch() {
        return epoch;
    }

    void process(ControllerEvent event) {
        try {
            if (event instanceof ControllerEvent.BecameController e) {
                onBecameController(e.epoch(), e.epochZkVersion());
            } else if (event instanceof ControllerEvent.Resign) {
                resign();
            } else if (event instanceof ControllerEvent.Query<?> q) {
                q.run(context);
            } else if (event instanceof ControllerEvent.ControlledShutdown e) {
                onControlledShutdown(e);
            } else if (event instanceof ControllerEvent.AlterPartition e) {
                onAlterPartition(e);
            } else if (event instanceof ControllerEvent.AlterPartitionReassignments e) {
                onAlterPartitionReassignments(e);
            } else if (event instanceof ControllerEvent.ListPartitionReassignments e) {
                onListPartitionReassignments(e);
            } else if (event instanceof ControllerEvent.ElectLeaders e) {
                onElectLeaders(e);
            } else if (!active) {
                log.debug("Ignoring {}: not controller", event);
            } else if (event instanceof ControllerEvent.BrokerChange) {
                onBrokerChange();
            } else if (event instanceof ControllerEvent.BrokerUnreachable e) {
                onBrokerUnreachable(e);
            } else if (event instanceof ControllerEvent.TopicChange) {
                onTopicChange();
            } else if (event instanceof ControllerEvent.PartitionModifications e) {
                onPartitionModifications(e.topic());
            } else if (event instanceof ControllerEvent.TopicDeletion) {
                onTopicDeletion();
            } else if (event instanceof ControllerEvent.IsrChangeNotification) {
                onIsrChange();
            } else if (event instanceof ControllerEvent.LeaderBalanceCheck) {
                onLeaderBalanceCheck();
            } else if (event instanceof ControllerEvent.LogDirEventNotification) {
                onLogDirEvent();
            } else if (event instanceof ControllerEvent.ReplicasOnOfflineDirs e) {
                onReplicasOnOfflineDirs(e);
            } else if (event instanceof ControllerEvent.ZkPartitionReassignment) {
                reassignments.onZkRequest(reassignmentsWatch, batch);
                batch.sendAll(channel);
            } else {
                log.warn("Unknown controller event {}", event);
            }
        } catch (ControllerMovedException e) {
            int fencedEpoch = context.epoch();
            log.info("Controller epoch {} was fenced while processing {} ({}); resigning", fencedEpoch, event, e.getMessage());
            batch.clear();
            resign();
            onControllerMoved.accept(fencedEpoch);
        } finally {
            batch.clear();
        }
    }

    // ------------------------------------------------------------------ failover and resignation

    private void onBecameController(int newEpoch, int epochZkVersion) {
        if (active) {
            resign();
        }
        try {
            failover(newEpoch, epochZkVersion);
        } catch (ControllerMovedException e) {
            throw e;
        } catch (RuntimeException e) {
            // A controller that failed to load must not linger half-initialized: step down so
            // that the election runs again (perhaps picking another broker).
            log.error("Broker {} failed to take over as controller with epoch {}; resigning", config.brokerId(), newEpoch, e);
            batch.clear();
            resign();
            onControllerMoved.accept(newEpoch);
        }
    }

    private void failover(int newEpoch, int epochZkVersion) {
        log.info("Broker {} starting as controller with epoch {}", config.brokerId(), newEpoch);
        context.reset(newEpoch, epochZkVersion);
        watchScope = zk.openWatchScope();
        brokersWatch = watchScope.watch(() -> enqueue.accept(new ControllerEvent.BrokerChange()));
        topicsWatch = watchScope.watch(() -> enqueue.accept(new ControllerEvent.TopicChange()));
        deletionsWatch = watchScope.watch(() -> enqueue.accept(new ControllerEvent.TopicDeletion()));
        isrChangesWatch = watchScope.watch(() -> enqueue.accept(new ControllerEvent.IsrChangeNotification()));
        reassignmentsWatch = watchScope.watch(() -> enqueue.accept(new ControllerEvent.ZkPartitionReassignment()));
        logDirEventsWatch = watchScope.watch(() -> enqueue.accept(new ControllerEvent.LogDirEventNotification()));
        epoch = newEpoch;
        active = true;

        for (BrokerInfo broker : zk.brokers().getAll(brokersWatch).values()) {
            context.addLiveBroker(broker);
            channel.addBroker(broker);
        }
        loadTopics(zk.topics().names(topicsWatch));
        for (Map.Entry<TopicPartition, PartitionState> e : zk.partitionStates().getAll(context.allPartitions()).entrySet()) {
            context.putState(e.getKey(), e.getValue());
            context.setPhase(e.getKey(), context.canLead(e.getValue().leader()) ? PartitionPhase.ONLINE : PartitionPhase.OFFLINE);
        }
        queueDeletions();
        // The states just loaded are current, so pending ISR notifications carry no news.
        List<String> isrNotifications = zk.partitionStates().isrChangeNotifications(isrChangesWatch);
        if (!isrNotifications.isEmpty()) {
            zk.partitionStates().deleteIsrChangeNotificationsFenced(isrNotifications, context.epochZkVersion());
        }

        // Every replica is told its state below; a broker with a failed log dir answers
        // KAFKA_STORAGE_ERROR for the replicas there, so pending announcements carry no news.
        List<String> logDirEvents = zk.logDirEvents().notifications(logDirEventsWatch);
        if (!logDirEvents.isEmpty()) {
            zk.logDirEvents().deleteFenced(logDirEvents, context.epochZkVersion());
        }

        addFullUpdateMetadata(context.liveBrokerIds());
        for (TopicPartition tp : context.allPartitions()) {
            if (!context.isQueuedForDeletion(tp.topic())) {
                batch.addLeaderAndIsr(context.replicas(tp), tp, false);
            }
        }
        partitions.triggerOnlineStateChange(batch);
        Set<Integer> dead = context.deadReplicaBrokers();
        if (!dead.isEmpty()) {
            partitions.removeReplicasFromIsr(new ArrayList<>(new TreeSet<>(dead)), partitionsNotBeingDeleted(dead), batch);
        }
        reassignments.initialize(reassignmentsWatch, batch);
        deletions.resume(batch);
        batch.sendAll(channel);
        log.info("Broker {} is controller with epoch {}: {} live brokers, {} topics, {} partitions", config.brokerId(), newEpoch,
                context.liveBrokerIds().size(), context.topics().size(), context.allPartitions().size());
    }

    private void resign() {
        if (!active) {
            return;
        }
        log.info("Broker {} resigns as controller of epoch {}", config.brokerId(), context.epoch());
        active = false;
        epoch = -1;
        if (watchScope != null) {
            watchScope.close();
            watchScope = null;
        }
        topicWatches.clear();
        deletions.clear();
        for (int broker : new ArrayList<>(context.liveBrokerIds())) {
            channel.removeBroker(broker);
        }
        context.clear();
    }

    // ------------------------------------------------------------------ brokers

    private void onBrokerChange() {
        SortedMap<Integer, BrokerInfo> current = zk.brokers().getAll(brokersWatch);
        List<Integer> dead = new ArrayList<>();
        List<Integer> bounced = new ArrayList<>();
        List<Integer> added = new ArrayList<>();
        for (BrokerInfo known : context.liveBrokers().values()) {
            BrokerInfo now = current.get(known.id());
            if (now == null) {
                dead.add(known.id());
            } else if (now.epoch() != known.epoch()) {
                bounced.add(known.id());
            }
        }
        for (int id : current.keySet()) {
            if (!context.isLive(id)) {
                added.add(id);
            }
        }
        if (dead.isEmpty() && bounced.isEmpty() && added.isEmpty()) {
            return;
        }
        log.info("Broker change: new {}, dead {}, bounced {}; live now {}", added, dead, bounced, current.keySet());
        List<Integer> stopped = new ArrayList<>(dead);
        stopped.addAll(bounced);
        stopped.sort(null);
        if (!stopped.isEmpty()) {
            for (int id : stopped) {
                context.removeLiveBroker(id);
                channel.removeBroker(id);
            }
            onBrokersStopped(stopped);
        }
        List<Integer> started = new ArrayList<>(added);
        started.addAll(bounced);
        started.sort(null);
        if (!started.isEmpty()) {
            for (int id : started) {
                context.addLiveBroker(current.get(id));
                channel.addBroker(current.get(id));
            }
            onBrokersStarted(started);
        }
        batch.sendAll(channel);
    }

    /**
     * A broker's process is gone (its listener refuses connections) though its ZooKeeper session
     * has not expired yet: its registration is deleted now, and the broker change that follows moves
     * its partitions, instead of after the session timeout. A restarted broker may then register at
     * once.
     */
    private void onBrokerUnreachable(ControllerEvent.BrokerUnreachable event) {
        BrokerInfo broker = context.liveBrokers().get(event.brokerId());
        if (broker == null || broker.epoch() != event.brokerEpoch() || broker.id() == config.brokerId()) {
            return;
        }
        if (zk.brokers().deleteIfEpoch(broker.id(), broker.epoch())) {
            log.warn("Broker {} (epoch {}) refuses connections: deleted its registration rather than waiting for its ZooKeeper "
                    + "session to expire", broker.id(), broker.epoch());
        }
    }

    private void onBrokersStopped(List<Integer> stopped) {
        Set<Integer> stoppedSet = new TreeSet<>(stopped);
        for (TopicPartition tp : context.allPartitions()) {
            boolean ledByStopped = context.state(tp).map(s -> stoppedSet.contains(s.leader())).orElse(false);
            if (ledByStopped && !context.isQueuedForDeletion(tp.topic())) {
                context.setPhase(tp, PartitionPhase.OFFLINE);
            }
        }
        partitions.triggerOnlineStateChange(batch);
        partitions.removeReplicasFromIsr(stopped, partitionsNotBeingDeleted(stoppedSet), batch);
        // The list of live brokers changed even if no partition did.
        batch.addUpdateMetadataBrokers(context.liveBrokerIds());
    }

    private void onBrokersStarted(List<Integer> started) {
        Set<Integer> startedSet = new TreeSet<>(started);
        List<Integer> others = new ArrayList<>(context.liveBrokerIds());
        others.removeAll(startedSet);
        batch.addUpdateMetadataBrokers(others);
        addFullUpdateMetadata(startedSet);
        for (TopicPartition tp : partitionsNotBeingDeleted(startedSet)) {
            if (context.state(tp).isPresent()) {
                List<Integer> onStarted = new ArrayList<>(context.replicas(tp));
                onStarted.retainAll(startedSet);
                batch.addLeaderAndIsr(onStarted, tp, false);
            }
        }
        partitions.triggerOnlineStateChange(batch);
        reassignments.resume((tp, reassignment) -> reassignment.targetReplicas().stream().anyMatch(startedSet::contains), batch);
        deletions.resume(batch);
    }

    private void onControlledShutdown(ControllerEvent.ControlledShutdown request) {
        if (!active) {
            request.result().completeExceptionally(new ControllerException(Errors.NOT_CONTROLLER, "Broker " + config.brokerId() + " is not the controller"));
            return;
        }
        int id = request.brokerId();
        BrokerInfo broker = context.liveBrokers().get(id);
        if (broker == null) {
            request.result().completeExceptionally(new ControllerException(Errors.BROKER_NOT_AVAILABLE, "Broker " + id + " is not registered"));
            return;
        }
        if (request.brokerEpoch() >= 0 && request.brokerEpoch() != broker.epoch()) {
            request.result().completeExceptionally(new ControllerException(Errors.STALE_BROKER_EPOCH,
                    "Broker " + id + " epoch " + request.brokerEpoch() + " is not the registered " + broker.epoch()));
            return;
        }
        log.info("Controlled shutdown of broker {}", id);
        context.markShuttingDown(id);
        List<TopicPartition> led = new ArrayList<>();
        List<TopicPartition> followed = new ArrayList<>();
        for (TopicPartition tp : partitionsNotBeingDeleted(Set.of(id))) {
            boolean leads = context.state(tp).map(s -> s.leader() == id).orElse(false);
            if (leads && context.replicas(tp).size() > 1) {
                led.add(tp);
            } else if (!leads) {
                followed.add(tp);
            }
        }
        partitions.electAwayFromShuttingDown(led, batch);
        for (TopicPartition tp : followed) {
            batch.addStopReplica(id, tp, false);
        }
        partitions.removeReplicasFromIsr(List.of(id), followed, batch);
        batch.sendAll(channel);
        Set<TopicPartition> remaining = new TreeSet<>();
        for (TopicPartition tp : context.partitionsLedBy(id)) {
            if (context.replicas(tp).size() > 1) {
                remaining.add(tp);
            }
        }
        request.result().complete(remaining);
    }

    private void onAlterPartition(ControllerEvent.AlterPartition request) {
        if (!active) {
            request.result().completeExceptionally(new ControllerException(Errors.NOT_CONTROLLER,
                    "Broker " + config.brokerId() + " is not the controller"));
            return;
        }
        Errors refusal = alterPartition.checkRequester(request.brokerId(), request.brokerEpoch());
        if (refusal != null) {
            request.result().completeExceptionally(new ControllerException(refusal, "Broker " + request.brokerId()
                    + " epoch " + request.brokerEpoch() + " is not a registered broker of that epoch"));
            return;
        }
        Map<TopicPartition, IsrChangeResult> results = alterPartition.apply(request.brokerId(), request.changes(), batch);
        batch.sendAll(channel);
        request.result().complete(results);
        // Answered first, as Kafka does: a reassignment the new ISR completes changes the leader epoch.
        List<TopicPartition> written = new ArrayList<>();
        results.forEach((tp, r) -> {
            if (r.error() == Errors.NONE) {
                written.add(tp);
            }
        });
        reassignments.maybeComplete(written, batch);
        batch.sendAll(channel);
    }

    private void onAlterPartitionReassignments(ControllerEvent.AlterPartitionReassignments request) {
        if (!active) {
            request.result().completeExceptionally(new ControllerException(Errors.NOT_CONTROLLER,
                    "This is not the correct controller for this cluster."));
            return;
        }
        Map<TopicPartition, ReassignmentResult> results = reassignments.alter(request.reassignments(), batch);
        batch.sendAll(channel);
        request.result().complete(results);
    }

    private void onListPartitionReassignments(ControllerEvent.ListPartitionReassignments request) {
        if (!active) {
            request.result().completeExceptionally(new ControllerException(Errors.NOT_CONTROLLER,
                    "This is not the correct controller for this cluster."));
            return;
        }
        request.result().complete(reassignments.list(request.partitions()));
    }

    // ------------------------------------------------------------------ failed log dirs

    /**
     * A broker announced a failed log dir: it is told the state of every replica it holds, and
     * answers KAFKA_STORAGE_ERROR for those in the failed dir (Kafka's way: the announcement does not
     * say which partitions).
     */
    private void onLogDirEvent() {
        List<String> names = zk.logDirEvents().notifications(logDirEventsWatch);
        if (names.isEmpty()) {
            return;
        }
        Set<Integer> brokers = zk.logDirEvents().brokers(names);
        log.warn("Brokers {} announced failed log dirs; asking them which replicas are offline", brokers);
        for (int broker : brokers) {
            if (context.isLive(broker)) {
                for (TopicPartition tp : partitionsNotBeingDeleted(Set.of(broker))) {
                    if (context.state(tp).isPresent()) {
                        batch.addLeaderAndIsr(List.of(broker), tp, false);
                    }
                }
            }
        }
        batch.sendAll(channel);
        zk.logDirEvents().deleteFenced(names, context.epochZkVersion());
    }

    /**
     * Replicas a broker holds in a failed log dir: they leave their ISRs, and partitions they led
     * get a new leader among the other in-sync replicas; none is elected there again until the
     * broker registers anew (restarted, its dirs loaded again).
     */
    private void onReplicasOnOfflineDirs(ControllerEvent.ReplicasOnOfflineDirs event) {
        BrokerInfo broker = context.liveBrokers().get(event.brokerId());
        if (broker == null || broker.epoch() != event.brokerEpoch()) {
            return;
        }
        Set<TopicPartition> added = context.addReplicasOnOfflineDirs(event.brokerId(), event.partitions());
        added.removeIf(tp -> context.state(tp).isEmpty() || context.isQueuedForDeletion(tp.topic()));
        if (added.isEmpty()) {
            return;
        }
        log.warn("Broker {} holds {} in failed log dirs: moving their leadership and taking them out of the ISRs",
                event.brokerId(), added);
        partitions.removeReplicasFromIsr(List.of(event.brokerId()), added, batch);
        partitions.triggerOnlineStateChange(batch);
        batch.sendAll(channel);
    }

    // ------------------------------------------------------------------ leader elections

    /**
     * ElectLeaders as Kafka's controller answers it: every named partition gets an outcome (all
     * NOT_CONTROLLER when this broker is not the controller); one whose leader is already the one
     * the election would pick gets ELECTION_NOT_NEEDED.
     */
    private void onElectLeaders(ControllerEvent.ElectLeaders request) {
        if (!active) {
            request.result().complete(ElectionOutcome.allFailed(request.partitions(), Errors.NOT_CONTROLLER, null));
            return;
        }
        Map<TopicPartition, ElectionOutcome> outcomes = new LinkedHashMap<>();
        Set<TopicPartition> known = new HashSet<>(context.allPartitions());
        Collection<TopicPartition> asked = request.partitions().<Collection<TopicPartition>>map(ps -> ps).orElse(known);
        List<TopicPartition> electable = new ArrayList<>();
        for (TopicPartition tp : asked) {
            Optional<PartitionState> state = context.state(tp);
            if (!known.contains(tp) || state.isEmpty()) {
                outcomes.put(tp, ElectionOutcome.failed(Errors.UNKNOWN_TOPIC_OR_PARTITION, "The partition does not exist."));
            } else if (context.isQueuedForDeletion(tp.topic())) {
                outcomes.put(tp, ElectionOutcome.failed(Errors.INVALID_TOPIC_EXCEPTION, "The topic is being deleted"));
            } else if (needsElection(tp, state.get(), request.type())) {
                electable.add(tp);
            } else {
                outcomes.put(tp, ElectionOutcome.failed(Errors.ELECTION_NOT_NEEDED, null));
            }
        }
        Map<TopicPartition, Integer> elected = request.type() == ElectionType.PREFERRED
                ? partitions.electPreferred(electable, batch)
                : partitions.electUnclean(electable, batch);
        batch.sendAll(channel);
        Errors notElected = request.type() == ElectionType.PREFERRED ? Errors.PREFERRED_LEADER_NOT_AVAILABLE : Errors.ELIGIBLE_LEADERS_NOT_AVAILABLE;
        for (TopicPartition tp : electable) {
            Integer leader = elected.get(tp);
            outcomes.put(tp, leader != null ? ElectionOutcome.elected(leader) : ElectionOutcome.failed(notElected,
                    "Failed to elect leader for partition " + tp + " under strategy " + request.type()));
        }
        if (!elected.isEmpty()) {
            log.info("{} election requested for {} partitions: new leaders {}", request.type(), asked.size(), elected);
        }
        request.result().complete(outcomes);
    }

    private boolean needsElection(TopicPartition tp, PartitionState state, ElectionType type) {
        return switch (type) {
            case PREFERRED -> !context.replicas(tp).isEmpty() && state.leader() != context.replicas(tp).get(0);
            case UNCLEAN -> !state.hasLeader() || !context.isLive(state.leader());
        };
    }

    /**
     * Kafka's leader balance check: for each broker, the share of the partitions it is the preferred
     * replica of that are led elsewhere; above {@code leader.imbalance.per.broker.percentage}, those
     * whose preferred replica can lead now (alive, in sync) are moved back to it.
     */
    private void onLeaderBalanceCheck() {
        Map<Integer, List<TopicPartition>> byPreferred = new TreeMap<>();
        for (TopicPartition tp : context.allPartitions()) {
            List<Integer> replicas = context.replicas(tp);
            if (!replicas.isEmpty() && !context.isQueuedForDeletion(tp.topic()) && context.state(tp).isPresent()) {
                byPreferred.computeIfAbsent(replicas.get(0), b -> new ArrayList<>()).add(tp);
            }
        }
        List<TopicPartition> candidates = new ArrayList<>();
        byPreferred.forEach((broker, preferredHere) -> {
            List<TopicPartition> ledElsewhere = new ArrayList<>();
            for (TopicPartition tp : preferredHere) {
                if (context.state(tp).orElseThrow().leader() != broker) {
                    ledElsewhere.add(tp);
                }
            }
            double imbalance = (double) ledElsewhere.size() / preferredHere.size();
            if (imbalance > config.leaderImbalancePerBrokerPercentage() / 100.0) {
                log.info("Broker {} leads {} of the {} partitions it is preferred for; moving back those it can lead",
                        broker, preferredHere.size() - ledElsewhere.size(), preferredHere.size());
                for (TopicPartition tp : ledElsewhere) {
                    PartitionState s = context.state(tp).orElseThrow();
                    if (context.canLead(broker, tp) && s.isr().contains(broker)) {
                        candidates.add(tp);
                    }
                }
            }
        });
        if (!candidates.isEmpty()) {
            Map<TopicPartition, Integer> elected = partitions.electPreferred(candidates, batch);
            batch.sendAll(channel);
            log.info("Leader balance: preferred replicas lead {} again", elected.keySet());
        }
    }

    /** A deletion of the topic may have been waiting for its reassignments to complete. */
    private void onPartitionReassigned(String topic) {
        if (context.isMarkedForDeletion(topic) && !context.isBeingReassigned(topic)) {
            queueDeletions();
            deletions.resume(batch);
        }
    }

    // ------------------------------------------------------------------ topics

    private void onTopicChange() {
        Set<String> current = zk.topics().names(topicsWatch);
        for (String topic : new ArrayList<>(context.topics())) {
            if (!current.contains(topic)) {
                log.info("Topic {} disappeared from ZooKeeper", topic);
                context.removeTopic(topic);
                topicWatches.remove(topic);
            }
        }
        Set<String> added = new TreeSet<>(current);
        added.removeAll(context.topics());
        if (added.isEmpty()) {
            return;
        }
        List<TopicPartition> newPartitions = loadTopics(added);
        log.info("New topics {} with {} partitions", added, newPartitions.size());
        partitions.initializeNew(newPartitions, batch);
        batch.sendAll(channel);
    }

    private void onPartitionModifications(String topic) {
        if (!context.hasTopic(topic)) {
            return;
        }
        Versioned<TopicAssignment> read = zk.topics().get(topic, topicWatch(topic)).orElse(null);
        if (read == null) {
            return; // deleted; the topic change event handles it
        }
        if (context.isQueuedForDeletion(topic)) {
            log.info("Ignoring new partitions of topic {}: it is being deleted", topic);
            return;
        }
        List<TopicPartition> added = new ArrayList<>();
        read.value().partitions().forEach((p, replicas) -> {
            TopicPartition tp = new TopicPartition(topic, p);
            if (context.replicas(tp).isEmpty()) {
                context.putAssignment(tp, replicas);
                added.add(tp);
            }
        });
        if (!added.isEmpty()) {
            log.info("New partitions {} of topic {}", added, topic);
            partitions.initializeNew(added, batch);
            batch.sendAll(channel);
        }
    }

    private void onTopicDeletion() {
        queueDeletions();
        deletions.resume(batch);
        batch.sendAll(channel);
    }

    private void onIsrChange() {
        List<String> names = zk.partitionStates().isrChangeNotifications(isrChangesWatch);
        if (names.isEmpty()) {
            return;
        }
        Set<TopicPartition> changed = new LinkedHashSet<>();
        for (TopicPartition tp : zk.partitionStates().readIsrChangeNotifications(names)) {
            // A topic being deleted was announced with leader -2; a real state must not resurrect it.
            if (!context.replicas(tp).isEmpty() && !context.isQueuedForDeletion(tp.topic())) {
                changed.add(tp);
            }
        }
        zk.partitionStates().getAll(changed).forEach(context::putState);
        zk.partitionStates().deleteIsrChangeNotificationsFenced(names, context.epochZkVersion());
        batch.addUpdateMetadata(context.liveBrokerIds(), changed);
        batch.sendAll(channel);
        reassignments.maybeComplete(changed, batch);
        batch.sendAll(channel);
    }

    /** Reads topics' assignments (watching each), gives topics without an id one, and adds them as NEW. */
    private List<TopicPartition> loadTopics(Collection<String> topics) {
        List<TopicPartition> added = new ArrayList<>();
        for (Map.Entry<String, Versioned<TopicAssignment>> e : zk.topics().getAll(topics, this::topicWatch).entrySet()) {
            TopicAssignment assignment = e.getValue().value();
            if (assignment.topicId().equals(Uuid.ZERO)) {
                // Written by an old tool: give the topic an id, as Kafka's controller does.
                assignment = assignment.withTopicId(Uuid.randomUuid());
                if (!zk.topics().setAssignmentFenced(assignment, e.getValue().version(), context.epochZkVersion())) {
                    log.warn("Could not record a topic id for {}: its znode changed; will retry on the next change", e.getKey());
                    continue;
                }
            }
            context.putTopic(e.getKey(), assignment.topicId());
            for (Map.Entry<Integer, List<Integer>> p : assignment.partitions().entrySet()) {
                TopicPartition tp = new TopicPartition(e.getKey(), p.getKey());
                // A reassignment in progress is recorded with its adding and removing replicas: a new controller resumes it.
                context.putFullAssignment(tp, new ReplicaAssignment(p.getValue(),
                        assignment.addingReplicas().getOrDefault(p.getKey(), List.of()),
                        assignment.removingReplicas().getOrDefault(p.getKey(), List.of())));
                added.add(tp);
            }
        }
        return added;
    }

    private ZkWatch topicWatch(String topic) {
        return topicWatches.computeIfAbsent(topic, t -> watchScope.watch(() -> enqueue.accept(new ControllerEvent.PartitionModifications(t))));
    }

    /** Reads {@code /admin/delete_topics}: queues known topics, drops markers of unknown ones. */
    private void queueDeletions() {
        Set<String> marked = zk.topics().markedForDeletion(deletionsWatch);
        if (marked.isEmpty()) {
            return;
        }
        if (!config.deleteTopicEnable()) {
            log.warn("Ignoring deletion of topics {}: delete.topic.enable is false", marked);
            zk.topics().unmarkForDeletionFenced(marked, context.epochZkVersion());
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (String topic : marked) {
            if (!context.hasTopic(topic)) {
                unknown.add(topic);
            } else if (context.isBeingReassigned(topic)) {
                // As in Kafka, a topic is not deleted while its partitions move; it is once they have.
                if (!context.isMarkedForDeletion(topic)) {
                    log.info("Deletion of topic {} waits for its partition reassignments to complete", topic);
                }
                context.deferDeletionUntilReassigned(topic);
            } else {
                context.queueForDeletion(topic);
            }
        }
        if (!unknown.isEmpty()) {
            log.info("Ignoring deletion of unknown topics {}", unknown);
            zk.topics().unmarkForDeletionFenced(unknown, context.epochZkVersion());
        }
    }

    // ------------------------------------------------------------------ helpers

    /** UpdateMetadata of every partition (deleted ones as leader -2) to the given brokers. */
    private void addFullUpdateMetadata(Collection<Integer> brokers) {
        List<TopicPartition> normal = new ArrayList<>();
        List<PartitionLeaderState> deleting = new ArrayList<>();
        for (TopicPartition tp : context.allPartitions()) {
            if (context.isQueuedForDeletion(tp.topic())) {
                deleting.add(context.deletionState(tp));
            } else {
                normal.add(tp);
            }
        }
        batch.addUpdateMetadata(brokers, normal);
        batch.addUpdateMetadataStates(brokers, deleting);
        batch.addUpdateMetadataBrokers(brokers);
    }

    private List<TopicPartition> partitionsNotBeingDeleted(Set<Integer> brokers) {
        List<TopicPartition> result = new ArrayList<>();
        for (TopicPartition tp : context.partitionsOn(brokers)) {
            if (!context.isQueuedForDeletion(tp.topic())) {
                result.add(tp);
            }
        }
        return result;
    }
}
