package io.samsa.clients.admin.internals;

import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.MockTime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link CallContext} a test drives by hand: sends are recorded with futures the test completes,
 * timers run when the test advances the mock clock, back-off is 100 ms per attempt. Not thread-safe.
 */
final class ScriptedContext implements CallContext {

    /** One request the call sent. */
    record Sent(Destination destination, int minMetadataVersion, ClientRequest request, long deadlineMs, int timeoutMs,
                CompletableFuture<ClientResponse> future) {
    }

    private record Timer(long dueMs, Runnable task) {
    }

    final MockTime time = new MockTime();
    final List<Sent> sent = new ArrayList<>();
    private final List<Timer> timers = new ArrayList<>();
    int maxRetries = Integer.MAX_VALUE;
    int metadataVersion;
    int finished;

    @Override
    public long nowMs() {
        return time.milliseconds();
    }

    @Override
    public CompletableFuture<ClientResponse> send(Destination destination, int minMetadataVersion, ClientRequest request,
                                                  long deadlineMs, int timeoutMs) {
        Sent s = new Sent(destination, minMetadataVersion, request, deadlineMs, timeoutMs, new CompletableFuture<>());
        sent.add(s);
        return s.future;
    }

    @Override
    public void schedule(long dueMs, Runnable task) {
        timers.add(new Timer(dueMs, task));
    }

    @Override
    public long backoffMs(int attempts) {
        return 100L * attempts;
    }

    @Override
    public int requestTimeoutMs() {
        return 30_000;
    }

    @Override
    public int maxRetries() {
        return maxRetries;
    }

    @Override
    public int requestMetadataUpdate() {
        return ++metadataVersion;
    }

    @Override
    public boolean stopped() {
        return false;
    }

    @Override
    public void finished(KeyedCall<?, ?> call) {
        finished++;
    }

    /** Moves the clock and runs the timers that fall due, in order. */
    void advance(long ms) {
        time.advance(ms);
        while (true) {
            Timer next = timers.stream().filter(t -> t.dueMs <= nowMs()).min(Comparator.comparingLong(Timer::dueMs)).orElse(null);
            if (next == null) {
                return;
            }
            timers.remove(next);
            next.task.run();
        }
    }

    /** The last request sent. */
    Sent last() {
        return sent.get(sent.size() - 1);
    }
}
