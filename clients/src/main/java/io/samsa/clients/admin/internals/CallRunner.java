package io.samsa.clients.admin.internals;

import io.samsa.clients.internals.ClientIoThread;
import io.samsa.clients.internals.ClientMetadata;
import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.clients.internals.ExponentialBackoff;
import io.samsa.clients.internals.NodeTarget;
import io.samsa.common.Time;
import io.samsa.common.errors.TimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs the admin client's calls on its I/O thread: starts each {@link KeyedCall}, gives it the
 * network (turning a {@link Destination} into the broker to send to once metadata names it), the
 * retry policy and timers, and on close lets the calls in progress finish for as long as the
 * caller allows before failing the rest with a TimeoutException. Thread-safe: calls may be started
 * and the runner closed from any thread.
 */
public final class CallRunner implements CallContext {

    private final ClientIoThread io;
    private final ClientMetadata metadata;
    private final AdminSettings settings;
    private final Time time;
    private final AdminTimers timers;
    private final ExponentialBackoff retryBackoff;
    private final Set<KeyedCall<?, ?>> calls = ConcurrentHashMap.newKeySet();
    private boolean closing;
    private volatile boolean stopped;

    public CallRunner(ClientIoThread io, AdminSettings settings, AdminTimers timers, Time time) {
        this.io = io;
        this.metadata = io.metadata();
        this.settings = settings;
        this.time = time;
        this.timers = timers;
        this.retryBackoff = new ExponentialBackoff(settings.retryBackoffMs(), settings.retryBackoffMaxMs());
    }

    /** The deadline of a call made now with the given timeout (null: {@code default.api.timeout.ms}). */
    public long deadline(Integer timeoutMs) {
        return time.milliseconds() + (timeoutMs != null ? Math.max(0, timeoutMs) : settings.defaultApiTimeoutMs());
    }

    /** Starts a call over {@code keys}; returns each key's future. */
    public <K, V> Map<K, CompletableFuture<V>> call(String name, long deadlineMs, Collection<K> keys, Router<K> router,
                                                    Fulfiller<K, V> fulfiller) {
        KeyedCall<K, V> call = new KeyedCall<>(name, this, deadlineMs, keys, router, fulfiller);
        if (keys.isEmpty()) {
            return call.futures();
        }
        synchronized (this) {
            if (closing) {
                call.abort(new TimeoutException("The admin client is closed; " + name + " was not attempted"));
                return call.futures();
            }
            calls.add(call);
        }
        io.submit(call::start);
        return call.futures();
    }

    /** Starts a call of one request to {@code destination}. */
    public <V> CompletableFuture<V> callOne(String name, long deadlineMs, Destination destination,
                                            Fulfiller<String, V> fulfiller) {
        return call(name, deadlineMs, List.of(name), Router.to(destination), fulfiller).get(name);
    }

    @Override
    public long nowMs() {
        return time.milliseconds();
    }

    @Override
    public CompletableFuture<ClientResponse> send(Destination destination, int minMetadataVersion, ClientRequest request,
                                                  long deadlineMs, int timeoutMs) {
        return io.send(target(destination, minMetadataVersion), request, deadlineMs, timeoutMs);
    }

    /**
     * The broker a destination names, once metadata is recent enough. A request for a particular
     * broker (the controller, a coordinator, a leader) fails as soon as that broker cannot be
     * connected to, so the call finds the one that replaced it; "any broker" just picks another.
     */
    private NodeTarget target(Destination d, int minMetadataVersion) {
        NodeTarget target = (cluster, network, now) -> {
            if (metadata.version() < minMetadataVersion) {
                return null;
            }
            if (d.kind() != Destination.Kind.NODE && !metadata.isBootstrapped()) {
                // The bootstrap addresses are not brokers yet; wait for the first answer, as Kafka does.
                return null;
            }
            return switch (d.kind()) {
                case CONTROLLER -> cluster.controller();
                case ANY -> network.leastLoadedNode(cluster.nodes(), now);
                case BROKER -> cluster.nodeById(d.brokerId());
                case NODE -> d.node();
            };
        };
        return d.kind() == Destination.Kind.ANY ? target : target.failingWhenUnreachable();
    }

    @Override
    public void schedule(long dueMs, Runnable task) {
        timers.schedule(dueMs, task);
    }

    @Override
    public long backoffMs(int attempts) {
        return retryBackoff.backoffMs(attempts);
    }

    @Override
    public int requestTimeoutMs() {
        return settings.requestTimeoutMs();
    }

    @Override
    public int maxRetries() {
        return settings.retries();
    }

    @Override
    public int requestMetadataUpdate() {
        return metadata.requestUpdate() + 1;
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    @Override
    public void finished(KeyedCall<?, ?> call) {
        calls.remove(call);
    }

    /**
     * Stops taking calls, waits up to {@code timeout} for those in progress, stops the I/O thread
     * and fails whatever is left with a TimeoutException. On the I/O thread itself (a callback
     * closing the client) nothing is waited for.
     */
    public void close(Duration timeout) {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        // Closed from a future's callback, the I/O thread cannot wait for the calls it runs itself.
        long waitMs = io.isIoThread() ? 0 : Math.min(TimeUnit.DAYS.toMillis(365), Math.max(0, timeout.toMillis()));
        long deadlineNs = time.nanoseconds() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        try {
            for (KeyedCall<?, ?> call : new ArrayList<>(calls)) {
                long leftNs = deadlineNs - time.nanoseconds();
                if (leftNs <= 0) {
                    break;
                }
                call.done().get(leftNs, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // Out of time (or a call failed, which done() never does): abort what is left.
        }
        stopped = true;
        io.close();
        for (KeyedCall<?, ?> call : new ArrayList<>(calls)) {
            call.abort(new TimeoutException("The admin client closed before " + call.name() + " completed"));
        }
        calls.clear();
    }
}
