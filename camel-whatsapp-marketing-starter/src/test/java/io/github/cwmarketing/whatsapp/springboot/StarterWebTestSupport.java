package io.github.cwmarketing.whatsapp.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.API_KEY;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.APP_SECRET;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.PHONE_NUMBER_ID;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.TOKEN;
import static io.github.cwmarketing.whatsapp.springboot.StarterTestSupport.VERIFY_TOKEN;

/**
 * One web application (Spring MVC on a random port, actuator) shared by the web tests: a webhook route and a send
 * route configured by {@code camel.component.whatsapp-marketing.*} properties only, the Graph API on WireMock. The
 * subclasses add no configuration, so Spring's test-context cache starts the application once for all of them.
 * Metrics export is on (Spring Boot switches it off in tests by default), so {@code /actuator/prometheus} is served.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = { StarterTestApplication.class, StarterWebTestSupport.Routes.class },
                webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                        "camel.component.whatsapp-marketing.access-token=" + TOKEN,
                        "camel.component.whatsapp-marketing.api-key=" + API_KEY,
                        "camel.component.whatsapp-marketing.phone-number-id=" + PHONE_NUMBER_ID,
                        "camel.component.whatsapp-marketing.verify-token=" + VERIFY_TOKEN,
                        "camel.component.whatsapp-marketing.app-secret=" + APP_SECRET,
                        "camel.component.whatsapp-marketing.health-check-token-validation=true",
                        "camel.health.exposure-level=full",
                        "management.endpoints.web.exposure.include=health,configprops,env,prometheus",
                        "management.endpoint.health.show-details=always",
                        "management.endpoint.health.probes.enabled=true",
                        "management.endpoint.health.group.readiness.include=readinessState,camelReadinessState",
                        "management.endpoint.configprops.show-values=always",
                        "management.endpoint.env.show-values=always"
                })
abstract class StarterWebTestSupport {

    static final String WEBHOOK_PATH = "/whatsapp-marketing/webhook";
    /** A webhook with small limits, for the body limit tests: 1 MiB, 500 ms. */
    static final String LIMITED_WEBHOOK_PATH = "/whatsapp-marketing/limited";
    static final int LIMITED_MAX_BODY_SIZE = 1024 * 1024;
    /** A webhook accepting bodies larger than Vert.x's and Tomcat's form defaults: 12 MiB. */
    static final String LARGE_WEBHOOK_PATH = "/whatsapp-marketing/large";
    static final int LARGE_MAX_BODY_SIZE = 12 * 1024 * 1024;
    static final WireMockServer GRAPH_API = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    static {
        GRAPH_API.start();
        Runtime.getRuntime().addShutdownHook(new Thread(GRAPH_API::stop));
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void graphApi(DynamicPropertyRegistry registry) {
        registry.add("camel.component.whatsapp-marketing.base-uri", () -> "http://127.0.0.1:" + GRAPH_API.port());
    }

    @TestConfiguration
    static class Routes {

        @Bean
        RouteBuilder whatsAppRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("whatsapp-marketing:webhook").routeId("statuses").to("mock:statuses");
                    from("whatsapp-marketing:webhook?webhookPath=" + LIMITED_WEBHOOK_PATH + "&maxBodySize="
                         + LIMITED_MAX_BODY_SIZE + "&bodyReadTimeout=500ms").routeId("limited").to("mock:limited");
                    from("whatsapp-marketing:webhook?webhookPath=" + LARGE_WEBHOOK_PATH + "&maxBodySize="
                         + LARGE_MAX_BODY_SIZE).routeId("large").to("mock:limited");
                    from("direct:campaign").routeId("campaign").to("whatsapp-marketing:send");
                }
            };
        }
    }

    HttpResponse<String> httpGet(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> httpPost(String path, byte[] body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }
}
