package io.samsa.clients.admin.internals;

import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.ElectionType;
import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.NotControllerException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.ElectLeadersRequest;
import io.samsa.protocol.message.ElectLeadersResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Leader elections, asked of the controller: the answer is per partition (empty when elected, else
 * the error, such as ElectionNotNeededException). NOT_CONTROLLER sends the request again to the new
 * controller. Thread-safe: each call's state lives on the I/O thread.
 */
public final class LeaderElectionCalls {

    private final CallRunner runner;

    public LeaderElectionCalls(CallRunner runner) {
        this.runner = runner;
    }

    /** Elects leaders of {@code partitions}, or of every partition when null. */
    public CompletableFuture<Map<TopicPartition, Optional<Throwable>>> elect(ElectionType type, Set<TopicPartition> partitions,
                                                                            Integer timeoutMs) {
        return runner.callOne("electLeaders", runner.deadline(timeoutMs), Destination.controller(), new Fulfiller<>() {
            @Override
            public ClientRequest request(Destination destination, Set<String> keys, int requestTimeoutMs) {
                List<ElectLeadersRequest.TopicPartitions> topics = null;
                if (partitions != null) {
                    topics = new ArrayList<>();
                    for (Map.Entry<String, List<Integer>> e : Keys.byTopic(partitions).entrySet()) {
                        topics.add(new ElectLeadersRequest.TopicPartitions().setTopic(e.getKey()).setPartitions(e.getValue()));
                    }
                }
                ElectLeadersRequest body = new ElectLeadersRequest().setElectionType(type.value()).setTopicPartitions(topics)
                        .setTimeoutMs(requestTimeoutMs);
                // v0 only elects preferred leaders.
                short min = (short) (type == ElectionType.PREFERRED ? 0 : 1);
                return ClientRequest.of(ApiKeys.ELECT_LEADERS, min, ApiKeys.ELECT_LEADERS.latestVersion(), v -> body);
            }

            @Override
            public void onResponse(Destination destination, Set<String> keys, ClientResponse response,
                                   Outcomes<String, Map<TopicPartition, Optional<Throwable>>> out) {
                ElectLeadersResponse body = response.bodyAs();
                Errors error = Errors.forCode(body.errorCode());
                if (error == Errors.NOT_CONTROLLER) {
                    out.rerouteAll(new NotControllerException("The controller moved"));
                    return;
                }
                if (error != Errors.NONE) {
                    out.failAll(error.exception());
                    return;
                }
                Map<TopicPartition, Optional<Throwable>> results = new HashMap<>();
                for (ElectLeadersResponse.ReplicaElectionResult t : body.replicaElectionResults()) {
                    for (ElectLeadersResponse.PartitionResult p : t.partitionResult()) {
                        Errors e = Errors.forCode(p.errorCode());
                        if (e == Errors.NOT_CONTROLLER) {
                            out.rerouteAll(new NotControllerException("The controller moved"));
                            return;
                        }
                        results.put(new TopicPartition(t.topic(), p.partitionId()),
                                e == Errors.NONE ? Optional.empty() : Optional.of(e.exception(p.errorMessage())));
                    }
                }
                out.completeAll(results);
            }
        });
    }
}
