package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.controller.Controller;
import io.samsa.core.controller.ControllerException;
import io.samsa.core.controller.ReplicaAssignment;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.ListPartitionReassignmentsRequest;
import io.samsa.protocol.message.ListPartitionReassignmentsResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * ListPartitionReassignments (KIP-455), served by the active controller: the reassignments in
 * progress, of every partition (topics null) or of the partitions named, each with every replica
 * involved and the ones being added and removed. Partitions not being reassigned, or unknown, are
 * left out. A broker that is not the controller answers NOT_CONTROLLER. Thread-safe.
 */
public final class ListPartitionReassignmentsHandler implements ApiHandler<ListPartitionReassignmentsRequest> {

    private final Supplier<Controller> controller;

    /** {@code controller}: this broker's controller, or null before it has one. */
    public ListPartitionReassignmentsHandler(Supplier<Controller> controller) {
        this.controller = controller;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.LIST_PARTITION_REASSIGNMENTS;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 0;
    }

    @Override
    public void handle(Request request, ListPartitionReassignmentsRequest body) {
        Controller c = controller.get();
        if (c == null || !c.isActive()) {
            request.sendResponse(failed(Errors.NOT_CONTROLLER));
            return;
        }
        Optional<Set<TopicPartition>> wanted = Optional.empty();
        if (body.topics() != null) {
            Set<TopicPartition> partitions = new TreeSet<>();
            for (ListPartitionReassignmentsRequest.ListPartitionReassignmentsTopics topic : body.topics()) {
                for (int p : topic.partitionIndexes()) {
                    partitions.add(new TopicPartition(topic.name(), p));
                }
            }
            wanted = Optional.of(partitions);
        }
        c.listPartitionReassignments(wanted).whenComplete((listed, failure) ->
                request.sendResponse(failure != null ? failed(failure) : answer(listed)));
    }

    private static ListPartitionReassignmentsResponse answer(SortedMap<TopicPartition, ReplicaAssignment> listed) {
        ListPartitionReassignmentsResponse response = new ListPartitionReassignmentsResponse().setErrorCode(Errors.NONE.code());
        Map<String, ListPartitionReassignmentsResponse.OngoingTopicReassignment> byTopic = new LinkedHashMap<>();
        listed.forEach((tp, assignment) -> byTopic.computeIfAbsent(tp.topic(), name -> {
            ListPartitionReassignmentsResponse.OngoingTopicReassignment added =
                    new ListPartitionReassignmentsResponse.OngoingTopicReassignment().setName(name);
            response.topics().add(added);
            return added;
        }).partitions().add(new ListPartitionReassignmentsResponse.OngoingPartitionReassignment()
                .setPartitionIndex(tp.partition())
                .setReplicas(assignment.replicas())
                .setAddingReplicas(assignment.addingReplicas())
                .setRemovingReplicas(assignment.removingReplicas())));
        return response;
    }

    private static ListPartitionReassignmentsResponse failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return failed(cause instanceof ControllerException ce ? ce.error() : Errors.UNKNOWN_SERVER_ERROR);
    }

    private static ListPartitionReassignmentsResponse failed(Errors error) {
        return new ListPartitionReassignmentsResponse().setErrorCode(error.code())
                .setErrorMessage(error == Errors.NOT_CONTROLLER ? AlterPartitionReassignmentsHandler.NOT_CONTROLLER_MESSAGE : null);
    }
}
