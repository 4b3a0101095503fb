package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.ClusterIdentity;
import io.samsa.zk.EndPoint;
import io.samsa.core.server.metadata.BrokerNode;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.Struct;

import java.util.Optional;

/** DescribeCluster: cluster id, controller and live brokers on the caller's listener. Thread-safe. */
public final class DescribeClusterHandler implements ApiHandler {

    private static final byte ENDPOINT_TYPE_BROKERS = 1;

    private final MetadataCache cache;
    private final ClusterIdentity identity;

    public DescribeClusterHandler(MetadataCache cache, ClusterIdentity identity) {
        this.cache = cache;
        this.identity = identity;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.DESCRIBE_CLUSTER;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 1;
    }

    @Override
    public void handle(Request request, Struct body) {
        Struct response = new Struct(ApiKeys.DESCRIBE_CLUSTER.responseSpec().root());
        if (request.version() >= 1 && body.getByte("endpoint_type") != ENDPOINT_TYPE_BROKERS) {
            response.set("error_code", Errors.UNSUPPORTED_ENDPOINT_TYPE.code())
                    .set("error_message", "Only broker endpoints are served")
                    .set("endpoint_type", body.getByte("endpoint_type"));
            request.sendResponse(response);
            return;
        }
        MetadataCache.Snapshot snap = cache.snapshot();
        response.set("error_code", Errors.NONE.code())
                .set("endpoint_type", ENDPOINT_TYPE_BROKERS)
                .set("cluster_id", identity.clusterId())
                .set("controller_id", snap.controllerId())
                .set("cluster_authorized_operations", AuthorizedOperations.answer(
                        body.getBoolean("include_cluster_authorized_operations"), AuthorizedOperations.CLUSTER));
        for (BrokerNode b : snap.brokers().values()) {
            Optional<EndPoint> ep = b.endPoint(request.listenerName());
            ep.ifPresent(e -> response.addElement("brokers")
                    .set("broker_id", b.id())
                    .set("host", e.host())
                    .set("port", e.port())
                    .set("rack", b.rack()));
        }
        request.sendResponse(response);
    }
}
