package io.samsa.core.replication;

/** Where a follower reaches a leader: its inter-broker listener. Immutable. */
public record BrokerEndPoint(int id, String host, int port) {
}
