package com.acme.governance.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Latencies in nanoseconds, read as percentiles in milliseconds. Thread-safe to add to. */
public final class Samples {

    private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

    public void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    public void addAll(Samples other) {
        nanos.addAll(other.snapshot());
    }

    public int count() {
        return nanos.size();
    }

    /** The percentile in milliseconds (nearest rank); NaN without samples. */
    public double percentileMillis(double percentile) {
        List<Long> sorted = snapshot();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1))) / 1e6;
    }

    private List<Long> snapshot() {
        synchronized (nanos) {
            return new ArrayList<>(nanos);
        }
    }

    /** The median of figures measured in several rounds; NaN without any. */
    public static double median(Collection<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.removeIf(value -> value.isNaN());
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
