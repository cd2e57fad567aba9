package io.github.cwmarketing.whatsapp.metrics;

import java.util.Collection;

import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import org.apache.camel.spi.Registry;

/**
 * Decides whether the component records metrics, and where. Loadable without Micrometer: it names Micrometer's types
 * only as strings, and touches the classes that use them only once it has found Micrometer on the class path of the
 * component's own classes.
 */
public final class MetricsBinding {

    static final String METER_REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";

    private MetricsBinding() {
    }

    /** Whether Micrometer can be used by the component's classes. */
    public static boolean isMicrometerPresent() {
        return meterRegistryClass() != null;
    }

    /**
     * The listener that records the component's metrics, or null when there is nothing to record them in: Micrometer
     * is absent, no registry is given and none is found, or one of the listeners already is a
     * {@link WhatsAppMarketingMetrics}.
     *
     * @param meterRegistry the component's {@code meterRegistry} option: a {@code MeterRegistry}, or null to look for
     *                      one in Camel's registry (the one named {@code metricsRegistry}, as camel-micrometer binds
     *                      it, else the only one)
     * @throws IllegalArgumentException when {@code meterRegistry} is not a Micrometer {@code MeterRegistry}
     */
    public static WhatsAppMarketingListener metricsListener(Object meterRegistry, Registry registry,
            Collection<WhatsAppMarketingListener> listeners) {
        Class<?> type = meterRegistryClass();
        if (meterRegistry != null && (type == null || !type.isInstance(meterRegistry))) {
            throw new IllegalArgumentException("The meterRegistry option must be a " + METER_REGISTRY_CLASS + ", was a "
                                               + meterRegistry.getClass().getName()
                                               + (type == null ? " (Micrometer is not on the class path)" : ""));
        }
        return type == null ? null : MeterRegistryLookup.metricsListener(meterRegistry, registry, listeners);
    }

    private static Class<?> meterRegistryClass() {
        try {
            return Class.forName(METER_REGISTRY_CLASS, false, MetricsBinding.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
