package io.github.cwmarketing.whatsapp.examples.springboot;

import java.time.Duration;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingComponent;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConfiguration;
import io.github.cwmarketing.whatsapp.sandbox.WhatsAppSandbox;
import org.apache.camel.Component;
import org.apache.camel.Ordered;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The {@code sandbox} profile (the default): starts the embedded Graph API simulator with the application's own
 * credentials ({@code application-sandbox.yml}), points the component's base URI at it, and tells the simulator where
 * to POST its signed status webhooks: this application's own webhook.
 */
@Configuration(proxyBeanMethods = false)
@Profile("sandbox")
public class SandboxConfiguration {

    @Bean(destroyMethod = "stop")
    WhatsAppSandbox whatsAppSandbox(@Value("${example.sandbox.port:0}") int port,
                                    @Value("${example.sandbox.status-delay:500ms}") Duration statusDelay,
                                    @Value("${camel.component.whatsapp-marketing.access-token}") String accessToken,
                                    @Value("${camel.component.whatsapp-marketing.app-secret}") String appSecret,
                                    @Value("${camel.component.whatsapp-marketing.phone-number-id}") String phoneNumberId) {
        return WhatsAppSandbox.builder()
                .port(port)
                .statusDelay(statusDelay)
                .accessToken(accessToken)
                .appSecret(appSecret)
                .phoneNumberId(phoneNumberId)
                .build()
                .start();
    }

    /** Runs after the starter's customizer, so the sandbox's address wins over the base URI of application.yml. */
    @Bean
    ComponentCustomizer sandboxGraphApi(WhatsAppSandbox sandbox) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                WhatsAppMarketingConfiguration configuration = ((WhatsAppMarketingComponent) target).getConfiguration();
                configuration.setBaseUri(sandbox.baseUri().toString());
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof WhatsAppMarketingComponent;
            }

            @Override
            public int getOrder() {
                return Ordered.LOWEST;
            }
        };
    }

    /** The webhook's URL on this application: its port, servlet context path and the component's webhook path. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> sandboxCallbackUrl(WhatsAppSandbox sandbox,
            @Value("${server.servlet.context-path:}") String contextPath,
            @Value("${camel.component.whatsapp-marketing.webhook-path:/whatsapp-marketing/webhook}") String path) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() == null) { // not a separate management server
                sandbox.callbackUrl("http://127.0.0.1:" + event.getWebServer().getPort() + contextPath + path);
            }
        };
    }
}
