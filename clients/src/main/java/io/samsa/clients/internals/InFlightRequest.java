package io.samsa.clients.internals;

import io.samsa.protocol.ApiKeys;

import java.util.concurrent.CompletableFuture;

/**
 * A request written (or queued to be written) to a connection and not yet answered. Owned by the
 * I/O thread.
 */
record InFlightRequest(int correlationId, ApiKeys api, short version, long sentMs, long deadlineMs, boolean expectResponse,
                       CompletableFuture<ClientResponse> future) {
}
