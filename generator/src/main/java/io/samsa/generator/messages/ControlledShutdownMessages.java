package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int64;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/**
 * ControlledShutdown (key 7): a stopping broker asks the controller to move leadership away.
 * Its v0 request uses request header v0 (no client id). Immutable schemas.
 */
public final class ControlledShutdownMessages {

    private ControlledShutdownMessages() {
    }

    public static final MessageSpec REQUEST = request(7, "ControlledShutdown").versions(0, 3).flexibleFrom(3).fields(
        int32("broker_id", "Id of the broker shutting down."),
        int64("broker_epoch", "Its broker epoch, -1 if unknown.").ignorable().v(2).dflt(-1));

    public static final MessageSpec RESPONSE = response(7, "ControlledShutdown").versions(0, 3).flexibleFrom(3).fields(
        int16("error_code", "Error, 0 if every leadership moved."),
        array("remaining_partitions", "Partitions the broker still leads.",
            string("topic_name", "Topic name."),
            int32("partition_index", "Partition number.")).typeName("RemainingPartition"));
}
