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

/** IncrementalAlterConfigs (key 44): set, delete, append to or subtract from single configs. Immutable schemas. */
public final class IncrementalAlterConfigsMessages {

    private IncrementalAlterConfigsMessages() {
    }

    public static final MessageSpec REQUEST = request(44, "IncrementalAlterConfigs").versions(0, 1).flexibleFrom(1).fields(
        array("resources", "Resources to change.",
            int8("resource_type", "2 topic, 4 broker, 8 broker logger."),
            string("resource_name", "Topic name or broker id."),
            array("configs", "Changes to make.",
                string("name", "Config name."),
                int8("config_operation", "0 set, 1 delete, 2 append, 3 subtract."),
                string("value", "Value for the operation, or null.").nullable()).typeName("AlterableConfig"))
            .typeName("AlterConfigsResource"),
        bool("validate_only", "Only validate the request, change nothing."));

    public static final MessageSpec RESPONSE = response(44, "IncrementalAlterConfigs").versions(0, 1).flexibleFrom(1).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms."),
        array("responses", "Result per resource.",
            int16("error_code", "Error, 0 if changed."),
            string("error_message", "Error message, or null.").nullable(),
            int8("resource_type", "Resource type."),
            string("resource_name", "Resource name.")).typeName("AlterConfigsResourceResponse"));
}
