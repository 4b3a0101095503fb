package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.bool;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int8;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;

import io.samsa.generator.schema.MessageSpec;

/** AlterConfigs (key 33): replace the whole config of topics or brokers. Immutable schemas. */
public final class AlterConfigsMessages {

    private AlterConfigsMessages() {
    }

    public static final MessageSpec REQUEST = request(33, "AlterConfigs").versions(0, 2).flexibleFrom(2).fields(
        array("resources", "Resources to change.",
            int8("resource_type", "2 topic, 4 broker."),
            string("resource_name", "Topic name or broker id."),
            array("configs", "The complete new set of overrides.",
                string("name", "Config name."),
                string("value", "Config value, or null.").nullable()).typeName("AlterableConfig"))
            .typeName("AlterConfigsResource"),
        bool("validate_only", "Only validate the request, change nothing."));

    public static final MessageSpec RESPONSE = response(33, "AlterConfigs").versions(0, 2).flexibleFrom(2).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms."),
        array("responses", "Result per resource.",
            int16("error_code", "Error, 0 if changed."),
            string("error_message", "Error message, or null.").nullable(),
            int8("resource_type", "Resource type."),
            string("resource_name", "Resource name.")).typeName("AlterConfigsResourceResponse"));
}
