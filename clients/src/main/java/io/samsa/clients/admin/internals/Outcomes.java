package io.samsa.clients.admin.internals;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one answer means for each key it covers: done with a value, failed, to be retried at the
 * same destination after a back-off, to be routed again (after a metadata refresh or a new lookup),
 * or, for a lookup, bound to a destination. The first verdict on a key counts; keys the answer
 * does not mention stay undecided, and the {@link KeyedCall} decides what that means. Used by one
 * thread (the I/O thread) for one answer.
 */
public final class Outcomes<K, V> {

    private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

    /** A verdict on one key. */
    sealed interface Verdict<V> {
    }

    record Completed<V>(V value) implements Verdict<V> {
    }

    record Failed<V>(Throwable error) implements Verdict<V> {
    }

    record Retry<V>(Throwable cause) implements Verdict<V> {
    }

    record Reroute<V>(Throwable cause) implements Verdict<V> {
    }

    record Mapped<V>(Destination destination) implements Verdict<V> {
    }

    private final Set<K> asked;
    private final Map<K, Verdict<V>> verdicts = new LinkedHashMap<>();

    public Outcomes(Set<K> asked) {
        this.asked = asked;
    }

    /** The keys the answer is for. */
    public Set<K> keys() {
        return asked;
    }

    public void complete(K key, V value) {
        decide(key, new Completed<>(value));
    }

    public void fail(K key, Throwable error) {
        decide(key, new Failed<>(error));
    }

    /** Try the key again at the same destination, after a back-off. */
    public void retry(K key, Throwable cause) {
        decide(key, new Retry<>(cause));
    }

    /** Find the key's destination again (new metadata, a new lookup), after a back-off. */
    public void reroute(K key, Throwable cause) {
        decide(key, new Reroute<>(cause));
    }

    /** For lookups: the key's requests go to {@code destination}. */
    public void map(K key, Destination destination) {
        decide(key, new Mapped<>(destination));
    }

    public void completeAll(V value) {
        asked.forEach(k -> complete(k, value));
    }

    public void failAll(Throwable error) {
        asked.forEach(k -> fail(k, error));
    }

    public void retryAll(Throwable cause) {
        asked.forEach(k -> retry(k, cause));
    }

    public void rerouteAll(Throwable cause) {
        asked.forEach(k -> reroute(k, cause));
    }

    /** Keys without a verdict yet. */
    public Set<K> undecided() {
        Set<K> out = new LinkedHashSet<>(asked);
        out.removeAll(verdicts.keySet());
        return out;
    }

    Map<K, Verdict<V>> verdicts() {
        return verdicts;
    }

    private void decide(K key, Verdict<V> verdict) {
        if (!asked.contains(key)) {
            log.debug("Ignoring an answer for {}, which was not asked for", key);
            return;
        }
        verdicts.putIfAbsent(key, verdict);
    }
}
