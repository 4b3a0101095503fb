package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.coordinator.producer.ProducerIdManager;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * InitProducerId for idempotent producers: a fresh producer id at epoch 0 each time, as Kafka's
 * coordinator does for a producer without a transactional id (a producer that lost its state
 * simply starts over with a new id). Transactional ids are refused until transactions exist.
 * Thread-safe.
 */
public final class InitProducerIdHandler implements ApiHandler {

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
    public void handle(Request request, Struct body) {
        Struct response = new Struct(ApiKeys.INIT_PRODUCER_ID.responseSpec().root());
        if (body.getString("transactional_id") != null) {
            response.set("error_code", Errors.INVALID_REQUEST.code()).set("producer_id", -1L).set("producer_epoch", (short) -1);
            request.sendResponse(response);
            return;
        }
        long id;
        try {
            id = producerIds.nextProducerId();
        } catch (RuntimeException e) {
            log.warn("Could not reserve a producer id block: {}", e.getMessage());
            response.set("error_code", Errors.COORDINATOR_NOT_AVAILABLE.code()).set("producer_id", -1L).set("producer_epoch", (short) -1);
            request.sendResponse(response);
            return;
        }
        response.set("error_code", Errors.NONE.code()).set("producer_id", id).set("producer_epoch", (short) 0);
        request.sendResponse(response);
    }
}
