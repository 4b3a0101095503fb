package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.controller.Controller;
import io.samsa.core.controller.ControllerException;
import io.samsa.core.controller.ReassignmentResult;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.AlterPartitionReassignmentsRequest;
import io.samsa.protocol.message.AlterPartitionReassignmentsResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * AlterPartitionReassignments (KIP-455), served by the active controller: each partition is moved
 * to the replicas it names, or its reassignment in progress is cancelled when it names none (null).
 * The answer comes once each reassignment has begun, not once it completes. A broker that is not
 * the controller answers NOT_CONTROLLER, and the admin client looks for the controller again.
 * Thread-safe.
 */
public final class AlterPartitionReassignmentsHandler implements ApiHandler<AlterPartitionReassignmentsRequest> {

    static final String NOT_CONTROLLER_MESSAGE = "This is not the correct controller for this cluster.";

    private final Supplier<Controller> controller;

    /** {@code controller}: this broker's controller, or null before it has one. */
    public AlterPartitionReassignmentsHandler(Supplier<Controller> controller) {
        this.controller = controller;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.ALTER_PARTITION_REASSIGNMENTS;
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
    public void handle(Request request, AlterPartitionReassignmentsRequest body) {
        Controller c = controller.get();
        if (c == null || !c.isActive()) {
            request.sendResponse(failed(Errors.NOT_CONTROLLER, NOT_CONTROLLER_MESSAGE));
            return;
        }
        // A partition named twice takes its last entry, as Kafka's map of the request does.
        Map<TopicPartition, Optional<List<Integer>>> reassignments = new LinkedHashMap<>();
        for (AlterPartitionReassignmentsRequest.ReassignableTopic topic : body.topics()) {
            for (AlterPartitionReassignmentsRequest.ReassignablePartition p : topic.partitions()) {
                reassignments.put(new TopicPartition(topic.name(), p.partitionIndex()), Optional.ofNullable(p.replicas()));
            }
        }
        c.alterPartitionReassignments(reassignments).whenComplete((results, failure) ->
                request.sendResponse(failure != null ? failed(failure) : answer(results)));
    }

    private static AlterPartitionReassignmentsResponse answer(Map<TopicPartition, ReassignmentResult> results) {
        AlterPartitionReassignmentsResponse response = new AlterPartitionReassignmentsResponse().setErrorCode(Errors.NONE.code());
        Map<String, AlterPartitionReassignmentsResponse.ReassignableTopicResponse> byTopic = new LinkedHashMap<>();
        results.forEach((tp, result) -> byTopic.computeIfAbsent(tp.topic(), name -> {
            AlterPartitionReassignmentsResponse.ReassignableTopicResponse added =
                    new AlterPartitionReassignmentsResponse.ReassignableTopicResponse().setName(name);
            response.responses().add(added);
            return added;
        }).partitions().add(new AlterPartitionReassignmentsResponse.ReassignablePartitionResponse()
                .setPartitionIndex(tp.partition())
                .setErrorCode(result.error().code())
                .setErrorMessage(result.message())));
        return response;
    }

    private static AlterPartitionReassignmentsResponse failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        Errors error = cause instanceof ControllerException ce ? ce.error() : Errors.UNKNOWN_SERVER_ERROR;
        return failed(error, error == Errors.NOT_CONTROLLER ? NOT_CONTROLLER_MESSAGE : null);
    }

    private static AlterPartitionReassignmentsResponse failed(Errors error, String message) {
        return new AlterPartitionReassignmentsResponse().setErrorCode(error.code()).setErrorMessage(message);
    }
}
