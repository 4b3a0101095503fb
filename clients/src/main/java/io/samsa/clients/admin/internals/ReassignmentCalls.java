package io.samsa.clients.admin.internals;

import io.samsa.clients.admin.NewPartitionReassignment;
import io.samsa.clients.admin.PartitionReassignment;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.NotControllerException;
import io.samsa.protocol.message.AlterPartitionReassignmentsRequest;
import io.samsa.protocol.message.AlterPartitionReassignmentsResponse;
import io.samsa.protocol.message.ListPartitionReassignmentsRequest;
import io.samsa.protocol.message.ListPartitionReassignmentsResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Moving partition replicas and watching the moves, asked of the controller. An empty target
 * cancels a partition's move in progress (NoReassignmentInProgressException when there is none).
 * NOT_CONTROLLER sends the request again to the new controller. Thread-safe: each call's state
 * lives on the I/O thread.
 */
public final class ReassignmentCalls {

    private final CallRunner runner;

    public ReassignmentCalls(CallRunner runner) {
        this.runner = runner;
    }

    public Map<TopicPartition, CompletableFuture<Void>> alter(Map<TopicPartition, Optional<NewPartitionReassignment>> moves,
                                                              Integer timeoutMs) {
        return runner.call("alterPartitionReassignments", runner.deadline(timeoutMs), moves.keySet(),
                Router.to(Destination.controller()), new AlterReassignments(moves));
    }

    /** The moves in progress among {@code partitions}, or all of them when null. */
    public CompletableFuture<Map<TopicPartition, PartitionReassignment>> list(Set<TopicPartition> partitions, Integer timeoutMs) {
        return runner.callOne("listPartitionReassignments", runner.deadline(timeoutMs), Destination.controller(),
                new Fulfiller<>() {
                    @Override
                    public ClientRequest request(Destination destination, Set<String> keys, int requestTimeoutMs) {
                        List<ListPartitionReassignmentsRequest.ListPartitionReassignmentsTopics> topics = null;
                        if (partitions != null) {
                            topics = new ArrayList<>();
                            for (Map.Entry<String, List<Integer>> e : Keys.byTopic(partitions).entrySet()) {
                                topics.add(new ListPartitionReassignmentsRequest.ListPartitionReassignmentsTopics()
                                        .setName(e.getKey()).setPartitionIndexes(e.getValue()));
                            }
                        }
                        return ClientRequest.of(new ListPartitionReassignmentsRequest().setTimeoutMs(requestTimeoutMs)
                                .setTopics(topics));
                    }

                    @Override
                    public void onResponse(Destination destination, Set<String> keys, ClientResponse response,
                                           Outcomes<String, Map<TopicPartition, PartitionReassignment>> out) {
                        ListPartitionReassignmentsResponse body = response.bodyAs();
                        Errors error = Errors.forCode(body.errorCode());
                        if (error == Errors.NOT_CONTROLLER) {
                            out.rerouteAll(new NotControllerException("The controller moved"));
                            return;
                        }
                        if (error != Errors.NONE) {
                            out.failAll(error.exception(body.errorMessage()));
                            return;
                        }
                        Map<TopicPartition, PartitionReassignment> moves = new HashMap<>();
                        for (ListPartitionReassignmentsResponse.OngoingTopicReassignment t : body.topics()) {
                            for (ListPartitionReassignmentsResponse.OngoingPartitionReassignment p : t.partitions()) {
                                moves.put(new TopicPartition(t.name(), p.partitionIndex()),
                                        new PartitionReassignment(p.replicas(), p.addingReplicas(), p.removingReplicas()));
                            }
                        }
                        out.completeAll(moves);
                    }
                });
    }

    private record AlterReassignments(Map<TopicPartition, Optional<NewPartitionReassignment>> moves)
            implements Fulfiller<TopicPartition, Void> {

        @Override
        public ClientRequest request(Destination destination, Set<TopicPartition> keys, int timeoutMs) {
            List<AlterPartitionReassignmentsRequest.ReassignableTopic> topics = new ArrayList<>();
            for (Map.Entry<String, List<Integer>> e : Keys.byTopic(keys).entrySet()) {
                List<AlterPartitionReassignmentsRequest.ReassignablePartition> partitions = new ArrayList<>();
                for (int p : e.getValue()) {
                    List<Integer> target = moves.get(new TopicPartition(e.getKey(), p))
                            .map(m -> (List<Integer>) new ArrayList<>(m.targetReplicas())).orElse(null);
                    partitions.add(new AlterPartitionReassignmentsRequest.ReassignablePartition().setPartitionIndex(p)
                            .setReplicas(target));
                }
                topics.add(new AlterPartitionReassignmentsRequest.ReassignableTopic().setName(e.getKey()).setPartitions(partitions));
            }
            return ClientRequest.of(new AlterPartitionReassignmentsRequest().setTimeoutMs(timeoutMs).setTopics(topics));
        }

        @Override
        public void onResponse(Destination destination, Set<TopicPartition> keys, ClientResponse response,
                               Outcomes<TopicPartition, Void> out) {
            AlterPartitionReassignmentsResponse body = response.bodyAs();
            Errors topError = Errors.forCode(body.errorCode());
            if (topError == Errors.NOT_CONTROLLER) {
                out.rerouteAll(new NotControllerException("The controller moved"));
                return;
            }
            if (topError != Errors.NONE) {
                out.failAll(topError.exception(body.errorMessage()));
                return;
            }
            for (AlterPartitionReassignmentsResponse.ReassignableTopicResponse t : body.responses()) {
                for (AlterPartitionReassignmentsResponse.ReassignablePartitionResponse p : t.partitions()) {
                    TopicPartition tp = new TopicPartition(t.name(), p.partitionIndex());
                    Errors error = Errors.forCode(p.errorCode());
                    if (error == Errors.NONE) {
                        out.complete(tp, null);
                    } else {
                        out.fail(tp, error.exception(p.errorMessage()));
                    }
                }
            }
        }
    }
}
