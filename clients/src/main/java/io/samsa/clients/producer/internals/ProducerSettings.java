package io.samsa.clients.producer.internals;

/**
 * What the sender needs from the producer's configuration, resolved once. Immutable.
 */
public record ProducerSettings(short acks, int requestTimeoutMs, int maxRequestSize, int retries, long retryBackoffMs,
                               long retryBackoffMaxMs, boolean idempotent, int maxInFlightPerConnection,
                               int transactionTimeoutMs) {
}
