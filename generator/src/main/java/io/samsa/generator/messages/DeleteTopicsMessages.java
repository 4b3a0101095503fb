package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;
import static io.samsa.generator.schema.SchemaDsl.strings;
import static io.samsa.generator.schema.SchemaDsl.uuid;

import io.samsa.generator.schema.MessageSpec;

/** DeleteTopics (key 20): delete topics by name, or by id from v6. Immutable schemas. */
public final class DeleteTopicsMessages {

    private DeleteTopicsMessages() {
    }

    public static final MessageSpec REQUEST = request(20, "DeleteTopics").versions(0, 6).flexibleFrom(4).fields(
        array("topics", "Topics to delete (v6+).",
            string("name", "Topic name, or null to use the id.").nullable().dflt(null),
            uuid("topic_id", "Topic id, or zero to use the name.")).v(6).typeName("DeleteTopicState"),
        strings("topic_names", "Names of the topics to delete (v0-v5).").ignorable().v(0, 5),
        int32("timeout_ms", "How long to wait for the deletions, in ms."));

    public static final MessageSpec RESPONSE = response(20, "DeleteTopics").versions(0, 6).flexibleFrom(4).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(1),
        array("responses", "Result per topic.",
            string("name", "Topic name.").nullable(6),
            uuid("topic_id", "Topic id.").ignorable().v(6),
            int16("error_code", "Error, 0 if deleted."),
            string("error_message", "Error message, or null.").ignorable().v(5).nullable().dflt(null))
            .typeName("DeletableTopicResult"));
}
