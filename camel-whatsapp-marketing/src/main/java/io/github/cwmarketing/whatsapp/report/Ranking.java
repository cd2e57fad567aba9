package io.github.cwmarketing.whatsapp.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The largest groups of a count map, most messages first, and the rest summed up as one "others" group, so a table
 * or a chart has a bounded number of rows however many distinct values the webhooks brought.
 *
 * @param top          the largest groups, at most the maximum asked for
 * @param otherGroups  how many groups were summed up as others
 * @param otherCount   their messages together
 * @param <K>          the group key (a route, a category, an error code)
 */
record Ranking<K>(List<Map.Entry<K, Long>> top, int otherGroups, long otherCount) {

    static <K> Ranking<K> of(Map<K, Long> counts, int max) {
        List<Map.Entry<K, Long>> sorted = new ArrayList<>();
        counts.forEach((key, count) -> {
            if (count != null && count > 0) {
                sorted.add(Map.entry(key, count));
            }
        });
        sorted.sort(Map.Entry.<K, Long>comparingByValue(Comparator.reverseOrder()));
        List<Map.Entry<K, Long>> top = List.copyOf(sorted.subList(0, Math.min(max, sorted.size())));
        long others = sorted.subList(top.size(), sorted.size()).stream().mapToLong(Map.Entry::getValue).sum();
        return new Ranking<>(top, sorted.size() - top.size(), others);
    }

    /** The messages of every group, the others included. */
    long total() {
        return top.stream().mapToLong(Map.Entry::getValue).sum() + otherCount;
    }
}
