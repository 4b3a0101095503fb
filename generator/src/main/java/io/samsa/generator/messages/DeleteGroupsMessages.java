package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;
import static io.samsa.generator.schema.SchemaDsl.strings;

import io.samsa.generator.schema.MessageSpec;

/** DeleteGroups (key 42): delete empty consumer groups and their offsets. Immutable schemas. */
public final class DeleteGroupsMessages {

    private DeleteGroupsMessages() {
    }

    public static final MessageSpec REQUEST = request(42, "DeleteGroups").versions(0, 2).flexibleFrom(2).fields(
        strings("groups_names", "Group ids to delete."));

    public static final MessageSpec RESPONSE = response(42, "DeleteGroups").versions(0, 2).flexibleFrom(2).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms."),
        array("results", "Result per group.",
            string("group_id", "Group id."),
            int16("error_code", "Error, 0 if deleted.")).typeName("DeletableGroupResult"));
}
