package io.samsa.clients.admin.internals;

import io.samsa.clients.admin.LogDirDescription;
import io.samsa.clients.admin.ReplicaInfo;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.Errors;
import io.samsa.common.Node;
import io.samsa.common.TopicPartition;
import io.samsa.common.errors.UnsupportedVersionException;
import io.samsa.protocol.ApiKeys;
import io.samsa.protocol.message.DescribeClusterRequest;
import io.samsa.protocol.message.DescribeClusterResponse;
import io.samsa.protocol.message.DescribeLogDirsRequest;
import io.samsa.protocol.message.DescribeLogDirsResponse;
import io.samsa.protocol.message.MetadataRequest;
import io.samsa.protocol.message.MetadataResponse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The cluster's brokers, controller and id (DescribeCluster, or Metadata from a broker without it),
 * and each broker's log directories (DescribeLogDirs, to that broker). Thread-safe: each call's
 * state lives on the I/O thread.
 */
public final class ClusterCalls {

    /** What describeCluster learns. Immutable. */
    public record ClusterDescription(List<Node> nodes, Node controller, String clusterId) {
    }

    private final CallRunner runner;

    public ClusterCalls(CallRunner runner) {
        this.runner = runner;
    }

    public CompletableFuture<ClusterDescription> describeCluster(Integer timeoutMs) {
        return runner.callOne("describeCluster", runner.deadline(timeoutMs), Destination.any(), new DescribeCluster());
    }

    public Map<Integer, CompletableFuture<Map<String, LogDirDescription>>> describeLogDirs(Collection<Integer> brokers,
                                                                                            Integer timeoutMs) {
        return runner.call("describeLogDirs", runner.deadline(timeoutMs), brokers, Router.fixed(Destination::broker),
                new DescribeLogDirs());
    }

    /** DescribeCluster, falling back to Metadata for a broker that does not know it. Used by one call. */
    private static final class DescribeCluster implements Fulfiller<String, ClusterDescription> {
        private boolean useMetadata;

        @Override
        public ClientRequest request(Destination destination, Set<String> keys, int timeoutMs) {
            if (useMetadata) {
                MetadataRequest body = new MetadataRequest().setTopics(new ArrayList<>());
                return ClientRequest.of(ApiKeys.METADATA, (short) 1, ApiKeys.METADATA.latestVersion(), v -> body);
            }
            return ClientRequest.of(new DescribeClusterRequest());
        }

        @Override
        public void onUnsupportedVersion(Set<String> keys, UnsupportedVersionException e, Outcomes<String, ClusterDescription> out) {
            if (useMetadata) {
                out.failAll(e);
            } else {
                useMetadata = true;
                out.retryAll(e);
            }
        }

        @Override
        public void onResponse(Destination destination, Set<String> keys, ClientResponse response,
                               Outcomes<String, ClusterDescription> out) {
            Map<Integer, Node> nodes = new HashMap<>();
            String clusterId;
            int controllerId;
            if (response.body() instanceof MetadataResponse body) {
                body.brokers().forEach(b -> nodes.put(b.nodeId(), new Node(b.nodeId(), b.host(), b.port(), b.rack())));
                clusterId = body.clusterId();
                controllerId = body.controllerId();
            } else {
                DescribeClusterResponse body = response.bodyAs();
                Errors error = Errors.forCode(body.errorCode());
                if (error != Errors.NONE) {
                    out.failAll(error.exception(body.errorMessage()));
                    return;
                }
                body.brokers().forEach(b -> nodes.put(b.brokerId(), new Node(b.brokerId(), b.host(), b.port(), b.rack())));
                clusterId = body.clusterId();
                controllerId = body.controllerId();
            }
            out.completeAll(new ClusterDescription(new ArrayList<>(nodes.values()), nodes.get(controllerId), clusterId));
        }
    }

    private static final class DescribeLogDirs implements Fulfiller<Integer, Map<String, LogDirDescription>> {
        @Override
        public ClientRequest request(Destination destination, Set<Integer> keys, int timeoutMs) {
            return ClientRequest.of(new DescribeLogDirsRequest().setTopics(null));
        }

        @Override
        public void onResponse(Destination destination, Set<Integer> keys, ClientResponse response,
                               Outcomes<Integer, Map<String, LogDirDescription>> out) {
            DescribeLogDirsResponse body = response.bodyAs();
            Map<String, LogDirDescription> dirs = new HashMap<>();
            for (DescribeLogDirsResponse.DescribeLogDirsResult dir : body.results()) {
                Map<TopicPartition, ReplicaInfo> replicas = new HashMap<>();
                for (DescribeLogDirsResponse.DescribeLogDirsTopic t : dir.topics()) {
                    for (DescribeLogDirsResponse.DescribeLogDirsPartition p : t.partitions()) {
                        replicas.put(new TopicPartition(t.name(), p.partitionIndex()),
                                new ReplicaInfo(p.partitionSize(), p.offsetLag(), p.isFutureKey()));
                    }
                }
                dirs.put(dir.logDir(), new LogDirDescription(Errors.forCode(dir.errorCode()).exception(), replicas,
                        dir.totalBytes(), dir.usableBytes()));
            }
            if (!dirs.isEmpty()) {
                out.completeAll(dirs);
            } else {
                // Before v3 there is no top-level error: a broker that lists no directory refused to.
                Errors error = body.errorCode() == Errors.NONE.code() ? Errors.CLUSTER_AUTHORIZATION_FAILED
                        : Errors.forCode(body.errorCode());
                out.failAll(error.exception());
            }
        }
    }
}
