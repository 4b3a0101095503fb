package io.samsa.clients.producer.internals;

import java.util.Arrays;

/**
 * A weighted choice among a topic's partitions, built from the lengths of their queues: each
 * partition's weight is one more than the longest queue minus its own, so an idle partition is
 * the likeliest choice and the busiest still has a chance. Kept as a running sum of the weights,
 * so that one random number finds its partition by binary search. Immutable.
 */
final class QueueLoad {

    private final int[] partitionIds;
    /** cumulative[i] = sum of the weights of partitions 0..i. */
    private final int[] cumulative;

    private QueueLoad(int[] partitionIds, int[] cumulative) {
        this.partitionIds = partitionIds;
        this.cumulative = cumulative;
    }

    /**
     * The choice among the first {@code available} partitions, or null when a weighted choice is
     * pointless and the uniform one should be used: fewer than two partitions in all, none
     * available, or every partition available with queues of the same length.
     */
    static QueueLoad of(int[] partitionIds, int[] queuedBatches, int available) {
        if (available < 1 || partitionIds.length < 2) {
            return null;
        }
        int longest = 0;
        boolean allEqual = true;
        for (int i = 0; i < available; i++) {
            longest = Math.max(longest, queuedBatches[i]);
            allEqual &= queuedBatches[i] == queuedBatches[0];
        }
        if (allEqual && available == partitionIds.length) {
            return null;
        }
        int[] cumulative = new int[available];
        int sum = 0;
        for (int i = 0; i < available; i++) {
            sum += longest + 1 - queuedBatches[i];
            cumulative[i] = sum;
        }
        return new QueueLoad(Arrays.copyOf(partitionIds, available), cumulative);
    }

    /** The partition a non-negative random number selects. */
    int choose(int nonNegativeRandom) {
        int target = nonNegativeRandom % cumulative[cumulative.length - 1];
        // The first entry whose running sum exceeds the target.
        int found = Arrays.binarySearch(cumulative, target);
        int index = found >= 0 ? found + 1 : -found - 1;
        return partitionIds[index];
    }

    /** The sum of all weights: random numbers are taken modulo this (for tests). */
    int totalWeight() {
        return cumulative[cumulative.length - 1];
    }
}
