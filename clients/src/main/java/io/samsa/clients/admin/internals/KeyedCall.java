package io.samsa.clients.admin.internals;

import io.samsa.clients.internals.ClientRequest;
import io.samsa.clients.internals.ClientResponse;
import io.samsa.common.errors.ApiException;
import io.samsa.common.errors.RetriableException;
import io.samsa.common.errors.TimeoutException;
import io.samsa.common.errors.UnsupportedVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One admin call over a set of keys (topics, partitions, groups, resources), each with its own
 * future: keys are routed (directly or by a lookup request), grouped by destination into one
 * request each, and their answers complete, fail, retry or reroute them one by one, until every
 * key is decided or the call's deadline passes (then the rest fail with a TimeoutException). A
 * retried key waits {@code retry.backoff.ms}, doubling up to {@code retry.backoff.max.ms}; a
 * rerouted one also waits for fresh metadata. At most one request per destination is in flight.
 *
 * <p>Created on any thread; every other method runs on the I/O thread, except {@link #abort}, which
 * runs once that thread has stopped.
 */
public final class KeyedCall<K, V> {

    private static final Logger log = LoggerFactory.getLogger(KeyedCall.class);

    /** Per key, owned by the I/O thread. */
    private static final class KeyState {
        Destination destination;
        boolean inFlight;
        int attempts;
        long notBeforeMs;
        int minMetadataVersion;
        Throwable lastError;
    }

    private final String name;
    private final CallContext context;
    private final Router<K> router;
    private final Fulfiller<K, V> fulfiller;
    private final long deadlineMs;
    private final Map<K, CompletableFuture<V>> futures = new LinkedHashMap<>();
    private final Map<K, KeyState> pending = new LinkedHashMap<>();
    private final Set<Destination> busy = new HashSet<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private int lookupsInFlight;
    private long wakeAtMs = Long.MAX_VALUE;

    public KeyedCall(String name, CallContext context, long deadlineMs, Collection<K> keys, Router<K> router,
                     Fulfiller<K, V> fulfiller) {
        this.name = name;
        this.context = context;
        this.deadlineMs = deadlineMs;
        this.router = router;
        this.fulfiller = fulfiller;
        for (K key : keys) {
            if (!futures.containsKey(key)) {
                futures.put(key, new CompletableFuture<>());
                pending.put(key, new KeyState());
            }
        }
    }

    public String name() {
        return name;
    }

    /** Each key's future, completed on the I/O thread. */
    public Map<K, CompletableFuture<V>> futures() {
        return futures;
    }

    /** Completes when every key is decided. */
    public CompletableFuture<Void> done() {
        return done;
    }

    /** Starts the call; I/O thread. */
    public void start() {
        step();
    }

    /** Fails whatever is still undecided; called once the I/O thread has stopped. */
    public void abort(Throwable cause) {
        for (K key : new ArrayList<>(pending.keySet())) {
            fail(key, cause);
        }
        checkDone();
    }

    /** Sends what can be sent now and arranges to be woken for the rest; I/O thread. */
    void step() {
        if (pending.isEmpty() || context.stopped()) {
            return;
        }
        long now = context.nowMs();
        if (now >= deadlineMs) {
            expire();
            return;
        }
        long wake = deadlineMs;
        List<K> toLookUp = new ArrayList<>();
        Map<Destination, Set<K>> groups = new LinkedHashMap<>();
        for (Map.Entry<K, KeyState> e : new ArrayList<>(pending.entrySet())) {
            K key = e.getKey();
            KeyState s = e.getValue();
            if (s.inFlight) {
                continue;
            }
            if (s.notBeforeMs > now) {
                wake = Math.min(wake, s.notBeforeMs);
                continue;
            }
            if (s.destination == null) {
                try {
                    s.destination = router.fixed(key);
                } catch (RuntimeException ex) {
                    fail(key, ex);
                    continue;
                }
            }
            if (s.destination == null) {
                toLookUp.add(key);
            } else if (!fulfiller.batched()) {
                send(s.destination, new LinkedHashSet<>(List.of(key)), now);
            } else if (!busy.contains(s.destination)) {
                groups.computeIfAbsent(s.destination, d -> new LinkedHashSet<>()).add(key);
            }
        }
        lookUp(toLookUp, now);
        groups.forEach((destination, keys) -> send(destination, keys, now));
        checkDone();
        if (!pending.isEmpty() && (wake < wakeAtMs || wakeAtMs <= now)) {
            wakeAtMs = wake;
            context.schedule(wake, this::step);
        }
    }

    private void lookUp(List<K> keys, long now) {
        if (keys.isEmpty() || (router.lookupBatchSize() == Integer.MAX_VALUE && lookupsInFlight > 0)) {
            return;
        }
        int batch = Math.max(1, router.lookupBatchSize());
        for (int i = 0; i < keys.size(); i += batch) {
            Set<K> group = new LinkedHashSet<>(keys.subList(i, Math.min(keys.size(), i + batch)));
            ClientRequest request;
            try {
                request = router.lookup(group);
            } catch (RuntimeException e) {
                group.forEach(k -> fail(k, e));
                continue;
            }
            lookupsInFlight++;
            dispatch(Destination.any(), group, request, now).whenComplete((response, error) -> {
                lookupsInFlight--;
                Set<K> live = landed(group);
                Outcomes<K, V> out = new Outcomes<>(live);
                if (error != null) {
                    Throwable cause = unwrap(error);
                    if (cause instanceof UnsupportedVersionException uve && router.onLookupUnsupportedVersion(uve)) {
                        live.forEach(k -> pending.get(k).notBeforeMs = 0);
                        step();
                        return;
                    }
                    onFailure(live, cause, out);
                } else {
                    try {
                        router.onLookup(live, response, out);
                    } catch (RuntimeException e) {
                        out.failAll(e);
                    }
                }
                for (K k : out.undecided()) {
                    out.retry(k, new RetriableException("No destination found yet for " + k));
                }
                apply(out);
                step();
            });
        }
    }

    private void send(Destination destination, Set<K> keys, long now) {
        int timeoutMs = timeoutMs(now);
        ClientRequest request;
        try {
            request = fulfiller.request(destination, keys, timeoutMs);
        } catch (RuntimeException e) {
            keys.forEach(k -> fail(k, e));
            return;
        }
        boolean batched = fulfiller.batched();
        if (batched) {
            busy.add(destination);
        }
        dispatch(destination, keys, request, now).whenComplete((response, error) -> {
            if (batched) {
                busy.remove(destination);
            }
            Set<K> live = landed(keys);
            Outcomes<K, V> out = new Outcomes<>(live);
            if (error != null) {
                Throwable cause = unwrap(error);
                if (cause instanceof UnsupportedVersionException uve) {
                    fulfiller.onUnsupportedVersion(live, uve, out);
                } else {
                    onFailure(live, cause, out);
                }
            } else {
                try {
                    fulfiller.onResponse(destination, live, response, out);
                } catch (RuntimeException e) {
                    log.warn("{}: cannot read the answer from {}", name, destination, e);
                    out.failAll(e);
                }
                for (K k : out.undecided()) {
                    out.fail(k, new ApiException("The answer from " + response.node() + " did not contain a result for " + k));
                }
            }
            apply(out);
            step();
        });
    }

    /** Marks {@code keys} in flight and sends; the returned future completes on the I/O thread. */
    private CompletableFuture<ClientResponse> dispatch(Destination destination, Set<K> keys, ClientRequest request, long now) {
        int minVersion = 0;
        for (K k : keys) {
            KeyState s = pending.get(k);
            s.inFlight = true;
            minVersion = Math.max(minVersion, s.minMetadataVersion);
        }
        return context.send(destination, minVersion, request, deadlineMs, timeoutMs(now));
    }

    private int timeoutMs(long now) {
        return (int) Math.max(1, Math.min(context.requestTimeoutMs(), deadlineMs - now));
    }

    /** Keys of a finished request that are still undecided (the deadline may have failed some). */
    private Set<K> landed(Set<K> keys) {
        Set<K> live = new LinkedHashSet<>();
        for (K k : keys) {
            KeyState s = pending.get(k);
            if (s != null) {
                s.inFlight = false;
                live.add(k);
            }
        }
        return live;
    }

    /** A request failed without an answer: retriable failures (disconnects, timeouts) reroute. */
    private void onFailure(Set<K> keys, Throwable cause, Outcomes<K, V> out) {
        if (cause instanceof RetriableException) {
            log.debug("{}: request failed, will retry: {}", name, cause.toString());
            out.rerouteAll(cause);
        } else {
            out.failAll(cause);
        }
    }

    private void apply(Outcomes<K, V> out) {
        long now = context.nowMs();
        int metadataVersion = -1;
        for (Map.Entry<K, Outcomes.Verdict<V>> e : out.verdicts().entrySet()) {
            K key = e.getKey();
            KeyState s = pending.get(key);
            if (s == null) {
                continue;
            }
            Outcomes.Verdict<V> verdict = e.getValue();
            if (verdict instanceof Outcomes.Completed<V> c) {
                pending.remove(key);
                futures.get(key).complete(c.value());
            } else if (verdict instanceof Outcomes.Failed<V> f) {
                fail(key, f.error());
            } else if (verdict instanceof Outcomes.Mapped<V> m) {
                s.destination = m.destination();
            } else if (verdict instanceof Outcomes.Retry<V> r) {
                backOff(key, s, r.cause(), now);
            } else if (verdict instanceof Outcomes.Reroute<V> r) {
                if (metadataVersion < 0) {
                    metadataVersion = context.requestMetadataUpdate();
                }
                s.destination = null;
                s.minMetadataVersion = metadataVersion;
                backOff(key, s, r.cause(), now);
            }
        }
        checkDone();
    }

    private void backOff(K key, KeyState s, Throwable cause, long now) {
        s.lastError = cause;
        s.attempts++;
        if (s.attempts > context.maxRetries()) {
            fail(key, new TimeoutException(name + " failed after " + s.attempts + " attempt(s) for " + key, cause));
            return;
        }
        s.notBeforeMs = now + context.backoffMs(s.attempts);
    }

    private void expire() {
        for (Map.Entry<K, KeyState> e : new ArrayList<>(pending.entrySet())) {
            KeyState s = e.getValue();
            String what = name + " timed out for " + e.getKey() + " after " + (s.attempts + 1) + " attempt(s)";
            fail(e.getKey(), s.lastError == null ? new TimeoutException(what) : new TimeoutException(what + ": " + s.lastError.getMessage(), s.lastError));
        }
        checkDone();
    }

    private void fail(K key, Throwable error) {
        pending.remove(key);
        futures.get(key).completeExceptionally(error);
    }

    private void checkDone() {
        if (pending.isEmpty() && !done.isDone()) {
            done.complete(null);
            context.finished(this);
        }
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
