package io.github.cwmarketing.whatsapp.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with {@code camel-whatsapp-marketing-starter}: {@code POST /api/messages} sends a marketing
 * template through {@code whatsapp-marketing:send}, and the status webhooks Meta sends back are received by
 * {@code whatsapp-marketing:webhook} on the same web server and logged one line each.
 * <p>
 * The default profile {@code sandbox} runs everything against the embedded Graph API simulator, with no Meta account;
 * any other profile (e.g. {@code SPRING_PROFILES_ACTIVE=meta}) uses the {@code WHATSAPP_*} environment variables.
 */
@SpringBootApplication
public class WhatsAppExampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(WhatsAppExampleApplication.class, args);
    }
}
