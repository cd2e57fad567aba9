package io.github.cwmarketing.whatsapp.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WireMock extension that routes each stubbed request to its {@link GraphApiHandler} and renders the handler's
 * answer, with the optional random response latency.
 */
final class GraphApiTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "whatsapp-sandbox-graph-api";
    private static final String HANDLER_PARAMETER = "handler";
    private static final String CONTENT_TYPE = "application/json; charset=UTF-8";
    private static final Logger LOG = LoggerFactory.getLogger(GraphApiTransformer.class);

    private final Map<String, GraphApiHandler> handlersByName;
    private final int minLatencyMillis;
    private final int maxLatencyMillis;

    GraphApiTransformer(List<GraphApiHandler> handlers, Duration minLatency, Duration maxLatency) {
        this.handlersByName = handlers.stream().collect(Collectors.toMap(GraphApiHandler::name, Function.identity()));
        this.minLatencyMillis = (int) minLatency.toMillis();
        this.maxLatencyMillis = (int) maxLatency.toMillis();
    }

    /** The WireMock stub that sends {@code handler}'s requests through this transformer. */
    static MappingBuilder stubFor(GraphApiHandler handler) {
        return handler.requests().willReturn(aResponse()
                .withTransformers(NAME)
                .withTransformerParameter(HANDLER_PARAMETER, handler.name()));
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        GraphApiHandler handler = handlersByName.get(serveEvent.getTransformerParameters().getString(HANDLER_PARAMETER));
        GraphResponse response = handleSafely(handler, toGraphRequest(serveEvent.getRequest()))
                .withHeaderIfAbsent("x-fb-trace-id", GraphIds.fbtraceId())
                .withHeader("x-fb-request-id", GraphIds.requestId());
        return render(response);
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    private static GraphResponse handleSafely(GraphApiHandler handler, GraphRequest request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException e) {
            LOG.error("Sandbox handler {} failed on {} {}", handler.name(), request.method(), request.path(), e);
            return ErrorEnvelope.response(WhatsAppError.UNKNOWN);
        }
    }

    private ResponseDefinition render(GraphResponse response) {
        ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(response.status())
                .withHeader("Content-Type", CONTENT_TYPE)
                .withBody(response.body());
        response.headers().forEach(builder::withHeader);
        if (maxLatencyMillis > 0) {
            builder.withUniformRandomDelay(minLatencyMillis, maxLatencyMillis);
        }
        return builder.build();
    }

    private static GraphRequest toGraphRequest(Request request) {
        Map<String, String> headers = new HashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.putIfAbsent(header.key().toLowerCase(Locale.ROOT), header.firstValue());
        }
        String url = request.getUrl();
        int query = url.indexOf('?');
        String path = query < 0 ? url : url.substring(0, query);
        Map<String, String> parameters = query < 0 ? Map.of() : queryParameters(url.substring(query + 1));
        return new GraphRequest(request.getMethod().value(), path, parameters, headers, request.getBody());
    }

    private static Map<String, String> queryParameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            if (!name.isEmpty()) {
                parameters.putIfAbsent(decode(name), decode(value));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a malformed %-escape: keep it as sent, the handler then rejects the value
        }
    }
}
