package io.samsa.clients.admin.internals;

import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;

import java.util.concurrent.CompletableFuture;

/**
 * What a {@link KeyedCall} needs from the client around it: the clock, a way to send, timers, the
 * retry policy and metadata refreshes. {@link CallRunner} is the real one; tests drive a call with
 * a scripted one. Methods are called on the I/O thread.
 */
interface CallContext {

    long nowMs();

    /**
     * Sends {@code request} to {@code destination} once it is known and reachable, and only after
     * the client's metadata version reaches {@code minMetadataVersion} (so a call rerouted after
     * NOT_CONTROLLER waits for fresh metadata instead of asking the old controller again).
     */
    CompletableFuture<ClientResponse> send(Destination destination, int minMetadataVersion, ClientRequest request,
                                           long deadlineMs, int timeoutMs);

    /** Runs {@code task} on the I/O thread at {@code dueMs}. */
    void schedule(long dueMs, Runnable task);

    /** The back-off before attempt number {@code attempts + 1}. */
    long backoffMs(int attempts);

    int requestTimeoutMs();

    /** The {@code retries} setting: how many times one key may be retried. */
    int maxRetries();

    /** Asks for a metadata refresh; returns the version the refreshed metadata will have at least. */
    int requestMetadataUpdate();

    /** Whether the I/O thread is stopping, so nothing more may be sent. */
    boolean stopped();

    /** The call has no undecided keys left. */
    void finished(KeyedCall<?, ?> call);
}
