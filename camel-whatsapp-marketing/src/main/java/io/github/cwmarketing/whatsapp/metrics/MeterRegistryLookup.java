package io.github.cwmarketing.whatsapp.metrics;

import java.util.Collection;
import java.util.Set;

import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link MeterRegistry} the component records in, once {@link MetricsBinding} has seen Micrometer.
 */
final class MeterRegistryLookup {

    /** The name camel-micrometer (and so {@code camel.metrics.enabled=true}) binds its registry under. */
    static final String CAMEL_METRICS_REGISTRY = "metricsRegistry";

    private static final Logger LOG = LoggerFactory.getLogger(MeterRegistryLookup.class);

    private MeterRegistryLookup() {
    }

    static WhatsAppMarketingListener metricsListener(Object option, Registry registry,
            Collection<WhatsAppMarketingListener> listeners) {
        if (listeners.stream().anyMatch(WhatsAppMarketingMetrics.class::isInstance)) {
            LOG.debug("A WhatsAppMarketingMetrics listener is registered already: no other one is made");
            return null;
        }
        MeterRegistry meterRegistry = option != null ? (MeterRegistry) option : find(registry);
        if (meterRegistry == null) {
            return null;
        }
        LOG.info("whatsapp-marketing metrics are recorded in {}", meterRegistry.getClass().getSimpleName());
        return new WhatsAppMarketingMetrics(meterRegistry);
    }

    /** camel-micrometer's registry, else the only registry, else the only composite of several; else none. */
    private static MeterRegistry find(Registry registry) {
        MeterRegistry named = registry.lookupByNameAndType(CAMEL_METRICS_REGISTRY, MeterRegistry.class);
        if (named != null) {
            return named;
        }
        Set<MeterRegistry> found = registry.findByType(MeterRegistry.class);
        if (found.size() <= 1) {
            LOG.debug("{} MeterRegistry in the registry", found.isEmpty() ? "No" : "One");
            return found.isEmpty() ? null : found.iterator().next();
        }
        Set<MeterRegistry> composites = Set.copyOf(found.stream()
                .filter(CompositeMeterRegistry.class::isInstance).toList());
        if (composites.size() == 1) {
            return composites.iterator().next();
        }
        LOG.warn("The registry holds {} MeterRegistry beans and no single composite of them: no whatsapp-marketing"
                 + " metrics are recorded. Set the component's meterRegistry option to choose one.", found.size());
        return null;
    }
}
