package io.samsa.core.server.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Kafka's rack-unaware replica placement: leaders round-robin over the brokers from a random
 * start, followers shifted by an amount that grows every full round, so that leadership and
 * load spread evenly and no two partitions share the same replica order. Stateless.
 */
public final class ReplicaPlacement {

    private ReplicaPlacement() {
    }

    /** Places {@code partitions} partitions numbered from {@code firstPartition}, {@code rf} replicas each. */
    public static Map<Integer, List<Integer>> assign(int partitions, int rf, List<Integer> brokers, int firstPartition) {
        int n = brokers.size();
        if (n == 0 || rf > n) {
            throw new IllegalArgumentException("Cannot place " + rf + " replicas on " + n + " brokers");
        }
        List<Integer> sorted = new ArrayList<>(brokers);
        sorted.sort(Integer::compare);
        int startIndex = ThreadLocalRandom.current().nextInt(n);
        int shift = ThreadLocalRandom.current().nextInt(n);
        return assign(partitions, rf, sorted, firstPartition, startIndex, shift);
    }

    /** Deterministic form for tests: the random start index and shift are given. */
    static Map<Integer, List<Integer>> assign(int partitions, int rf, List<Integer> brokers, int firstPartition,
                                              int startIndex, int initialShift) {
        int n = brokers.size();
        Map<Integer, List<Integer>> result = new TreeMap<>();
        int shift = initialShift;
        int current = firstPartition > 0 ? firstPartition : 0;
        for (int i = 0; i < partitions; i++) {
            if (current > 0 && current % n == 0) {
                shift++;
            }
            int first = (current + startIndex) % n;
            List<Integer> replicas = new ArrayList<>(rf);
            replicas.add(brokers.get(first));
            for (int j = 0; j < rf - 1; j++) {
                replicas.add(brokers.get((first + 1 + (shift + j) % (n - 1)) % n));
            }
            result.put(firstPartition + i, List.copyOf(replicas));
            current++;
        }
        return result;
    }
}
