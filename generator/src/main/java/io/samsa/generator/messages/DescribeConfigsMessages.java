package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.bool;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.int8;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;
import static io.samsa.generator.schema.SchemaDsl.strings;

import io.samsa.generator.schema.MessageSpec;

/** DescribeConfigs (key 32): configs of topics and brokers. Immutable schemas. */
public final class DescribeConfigsMessages {

    private DescribeConfigsMessages() {
    }

    public static final MessageSpec REQUEST = request(32, "DescribeConfigs").versions(0, 4).flexibleFrom(4).fields(
        array("resources", "Resources to describe.",
            int8("resource_type", "2 topic, 4 broker, 8 broker logger."),
            string("resource_name", "Topic name or broker id."),
            strings("configuration_keys", "Config names to return, or null for all.").nullable())
            .typeName("DescribeConfigsResource"),
        bool("include_synonyms", "Return the synonyms of each config.").v(1),
        bool("include_documentation", "Return each config's documentation.").v(3));

    public static final MessageSpec RESPONSE = response(32, "DescribeConfigs").versions(0, 4).flexibleFrom(4).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms."),
        array("results", "Result per resource.",
            int16("error_code", "Error, 0 if described."),
            string("error_message", "Error message, or null.").nullable(),
            int8("resource_type", "Resource type."),
            string("resource_name", "Resource name."),
            array("configs", "Config entries.",
                string("name", "Config name."),
                string("value", "Config value, or null.").nullable(),
                bool("read_only", "Whether the config can be changed."),
                bool("is_default", "Whether the value is the default (v0 only).").v(0, 0),
                int8("config_source", "Where the value comes from.").ignorable().v(1).dflt(-1),
                bool("is_sensitive", "Whether the value is sensitive (and hidden)."),
                array("synonyms", "Other sources of this config, by precedence.",
                    string("name", "Synonym name."),
                    string("value", "Synonym value, or null.").nullable(),
                    int8("source", "Where the synonym comes from.")).ignorable().v(1).typeName("DescribeConfigsSynonym"),
                int8("config_type", "The config's data type.").ignorable().v(3),
                string("documentation", "The config's documentation, or null.").ignorable().v(3).nullable())
                .typeName("DescribeConfigsResourceResult"))
            .typeName("DescribeConfigsResult"));
}
