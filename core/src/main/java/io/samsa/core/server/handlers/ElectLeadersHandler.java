package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.controller.Controller;
import io.samsa.core.controller.ElectionOutcome;
import io.samsa.core.controller.ElectionType;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.core.server.metadata.MetadataWaiters;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.ElectLeadersRequest;
import io.samsa.protocol.message.ElectLeadersResponse;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * ElectLeaders (KIP-183, KIP-460), served by the active controller as Kafka's ZooKeeper-mode
 * brokers serve it: the controller elects and announces, and the answer waits (up to the request's
 * timeout, then REQUEST_TIMED_OUT) until this broker's metadata shows each new leader, so a client
 * that reads metadata next sees it. Asked for every partition (a null list), the answer leaves out
 * those that needed no election. A broker that is not the controller answers NOT_CONTROLLER for
 * each partition. Thread-safe.
 */
public final class ElectLeadersHandler implements ApiHandler<ElectLeadersRequest> {

    private final Supplier<Controller> controller;
    private final MetadataWaiters waiters;

    /** {@code controller}: this broker's controller, or null before it has one. */
    public ElectLeadersHandler(Supplier<Controller> controller, MetadataWaiters waiters) {
        this.controller = controller;
        this.waiters = waiters;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.ELECT_LEADERS;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 2;
    }

    @Override
    public void handle(Request request, ElectLeadersRequest body) {
        Optional<Set<TopicPartition>> partitions = Optional.ofNullable(body.topicPartitions()).map(topics -> {
            Set<TopicPartition> named = new LinkedHashSet<>();
            topics.forEach(t -> t.partitions().forEach(p -> named.add(new TopicPartition(t.topic(), p))));
            return named;
        });
        Optional<ElectionType> type = ElectionType.forValue(body.electionType());
        if (type.isEmpty()) {
            request.sendResponse(answer(Errors.INVALID_REQUEST, ElectionOutcome.allFailed(partitions, Errors.INVALID_REQUEST,
                    "Unknown election type " + body.electionType()), false));
            return;
        }
        boolean all = partitions.isEmpty();
        Controller c = controller.get();
        if (c == null) {
            request.sendResponse(answer(Errors.NONE, ElectionOutcome.allFailed(partitions, Errors.NOT_CONTROLLER, null), all));
            return;
        }
        c.electLeaders(partitions, type.get()).whenComplete((outcomes, failure) -> {
            if (failure != null) {
                request.sendResponse(answer(Errors.UNKNOWN_SERVER_ERROR, Map.of(), all));
            } else {
                awaitLeaders(request, outcomes, body.timeoutMs(), all);
            }
        });
    }

    private void awaitLeaders(Request request, Map<TopicPartition, ElectionOutcome> outcomes, int timeoutMs, boolean all) {
        Map<TopicPartition, Integer> expected = new LinkedHashMap<>();
        outcomes.forEach((tp, o) -> {
            if (o.isElected()) {
                expected.put(tp, o.leader());
            }
        });
        if (expected.isEmpty()) {
            request.sendResponse(answer(Errors.NONE, outcomes, all));
            return;
        }
        waiters.await(snap -> expected.entrySet().stream().allMatch(e -> shows(snap, e.getKey(), e.getValue())), timeoutMs, satisfied -> {
            MetadataCache.Snapshot snap = waiters.snapshot();
            Map<TopicPartition, ElectionOutcome> answered = new LinkedHashMap<>(outcomes);
            expected.forEach((tp, leader) -> {
                if (!shows(snap, tp, leader)) {
                    answered.put(tp, new ElectionOutcome(Errors.REQUEST_TIMED_OUT, null, -1));
                }
            });
            request.sendResponse(answer(Errors.NONE, answered, all));
        });
    }

    private static boolean shows(MetadataCache.Snapshot snap, TopicPartition tp, int leader) {
        return snap.partition(tp).map(p -> p.leader() == leader).orElse(false);
    }

    private static ElectLeadersResponse answer(Errors error, Map<TopicPartition, ElectionOutcome> outcomes, boolean leaveOutUnneeded) {
        ElectLeadersResponse response = new ElectLeadersResponse().setErrorCode(error.code());
        Map<String, ElectLeadersResponse.ReplicaElectionResult> byTopic = new LinkedHashMap<>();
        outcomes.forEach((tp, outcome) -> {
            if (leaveOutUnneeded && outcome.error() == Errors.ELECTION_NOT_NEEDED) {
                return;
            }
            byTopic.computeIfAbsent(tp.topic(), name -> {
                ElectLeadersResponse.ReplicaElectionResult added = new ElectLeadersResponse.ReplicaElectionResult().setTopic(name);
                response.replicaElectionResults().add(added);
                return added;
            }).partitionResult().add(new ElectLeadersResponse.PartitionResult()
                    .setPartitionId(tp.partition())
                    .setErrorCode(outcome.error().code())
                    .setErrorMessage(outcome.message()));
        });
        return response;
    }
}
