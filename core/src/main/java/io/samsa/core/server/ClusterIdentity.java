package io.samsa.core.server;

/** This broker's id and the cluster id read from ZooKeeper at startup. Immutable. */
public record ClusterIdentity(String clusterId, int brokerId) {
}
