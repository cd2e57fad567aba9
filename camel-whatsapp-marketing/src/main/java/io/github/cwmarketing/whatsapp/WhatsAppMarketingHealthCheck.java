package io.github.cwmarketing.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.cwmarketing.whatsapp.http.GraphApiErrors;
import io.github.cwmarketing.whatsapp.http.GraphApiRequest;
import io.github.cwmarketing.whatsapp.http.GraphApiResponse;
import io.github.cwmarketing.whatsapp.http.GraphApiTransport;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.operations.GraphApiCall;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;
import org.apache.camel.util.ObjectHelper;
import org.apache.camel.util.URISupport;

/**
 * The readiness check of the whatsapp-marketing component, id {@value #ID}, registered in Camel's health-check
 * registry while the component runs (so it shows in Camel's health API, camel-main's {@code /observe/health} and Spring
 * Boot actuator's {@code health} endpoint).
 * <ul>
 * <li>Configuration: every endpoint that calls the API (every operation but {@code webhook}) has its credentials
 * ({@code accessToken} with provider META, {@code apiKey} with DIALOG360) and an absolute http(s) base URI; every
 * webhook endpoint that verifies signatures has an {@code appSecret}. A gap reports DOWN.</li>
 * <li>When {@code healthCheckTokenValidation=true} (component or endpoint) and the provider is META, the access token
 * is also checked with the Graph API: {@code GET {baseUri}/{apiVersion}/{phoneNumberId}?fields=id} (or {@code /me} without a phone number id).
 * A rejected token (HTTP 401, error code 190) or any other Graph API client error (no permission, unknown phone number
 * id) reports DOWN; a Graph API that cannot be reached or answers 429/5xx reports UNKNOWN, so that a Meta outage does
 * not take the application (and its webhook) out of service. An answer is cached for {@link #TOKEN_CHECK_TTL}, a call
 * waits at most {@link #TOKEN_CHECK_TIMEOUT}.</li>
 * </ul>
 * It is a readiness check only: a configuration gap is not cured by a restart. Details never carry a secret.
 */
public class WhatsAppMarketingHealthCheck extends AbstractHealthCheck {

    public static final String ID = "whatsapp-marketing";
    public static final Duration TOKEN_CHECK_TTL = Duration.ofMinutes(1);
    public static final Duration TOKEN_CHECK_TIMEOUT = Duration.ofSeconds(5);

    private static final int MAX_MESSAGE = 200;

    private final WhatsAppMarketingComponent component;
    private final Map<TokenProbe, CachedAnswer> answers = new ConcurrentHashMap<>();
    private final Clock clock;

    public WhatsAppMarketingHealthCheck(WhatsAppMarketingComponent component) {
        this(component, Clock.systemUTC());
    }

    WhatsAppMarketingHealthCheck(WhatsAppMarketingComponent component, Clock clock) {
        super("camel", ID);
        this.component = component;
        this.clock = clock;
        setCamelContext(component.getCamelContext());
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<String> problems = new ArrayList<>();
        Set<TokenProbe> probes = new LinkedHashSet<>();
        int graphApiEndpoints = 0;
        int webhookEndpoints = 0;

        boolean skippedValidation = false;
        WhatsAppMarketingConfiguration defaults = component.getConfiguration();
        if (defaults != null && defaults.isHealthCheckTokenValidation()) {
            if (defaults.getProvider() != WhatsAppMarketingProvider.META) {
                skippedValidation = true;
            } else if (defaults.configurationProblems(WhatsAppMarketingOperation.send).isEmpty()) {
                probes.add(TokenProbe.of(defaults));
            }
        }
        for (WhatsAppMarketingEndpoint endpoint : endpoints()) {
            WhatsAppMarketingConfiguration configuration = endpoint.getConfiguration();
            String where = URISupport.sanitizeUri(endpoint.getEndpointUri());
            List<String> endpointProblems = configuration.configurationProblems(endpoint.getOperation());
            endpointProblems.forEach(problem -> problems.add(where + ": " + problem));
            if (endpoint.getOperation() == WhatsAppMarketingOperation.webhook) {
                webhookEndpoints++;
                continue;
            }
            graphApiEndpoints++;
            if (configuration.isHealthCheckTokenValidation()) {
                if (configuration.getProvider() != WhatsAppMarketingProvider.META) {
                    skippedValidation = true;
                } else if (endpointProblems.isEmpty()) {
                    probes.add(TokenProbe.of(configuration));
                }
            }
        }
        if (skippedValidation) {
            builder.detail("token.validation.skipped", "provider DIALOG360: only Meta's access tokens are validated");
        }
        builder.detail("graph.api.endpoints", graphApiEndpoints);
        builder.detail("webhook.endpoints", webhookEndpoints);

        boolean unknown = false;
        if (!probes.isEmpty()) {
            Map<String, String> tokenResults = new LinkedHashMap<>();
            for (TokenProbe probe : probes) {
                Answer answer = answer(probe);
                tokenResults.put(probe.describe(), answer.state() + (answer.message() == null ? "" : ": " + answer.message()));
                if (answer.state() == HealthCheck.State.DOWN) {
                    problems.add("access token for " + probe.describe() + ": " + answer.message());
                } else if (answer.state() == HealthCheck.State.UNKNOWN) {
                    unknown = true;
                }
            }
            builder.detail("token.validation", tokenResults.toString());
        }

        if (!problems.isEmpty()) {
            builder.detail("problems", String.join("; ", problems));
            builder.message(String.join("; ", problems));
            builder.down();
        } else if (unknown) {
            builder.message("The Graph API could not confirm the access token");
            builder.unknown();
        } else {
            builder.up();
        }
    }

