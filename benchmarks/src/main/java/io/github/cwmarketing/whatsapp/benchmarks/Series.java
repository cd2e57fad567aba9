package io.github.cwmarketing.whatsapp.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The measured iterations of one variant in one scenario, in run order: one result map per iteration. Figures are
 * read by key path ({@code latency.p99Ms}) and summarised as median with min–max.
 */
final class Series {

    final List<Map<String, Object>> runs = new ArrayList<>();

    void add(Map<String, Object> run) {
        runs.add(run);
    }

    double[] values(String path) {
        return runs.stream().map(run -> number(run, path)).filter(v -> v != null && !v.isNaN())
                .mapToDouble(Double::doubleValue).toArray();
    }

    double median(String path) {
        return median(values(path));
    }

    double sum(String path) {
        return Arrays.stream(values(path)).sum();
    }

    static Double number(Map<String, Object> map, String path) {
        Object value = map;
        for (String key : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> m)) {
                return null;
            }
            value = m.get(key);
        }
        return value instanceof Number n ? n.doubleValue() : null;
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** Per-iteration ratios of two series measured in alternation (iteration i of each is one pair). */
    static double[] pairedRatios(Series ours, Series theirs, String path) {
        int n = Math.min(ours.runs.size(), theirs.runs.size());
        double[] ratios = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            Double a = number(ours.runs.get(i), path);
            Double b = number(theirs.runs.get(i), path);
            if (a != null && b != null && b != 0) {
                ratios[k++] = a / b;
            }
        }
        return Arrays.copyOf(ratios, k);
    }
}
