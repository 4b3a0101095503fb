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

/** DescribeCluster (key 60): cluster id, controller and brokers, for the admin client. Immutable schemas. */
public final class DescribeClusterMessages {

    private DescribeClusterMessages() {
    }

    public static final MessageSpec REQUEST = request(60, "DescribeCluster").versions(0, 1).flexibleFrom(0).fields(
        bool("include_cluster_authorized_operations", "Return the cluster's authorized operations."),
        int8("endpoint_type", "1 brokers, 2 controllers.").v(1).dflt(1));

    public static final MessageSpec RESPONSE = response(60, "DescribeCluster").versions(0, 1).flexibleFrom(0).fields(
        int32("throttle_time_ms", "Quota throttle applied to this response, in ms."),
        int16("error_code", "Top-level error."),
        string("error_message", "Error message, or null.").nullable().dflt(null),
        int8("endpoint_type", "Kind of endpoints listed.").v(1).dflt(1),
        string("cluster_id", "Cluster id."),
        int32("controller_id", "Controller broker id, -1 if none.").dflt(-1),
        array("brokers", "Live brokers.",
            int32("broker_id", "Broker id."),
            string("host", "Host name."),
            int32("port", "Port."),
            string("rack", "Rack, or null.").nullable().dflt(null)).typeName("DescribeClusterBroker"),
        int32("cluster_authorized_operations", "Bit field of authorized operations on the cluster.")
            .dflt(Integer.MIN_VALUE));
}