    private List<WhatsAppMarketingEndpoint> endpoints() {
        CamelContext context = getCamelContext() != null ? getCamelContext() : component.getCamelContext();
        List<WhatsAppMarketingEndpoint> answer = new ArrayList<>();
        for (Endpoint endpoint : context.getEndpoints()) {
            if (endpoint instanceof WhatsAppMarketingEndpoint wa && wa.getComponent() == component) {
                answer.add(wa);
            }
        }
        return answer;
    }

    private Answer answer(TokenProbe probe) {
        Instant now = clock.instant();
        CachedAnswer cached = answers.get(probe);
        if (cached != null && cached.expires().isAfter(now)) {
            return cached.answer();
        }
        Answer answer = ask(probe);
        answers.put(probe, new CachedAnswer(answer, now.plus(TOKEN_CHECK_TTL)));
        return answer;
    }

    private Answer ask(TokenProbe probe) {
        GraphApiRequest request = new GraphApiUrls(probe.configuration()).node(probe.call(), null);
        GraphApiTransport transport;
        try {
            transport = component.transport(probe.configuration());
        } catch (RuntimeException e) {
            return new Answer(HealthCheck.State.DOWN, "cannot create the HTTP client: " + e.getMessage());
        }
        GraphApiResponse response;
        try {
            response = transport.execute(request, TOKEN_CHECK_TIMEOUT)
                    .get(TOKEN_CHECK_TIMEOUT.toMillis() + probe.configuration().getConnectTimeout() + 1_000,
                            TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(HealthCheck.State.UNKNOWN, "interrupted");
        } catch (ExecutionException e) {
            return new Answer(HealthCheck.State.UNKNOWN, "Graph API not reachable: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            return new Answer(HealthCheck.State.UNKNOWN, "no answer from the Graph API in time");
        }
        if (response.isSuccess()) {
            return new Answer(HealthCheck.State.UP, null);
        }
        WhatsAppMarketingApiException error = new GraphApiErrors(component.objectMapper()).toException(response);
        String what = "HTTP " + response.status() + (error.getCode() != 0 ? ", code " + error.getCode() : "") + ": "
                      + shorten(error.getErrorMessage());
        if (response.status() == 401 || error.getCode() == 190) {
            return new Answer(HealthCheck.State.DOWN, "rejected by the Graph API (" + what + ")");
        }
        if (response.status() == 429 || response.status() >= 500 || error.isTransient()) {
            return new Answer(HealthCheck.State.UNKNOWN, "Graph API unavailable (" + what + ")");
        }
        return new Answer(HealthCheck.State.DOWN, "refused by the Graph API (" + what + ")");
    }

    /** Forgets the cached Graph API answers, e.g. after the access token was rotated. */
    public void clearCachedAnswers() {
        answers.clear();
    }

    private static String shorten(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
    }

    private record Answer(HealthCheck.State state, String message) {
    }

    private record CachedAnswer(Answer answer, Instant expires) {
    }

    /**
     * One token check: {@code GET /{phoneNumberId}?fields=id}, or {@code /me} without a phone number id, on the
     * effective base URI. Equal when the call would be equal, so endpoints sharing a token and number share one call;
     * the token takes part in equality but never in {@link #toString()}.
     */
    private record TokenProbe(String baseUri, String apiVersion, String phoneNumberId, String accessToken,
                              WhatsAppMarketingConfiguration configuration) {

        static TokenProbe of(WhatsAppMarketingConfiguration configuration) {
            return new TokenProbe(configuration.effectiveBaseUri(), configuration.getApiVersion(),
                    ObjectHelper.isNotEmpty(configuration.getPhoneNumberId()) ? configuration.getPhoneNumberId() : null,
                    configuration.getAccessToken(), configuration);
        }

        GraphApiCall call() {
            return GraphApiCall.get(phoneNumberId != null ? phoneNumberId : "me", "id");
        }

        String describe() {
            return phoneNumberId != null ? "phone number id " + phoneNumberId : "/me";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenProbe probe && baseUri.equals(probe.baseUri)
                   && apiVersion.equals(probe.apiVersion) && Objects.equals(phoneNumberId, probe.phoneNumberId)
                   && accessToken.equals(probe.accessToken);
        }

        @Override
        public int hashCode() {
            return Objects.hash(baseUri, apiVersion, phoneNumberId, accessToken);
        }

        @Override
        public String toString() {
            return "TokenProbe[" + baseUri + ", " + apiVersion + ", " + describe() + "]";
        }
    }
}
