package io.samsa.clients.admin.internals;

import io.samsa.common.TopicPartition;
import io.samsa.common.errors.InvalidTopicException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Splits the keys of a call into those a request can carry and those that fail before anything is
 * sent (a null or empty topic name cannot be represented in a request), merges their futures back
 * in the caller's order, and groups partitions by topic for requests. Stateless.
 */
final class Keys {

    private Keys() {
    }

    /** A topic name a request can carry. */
    static boolean representable(String topic) {
        return topic != null && !topic.isEmpty();
    }

    static InvalidTopicException unrepresentable(String topic) {
        return new InvalidTopicException("The given topic name '" + topic + "' cannot be represented in a request.");
    }

    /** The keys {@code valid} accepts, in order, without duplicates. */
    static <K> Set<K> valid(Collection<K> keys, Predicate<K> valid) {
        Set<K> out = new LinkedHashSet<>();
        for (K k : keys) {
            if (valid.test(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** Every key's future: the call's for valid keys, a failed one made by {@code invalid} for the rest. */
    static <K, V> Map<K, CompletableFuture<V>> merge(Collection<K> keys, Map<K, CompletableFuture<V>> called,
                                                     Function<K, Throwable> invalid) {
        Map<K, CompletableFuture<V>> out = new LinkedHashMap<>();
        for (K k : keys) {
            CompletableFuture<V> f = called.get(k);
            out.put(k, f != null ? f : CompletableFuture.failedFuture(invalid.apply(k)));
        }
        return out;
    }

    /** Partition numbers by topic, topics sorted, partitions in the order given. */
    static Map<String, List<Integer>> byTopic(Collection<TopicPartition> partitions) {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (TopicPartition tp : partitions) {
            out.computeIfAbsent(tp.topic(), t -> new ArrayList<>()).add(tp.partition());
        }
        return out;
    }
}
