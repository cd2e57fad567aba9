package io.github.cwmarketing.whatsapp.springboot;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Records the component's metrics in the application's {@link MeterRegistry} (so they are in actuator's
 * {@code metrics} and {@code prometheus} endpoints): when Micrometer is present, the component's {@code meterRegistry}
 * option defaults to the application's registry, the primary one when there are several (Spring Boot's composite).
 * A {@code camel.component.whatsapp-marketing.meter-registry} bean reference wins; {@code metrics-enabled=false}
 * records nothing.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, WhatsAppMarketingComponentAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.whatsapp-marketing" })
public class WhatsAppMarketingMetricsAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureWhatsAppMarketingMeterRegistry(ObjectProvider<MeterRegistry> meterRegistries) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                WhatsAppMarketingComponent component = (WhatsAppMarketingComponent) target;
                if (component.getMeterRegistry() == null) {
                    component.setMeterRegistry(meterRegistries.getIfUnique());
                }
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof WhatsAppMarketingComponent;
            }
        };
    }
}
