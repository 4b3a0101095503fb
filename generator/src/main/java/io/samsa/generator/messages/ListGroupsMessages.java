package io.samsa.generator.messages;

import static io.samsa.generator.schema.SchemaDsl.array;
import static io.samsa.generator.schema.SchemaDsl.int16;
import static io.samsa.generator.schema.SchemaDsl.int32;
import static io.samsa.generator.schema.SchemaDsl.request;
import static io.samsa.generator.schema.SchemaDsl.response;
import static io.samsa.generator.schema.SchemaDsl.string;
import static io.samsa.generator.schema.SchemaDsl.strings;

import io.samsa.generator.schema.MessageSpec;

/** ListGroups (key 16): the groups a broker coordinates. Immutable schemas. */
public final class ListGroupsMessages {

    private ListGroupsMessages() {
    }

    public static final MessageSpec REQUEST = request(16, "ListGroups").versions(0, 5).flexibleFrom(3).fields(
        strings("states_filter", "Only groups in these states; empty for all.").v(4),
        strings("types_filter", "Only groups of these types; empty for all.").v(5));

    public static final MessageSpec RESPONSE = response(16, "ListGroups").versions(0, 5).flexibleFrom(3).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").ignorable().v(1),
        int16("error_code", "Error, 0 if listed."),
        array("groups", "The groups.",
            string("group_id", "Group id."),
            string("protocol_type", "Protocol class, empty for simple groups."),
            string("group_state", "Group state.").ignorable().v(4),
            string("group_type", "Group type, e.g. classic.").ignorable().v(5)).typeName("ListedGroup"));
}
