package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.common.TopicPartition;
import io.samsa.core.controller.Controller;
import io.samsa.core.controller.ControllerException;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.ControlledShutdownRequest;
import io.samsa.protocol.message.ControlledShutdownResponse;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * ControlledShutdown, served by the active controller: a broker about to stop asks for its
 * leaderships to move to other in-sync replicas and to leave the other ISRs first, so clients
 * see a leader change instead of an outage. The answer lists the partitions it still leads (the
 * broker asks again while any remain). A broker that is not the controller answers NOT_CONTROLLER.
 * Versions 0-1 carry no broker epoch; from v2 a stale one is refused. Thread-safe.
 */
public final class ControlledShutdownHandler implements ApiHandler<ControlledShutdownRequest> {

    private final Supplier<Controller> controller;

    /** {@code controller}: this broker's controller, or null before it has one. */
    public ControlledShutdownHandler(Supplier<Controller> controller) {
        this.controller = controller;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.CONTROLLED_SHUTDOWN;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 3;
    }

    @Override
    public void handle(Request request, ControlledShutdownRequest body) {
        Controller c = controller.get();
        if (c == null || !c.isActive()) {
            request.sendResponse(new ControlledShutdownResponse().setErrorCode(Errors.NOT_CONTROLLER.code()));
            return;
        }
        long epoch = request.version() >= 2 ? body.brokerEpoch() : -1L;
        c.controlledShutdown(body.brokerId(), epoch).whenComplete((remaining, failure) ->
                request.sendResponse(failure != null ? failed(failure) : answer(remaining)));
    }

    private static ControlledShutdownResponse answer(Set<TopicPartition> remaining) {
        ControlledShutdownResponse response = new ControlledShutdownResponse().setErrorCode(Errors.NONE.code());
        for (TopicPartition tp : remaining) {
            response.remainingPartitions().add(new ControlledShutdownResponse.RemainingPartition()
                    .setTopicName(tp.topic())
                    .setPartitionIndex(tp.partition()));
        }
        return response;
    }

    private static ControlledShutdownResponse failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        Errors error = cause instanceof ControllerException ce ? ce.error() : Errors.UNKNOWN_SERVER_ERROR;
        return new ControlledShutdownResponse().setErrorCode(error.code());
    }
}
