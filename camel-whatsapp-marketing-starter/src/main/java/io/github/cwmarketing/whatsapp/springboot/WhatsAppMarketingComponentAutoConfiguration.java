package io.github.cwmarketing.whatsapp.springboot;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.apache.camel.util.StringHelper;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Auto-configures the whatsapp-marketing component from {@code camel.component.whatsapp-marketing.*}, in the shape of
 * Camel's generated starters: a {@link ComponentCustomizer} copies the properties onto the component when Camel creates
 * it. Switched off by {@code camel.component.whatsapp-marketing.enabled=false} (or {@code camel.component.enabled=false});
 * the customizer alone by {@code camel.component.whatsapp-marketing.customizer.enabled=false}.
 * <p>
 * When actuator is present, a {@link SanitizingFunction} masks the component's secrets in the {@code configprops} and
 * {@code env} endpoints, even with {@code show-values=always}. In a servlet web application, a
 * {@link WhatsAppMarketingWebhookBodyFilter} bounds webhook bodies before Camel's platform-http binding reads them.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, WhatsAppMarketingComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, WhatsAppMarketingComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.whatsapp-marketing" })
public class WhatsAppMarketingComponentAutoConfiguration {

    static final String PREFIX = "camel.component.whatsapp-marketing";

    /** Properties of the auto-configuration layer itself, not options of the component. */
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer");

    @Lazy
    @Bean
    public ComponentCustomizer configureWhatsAppMarketingComponent(CamelContext camelContext,
            ApplicationContext applicationContext, WhatsAppMarketingComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                applyProperties(camelContext, applicationContext.getEnvironment(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        PREFIX + ".customizer") && target instanceof WhatsAppMarketingComponent;
            }
        };
    }

    /**
     * Copies the properties onto the component, as Camel's {@link CamelPropertiesHelper#copyProperties} does, with two
     * differences: an option the component does not take fails instead of being skipped, and a {@code configuration}
     * bean is set first, then only the properties set explicitly are applied on top of it (the defaults of this class
     * would otherwise overwrite the bean's values).
     */
    static void applyProperties(CamelContext camelContext, Environment environment,
            WhatsAppMarketingComponentConfiguration configuration, Component target) {
        Map<String, Object> properties = new LinkedHashMap<>(
                CamelPropertiesHelper.getNonNullProperties(camelContext, configuration));
        properties.keySet().removeIf(key -> STARTER_ONLY.contains(key.toLowerCase(Locale.ROOT)));
        Object base = properties.remove("configuration");
        if (base != null) {
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("configuration", base);
            CamelPropertiesHelper.setCamelProperties(camelContext, target, first, true);
            properties.keySet().removeIf(key -> !isSetExplicitly(environment, key));
        }
        CamelPropertiesHelper.setCamelProperties(camelContext, target, properties, true);
    }

    private static boolean isSetExplicitly(Environment environment, String option) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(PREFIX + '.'
                                                                      + StringHelper.camelCaseToDash(option));
        for (var source : ConfigurationPropertySources.get(environment)) {
            if (source.getConfigurationProperty(name) != null) {
                return true;
            }
        }
        return false;
    }

    /** Bounds webhook bodies on the servlet web server, in front of camel-platform-http-starter's binding. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(OncePerRequestFilter.class)
    static class WebhookBodyFilterConfiguration {

        /** Early, before any filter that might read a request body. */
        static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

        @Bean
        @ConditionalOnMissingBean(name = "whatsAppMarketingWebhookBodyFilter")
        FilterRegistrationBean<WhatsAppMarketingWebhookBodyFilter> whatsAppMarketingWebhookBodyFilter(
                CamelContext camelContext) {
            FilterRegistrationBean<WhatsAppMarketingWebhookBodyFilter> registration =
                    new FilterRegistrationBean<>(new WhatsAppMarketingWebhookBodyFilter(camelContext));
            registration.setOrder(ORDER);
            return registration;
        }
    }

    /** Masks the component's secrets in actuator's {@code configprops} and {@code env} endpoints. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SecretsSanitizingConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "whatsAppMarketingSanitizingFunction")
        SanitizingFunction whatsAppMarketingSanitizingFunction() {
            return new WhatsAppMarketingSanitizingFunction();
        }
    }
}
