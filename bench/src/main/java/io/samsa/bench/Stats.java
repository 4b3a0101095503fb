package io.samsa.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small statistics over repeated measurements. Stateless. */
public final class Stats {

    private Stats() {
    }

    /**
     * The median: the middle value of an odd-sized sample, the mean of the two middle values of an
     * even-sized one.
     *
     * @throws IllegalArgumentException for an empty sample
     */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Median of no values");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        if (n % 2 == 1) {
            return sorted.get(n / 2);
        }
        return (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** {@code numerator / denominator}, or null when either is missing or the denominator is zero. */
    public static Double ratio(Double numerator, Double denominator) {
        if (numerator == null || denominator == null || denominator == 0.0
                || numerator.isNaN() || denominator.isNaN()) {
            return null;
        }
        return numerator / denominator;
    }
}
