package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.coordinator.producer.ProducerIdManager;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.InitProducerIdRequest;
import io.samsa.protocol.message.InitProducerIdResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * InitProducerId for idempotent producers: a fresh producer id at epoch 0 each time, as Kafka's
 * coordinator does for a producer without a transactional id (a producer that lost its state
 * simply starts over with a new id). Transactional ids are refused until transactions exist.
 * Thread-safe.
 */
public final class InitProducerIdHandler implements ApiHandler<InitProducerIdRequest> {

    private static final Logger log = LoggerFactory.getLogger(InitProducerIdHandler.class);

    private final ProducerIdManager producerIds;

    public InitProducerIdHandler(ProducerIdManager producerIds) {
        this.producerIds = producerIds;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.INIT_PRODUCER_ID;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 5;
    }

    @Override
    public void handle(Request request, InitProducerIdRequest body) {
        if (body.transactionalId() != null) {
            request.sendResponse(refusal(Errors.INVALID_REQUEST));
            return;
        }
        long id;
        try {
            id = producerIds.nextProducerId();
        } catch (RuntimeException e) {
            log.warn("Could not reserve a producer id block: {}", e.getMessage());
            request.sendResponse(refusal(Errors.COORDINATOR_NOT_AVAILABLE));
            return;
        }
        request.sendResponse(new InitProducerIdResponse()
                .setErrorCode(Errors.NONE.code())
                .setProducerId(id)
                .setProducerEpoch((short) 0));
    }

    private static InitProducerIdResponse refusal(Errors error) {
        return new InitProducerIdResponse()
                .setErrorCode(error.code())
                .setProducerId(-1L)
                .setProducerEpoch((short) -1);
    }
}
