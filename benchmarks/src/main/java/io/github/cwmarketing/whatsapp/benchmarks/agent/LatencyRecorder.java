package io.github.cwmarketing.whatsapp.benchmarks.agent;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Latencies from many threads into one HdrHistogram (microseconds, 3 significant digits). */
public final class LatencyRecorder {

    private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toMicros(2), 3);

    public void recordNanos(long nanos) {
        recorder.recordValue(Math.max(0, Math.min(TimeUnit.NANOSECONDS.toMicros(nanos), TimeUnit.MINUTES.toMicros(2))));
    }

    /** Percentiles in milliseconds, {@code minus} milliseconds subtracted (e.g. the stub's latency). */
    public Map<String, Object> summary(double minusMillis) {
        Histogram histogram = recorder.getIntervalHistogram();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("samples", histogram.getTotalCount());
        summary.put("p50Ms", millis(histogram.getValueAtPercentile(50)) - minusMillis);
        summary.put("p90Ms", millis(histogram.getValueAtPercentile(90)) - minusMillis);
        summary.put("p99Ms", millis(histogram.getValueAtPercentile(99)) - minusMillis);
        summary.put("p999Ms", millis(histogram.getValueAtPercentile(99.9)) - minusMillis);
        summary.put("maxMs", millis(histogram.getMaxValue()) - minusMillis);
        return summary;
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
