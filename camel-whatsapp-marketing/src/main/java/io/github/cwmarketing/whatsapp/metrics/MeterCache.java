package io.github.cwmarketing.whatsapp.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The meters already registered, by the raw values of their tags, so that an event costs one map lookup instead of
 * building and sorting its tags and looking them up in the registry (the webhook consumer routes several hundred
 * thousand statuses per second). A meter removed from the registry is forgotten here too, and registered again on its
 * next use. At most {@value #MAX_CACHED} meters are kept; past that the registry is asked each time.
 */
final class MeterCache {

    static final int MAX_CACHED = 10_000;

    private final Map<Object, Meter> meters = new ConcurrentHashMap<>();

    MeterCache(MeterRegistry registry) {
        registry.config().onMeterRemoved(removed -> meters.values().removeIf(meter -> meter == removed));
    }

    /** The meter of this key, registered by the function on first use. Keys of different meters are never equal. */
    @SuppressWarnings("unchecked")
    <K, M extends Meter> M get(K key, Function<K, M> register) {
        Meter meter = meters.get(key);
        if (meter != null) {
            return (M) meter;
        }
        M registered = register.apply(key);
        if (meters.size() < MAX_CACHED) {
            meters.putIfAbsent(key, registered);
        }
        return registered;
    }
}
