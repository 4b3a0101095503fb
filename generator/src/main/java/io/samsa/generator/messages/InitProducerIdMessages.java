package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int64;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/** InitProducerId (key 22): a producer id and epoch for idempotence or transactions. Immutable schemas. */
public final class InitProducerIdMessages {

    private InitProducerIdMessages() {
    }

    public static final MessageSpec REQUEST = request(22, "InitProducerId").versions(0, 5).flexibleFrom(2).fields(
        string("transactional_id", "Transactional id, or null for an idempotent producer.").nullable(),
        int32("transaction_timeout_ms", "Transaction timeout, in ms."),
        int64("producer_id", "Current producer id when bumping the epoch, else -1.").v(3).dflt(-1),
        int16("producer_epoch", "Current epoch when bumping it, else -1.").v(3).dflt(-1));

    public static final MessageSpec RESPONSE = response(22, "InitProducerId").versions(0, 5).flexibleFrom(2).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable(),
        int16("error_code", "Error, 0 if granted."),
        int64("producer_id", "The producer id.").dflt(-1),
        int16("producer_epoch", "The producer epoch."));
}
