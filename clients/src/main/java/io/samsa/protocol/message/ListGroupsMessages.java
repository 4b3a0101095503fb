package io.samsa.protocol.message;

import static io.samsa.protocol.SchemaDsl.array;
import static io.samsa.protocol.SchemaDsl.int16;
import static io.samsa.protocol.SchemaDsl.int32;
import static io.samsa.protocol.SchemaDsl.request;
import static io.samsa.protocol.SchemaDsl.response;
import static io.samsa.protocol.SchemaDsl.string;
import static io.samsa.protocol.SchemaDsl.strings;

import io.samsa.protocol.MessageSpec;

/** ListGroups (key 16): the groups a broker coordinates. Immutable schemas. */
public final class ListGroupsMessages {

    private ListGroupsMessages() {
    }

    public static final MessageSpec REQUEST = request(16, "ListGroups").versions(0, 5).flexibleFrom(3).fields(
        strings("states_filter", "Only groups in these states; empty for all.").v(4),
        strings("types_filter", "Only groups of these types; empty for all.").v(5));

    public static final MessageSpec RESPONSE = response(16, "ListGroups").versions(0, 5).flexibleFrom(3).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms.").v(1),
        int16("error_code", "Error, 0 if listed."),
        array("groups", "The groups.",
            string("group_id", "Group id."),
            string("protocol_type", "Protocol class, empty for simple groups."),
            string("group_state", "Group state.").v(4),
            string("group_type", "Group type, e.g. classic.").v(5)).typeName("ListedGroup"));
}
