package io.samsa.clients.internals;

import java.util.concurrent.CompletableFuture;

/**
 * Where a client's parts hand the requests they want sent: the client's {@link ClientIoThread} in
 * production, a script in unit tests. Implementations are thread-safe; the future may complete on
 * another thread (the I/O thread), so its dependent stages must not block.
 */
@FunctionalInterface
public interface RequestSender {

    /**
     * Sends {@code request} to {@code target} once it is reachable; the future fails when that has
     * not happened by {@code deadlineMs}, or when no answer came within {@code timeoutMs} of sending.
     */
    CompletableFuture<ClientResponse> send(NodeTarget target, ClientRequest request, long deadlineMs, int timeoutMs);
}
