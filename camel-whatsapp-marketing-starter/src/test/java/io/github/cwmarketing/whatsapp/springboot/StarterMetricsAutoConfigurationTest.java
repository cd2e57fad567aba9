package io.github.cwmarketing.whatsapp.springboot;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which MeterRegistry the starter gives the component: the application's (the primary one of several), a bean named by
 * {@code meter-registry}, none without Micrometer; and {@code metrics-enabled=false}.
 */
class StarterMetricsAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                    WhatsAppMarketingComponentConverter.class, WhatsAppMarketingComponentAutoConfiguration.class,
                    WhatsAppMarketingMetricsAutoConfiguration.class));

    private static WhatsAppMarketingComponent component(ApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("whatsapp-marketing", WhatsAppMarketingComponent.class);
    }

    @Test
    void theApplicationsMeterRegistryIsTheComponents() {
        runner.withUserConfiguration(OneRegistry.class).run(context -> {
            assertThat(component(context).isMetricsEnabled()).isTrue();
            assertThat(component(context).getMeterRegistry()).isSameAs(context.getBean(MeterRegistry.class));
        });
    }

    @Test
    void ofSeveralRegistriesThePrimaryOne() {
        runner.withUserConfiguration(TwoRegistries.class).run(context ->
                assertThat(component(context).getMeterRegistry()).isSameAs(context.getBean("primaryRegistry")));
    }

    @Test
    void aBeanReferenceChoosesAnother() {
        runner.withUserConfiguration(TwoRegistries.class)
                .withPropertyValues("camel.component.whatsapp-marketing.meter-registry=#bean:campaignRegistry")
                .run(context -> assertThat(component(context).getMeterRegistry())
                        .isSameAs(context.getBean("campaignRegistry")));
    }

    @Test
    void metricsCanBeSwitchedOff() {
        runner.withUserConfiguration(OneRegistry.class)
                .withPropertyValues("camel.component.whatsapp-marketing.metrics-enabled=false")
                .run(context -> assertThat(component(context).isMetricsEnabled()).isFalse());
    }

    @Test
    void withoutMicrometerNothingIsWiredAndTheComponentStillWorks() {
        runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .withPropertyValues("camel.component.whatsapp-marketing.phone-number-id=1234567890")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(WhatsAppMarketingMetricsAutoConfiguration.class);
                    assertThat(component(context).getMeterRegistry()).isNull();
                    assertThat(component(context).getConfiguration().getPhoneNumberId()).isEqualTo("1234567890");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OneRegistry {

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoRegistries {

        @Bean
        @Primary
        MeterRegistry primaryRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        MeterRegistry campaignRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
