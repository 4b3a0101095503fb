package io.samsa.clients.internals;

/**
 * The network client's knobs, Kafka's common client configs. Immutable.
 *
 * @param socketConnectionSetupTimeoutMs how long a TCP connect may take before it counts as failed
 *                                       ({@code socket.connection.setup.timeout.ms})
 */
public record NetworkClientSettings(int maxInFlightPerConnection, int requestTimeoutMs, long reconnectBackoffMs,
                                    long reconnectBackoffMaxMs, long socketConnectionSetupTimeoutMs,
                                    int sendBufferBytes, int receiveBufferBytes) {

    /** Kafka's defaults. */
    public static NetworkClientSettings defaults() {
        return new NetworkClientSettings(5, 30_000, 50, 1000, 10_000, 128 * 1024, 64 * 1024);
    }

    public NetworkClientSettings withMaxInFlight(int n) {
        return new NetworkClientSettings(n, requestTimeoutMs, reconnectBackoffMs, reconnectBackoffMaxMs,
                socketConnectionSetupTimeoutMs, sendBufferBytes, receiveBufferBytes);
    }

    public NetworkClientSettings withRequestTimeoutMs(int ms) {
        return new NetworkClientSettings(maxInFlightPerConnection, ms, reconnectBackoffMs, reconnectBackoffMaxMs,
                socketConnectionSetupTimeoutMs, sendBufferBytes, receiveBufferBytes);
    }
}
