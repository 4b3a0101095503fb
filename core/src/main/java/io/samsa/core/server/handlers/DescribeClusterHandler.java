package io.samsa.core.server.handlers;

import io.samsa.common.Errors;
import io.samsa.core.network.Request;
import io.samsa.core.server.ApiHandler;
import io.samsa.core.server.ClusterIdentity;
import io.samsa.zk.EndPoint;
import io.samsa.core.server.metadata.BrokerNode;
import io.samsa.core.server.metadata.MetadataCache;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.DescribeClusterRequest;
import io.samsa.protocol.message.DescribeClusterResponse;

import java.util.Optional;

/** DescribeCluster: cluster id, controller and live brokers on the caller's listener. Thread-safe. */
public final class DescribeClusterHandler implements ApiHandler<DescribeClusterRequest> {

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
    public void handle(Request request, DescribeClusterRequest body) {
        DescribeClusterResponse response = new DescribeClusterResponse();
        if (body.endpointType() != ENDPOINT_TYPE_BROKERS) {
            request.sendResponse(response
                    .setErrorCode(Errors.UNSUPPORTED_ENDPOINT_TYPE.code())
                    .setErrorMessage("Only broker endpoints are served")
                    .setEndpointType(body.endpointType()));
            return;
        }
        MetadataCache.Snapshot snap = cache.snapshot();
        response.setErrorCode(Errors.NONE.code())
                .setEndpointType(ENDPOINT_TYPE_BROKERS)
                .setClusterId(identity.clusterId())
                .setControllerId(snap.controllerId())
                .setClusterAuthorizedOperations(AuthorizedOperations.answer(
                        body.includeClusterAuthorizedOperations(), AuthorizedOperations.CLUSTER));
        for (BrokerNode b : snap.brokers().values()) {
            Optional<EndPoint> ep = b.endPoint(request.listenerName());
            ep.ifPresent(e -> response.brokers().add(new DescribeClusterResponse.DescribeClusterBroker()
                    .setBrokerId(b.id())
                    .setHost(e.host())
                    .setPort(e.port())
                    .setRack(b.rack())));
        }
        request.sendResponse(response);
    }
}
