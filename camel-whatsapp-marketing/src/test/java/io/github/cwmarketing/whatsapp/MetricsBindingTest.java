package io.github.cwmarketing.whatsapp;

import java.util.List;

import io.github.cwmarketing.whatsapp.metrics.WhatsAppMarketingMetrics;
import io.github.cwmarketing.whatsapp.spi.CompositeListener;
import io.github.cwmarketing.whatsapp.support.LogCapture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Where the component finds its MeterRegistry with no Spring Boot: the {@code meterRegistry} option, else
 * camel-micrometer's {@code metricsRegistry}, else the only registry or the only composite of several; none when it
 * cannot tell, when {@code metricsEnabled=false}, or when the application registered its own metrics listener.
 */
class MetricsBindingTest {

    private static List<MeterRegistry> metricsRegistries(CamelContext context) throws Exception {
        context.start();
        WhatsAppMarketingComponent component = context.getComponent("whatsapp-marketing",
                WhatsAppMarketingComponent.class);
        return ((CompositeListener) component.listener()).listeners().stream()
                .filter(WhatsAppMarketingMetrics.class::isInstance)
                .map(listener -> ((WhatsAppMarketingMetrics) listener).registry()).toList();
    }

    @Test
    void theOptionWins() throws Exception {
        SimpleMeterRegistry option = new SimpleMeterRegistry();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("metricsRegistry", new SimpleMeterRegistry());
            context.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class).setMeterRegistry(option);
            assertThat(metricsRegistries(context)).containsExactly(option);
        }
    }

    @Test
    void theOnlyRegistryInTheRegistry() throws Exception {
        SimpleMeterRegistry only = new SimpleMeterRegistry();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("myRegistry", only);
            assertThat(metricsRegistries(context)).containsExactly(only);
        }
    }

    @Test
    void camelMicrometersRegistryOfSeveral() throws Exception {
        SimpleMeterRegistry camels = new SimpleMeterRegistry();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("another", new SimpleMeterRegistry());
            context.getRegistry().bind("metricsRegistry", camels);
            assertThat(metricsRegistries(context)).containsExactly(camels);
        }
    }

    @Test
    void theCompositeOfSeveral() throws Exception {
        SimpleMeterRegistry child = new SimpleMeterRegistry();
        CompositeMeterRegistry composite = new CompositeMeterRegistry();
        composite.add(child);
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("child", child);
            context.getRegistry().bind("composite", composite);
            assertThat(metricsRegistries(context)).containsExactly(composite);
        }
    }

    @Test
    void noneWhenItCannotTellWhichAndItSaysSo() throws Exception {
        try (CamelContext context = new DefaultCamelContext(); LogCapture logs = LogCapture.open()) {
            context.getRegistry().bind("one", new SimpleMeterRegistry());
            context.getRegistry().bind("two", new SimpleMeterRegistry());
            assertThat(metricsRegistries(context)).isEmpty();
            assertThat(logs.lines()).anyMatch(line -> line.contains("2 MeterRegistry beans")
                                                      && line.contains("meterRegistry option"));
        }
    }

    @Test
    void noneWithoutARegistry() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            assertThat(metricsRegistries(context)).isEmpty();
        }
    }

    @Test
    void noneWhenSwitchedOff() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("myRegistry", new SimpleMeterRegistry());
            context.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class).setMetricsEnabled(false);
            assertThat(metricsRegistries(context)).isEmpty();
        }
    }

    @Test
    void theApplicationsOwnMetricsListenerIsTheOnlyOne() throws Exception {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("metricsRegistry", new SimpleMeterRegistry());
            context.getRegistry().bind("metrics", new WhatsAppMarketingMetrics(own));
            assertThat(metricsRegistries(context)).containsExactly(own);
        }
    }

    @Test
    void anOptionThatIsNoMeterRegistryFailsClearly() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class)
                    .setMeterRegistry("prometheusMeterRegistry");
            assertThatThrownBy(context::start)
                    .hasStackTraceContaining("meterRegistry option must be a io.micrometer.core.instrument"
                                             + ".MeterRegistry, was a java.lang.String");
        }
    }

    @Test
    void aBeanReferenceAsCamelMainAndYamlGiveItIsResolved() throws Exception {
        SimpleMeterRegistry referenced = new SimpleMeterRegistry();
        try (CamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("one", new SimpleMeterRegistry());
            context.getRegistry().bind("campaignRegistry", referenced);
            // what camel.component.whatsapp-marketing.meterRegistry=#bean:campaignRegistry does in Camel Main
            PropertyBindingSupport.build().bind(context,
                    context.getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class),
                    "meterRegistry", "#bean:campaignRegistry");
            assertThat(metricsRegistries(context)).containsExactly(referenced);
        }
    }
}
