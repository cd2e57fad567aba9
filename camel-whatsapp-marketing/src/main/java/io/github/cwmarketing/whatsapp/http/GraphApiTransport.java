package io.github.cwmarketing.whatsapp.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;
import org.apache.camel.CamelContext;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

/**
 * The non-blocking HTTP transport to the Graph API, on one pooled Apache HttpClient 5 async client (HTTP/2 when the
 * server offers it over TLS). Every call completes: with the response, or with a
 * {@link WhatsAppMarketingTransportException} no later than connect timeout + response timeout.
 */
public class GraphApiTransport implements Closeable {

    /**
     * {@code camel-whatsapp-marketing/<x.y.z>[;<qualifier>]}: Meta's spec requires a plain {@code x.y.z} version, so
     * a qualifier such as SNAPSHOT goes after a semicolon, where the spec allows one.
     */
    public static final String USER_AGENT = "camel-whatsapp-marketing/" + componentVersion().replaceFirst("-", ";");
    private static final ContentType JSON = ContentType.create("application/json");
    private static final String USAGE_HEADER = "x-business-use-case-usage";
    private static final long DEADLINE_MARGIN_MILLIS = 1_000;

    private final CloseableHttpAsyncClient client;
    private final ScheduledExecutorService scheduler;
    private final Duration connectTimeout;

    public GraphApiTransport(CamelContext camelContext, HttpClientSettings settings, ScheduledExecutorService scheduler)
            throws Exception {
        this.scheduler = scheduler;
        this.connectTimeout = settings.connectTimeout();
        this.client = buildClient(camelContext, settings);
        this.client.start();
    }

    /** The component's version, written into {@code version.properties} by the build. */
    private static String componentVersion() {
        Properties properties = new Properties();
        try (InputStream in = GraphApiTransport.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // the user agent then carries no version; nothing else depends on it
        }
        return properties.getProperty("version", "0.0.0");
    }

    private static CloseableHttpAsyncClient buildClient(CamelContext camelContext, HttpClientSettings settings)
            throws Exception {
        PoolingAsyncClientConnectionManagerBuilder connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .build())
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.NEGOTIATE).build());
        if (settings.sslContextParameters() != null) {
            SSLContext sslContext = settings.sslContextParameters().createSSLContext(camelContext);
            connections.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildAsync());
        }
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(connections.build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(Math.min(2, Runtime.getRuntime()
                        .availableProcessors())).build())
                .setUserAgent(USER_AGENT)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling();
        if (settings.proxyHost() != null) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort() == null ? 8080 : settings.proxyPort()));
        }
        if (settings.configurer() != null) {
            settings.configurer().configure(builder);
        }
        return builder.build();
    }

    /**
     * Sends the request. The future completes with the response (any HTTP status), or exceptionally with a
     * {@link WhatsAppMarketingTransportException}.
     */
    public CompletableFuture<GraphApiResponse> execute(GraphApiRequest request, Duration responseTimeout) {
        SimpleHttpRequest httpRequest = SimpleHttpRequest.create(request.method(), request.uri());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            httpRequest.setHeader(header.getKey(), header.getValue());
        }
        if (request.body() != null) {
            httpRequest.setBody(request.body(), JSON);
        }
        httpRequest.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(responseTimeout)).build());

        CompletableFuture<GraphApiResponse> result = new CompletableFuture<>();
        Future<SimpleHttpResponse> call = client.execute(httpRequest, new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                result.complete(toResponse(response));
            }

            @Override
            public void failed(Exception cause) {
                result.completeExceptionally(toTransportException(cause));
            }

            @Override
            public void cancelled() {
                result.completeExceptionally(
                        new WhatsAppMarketingTransportException("Graph API call cancelled", true, null));
            }
        });
        enforceDeadline(result, call, responseTimeout);
        return result;
    }

    // HttpClient's own timeouts cover connect and inactivity; the deadline also covers a server that trickles bytes.
    private void enforceDeadline(CompletableFuture<GraphApiResponse> result, Future<?> call, Duration responseTimeout) {
        long deadline = connectTimeout.toMillis() + responseTimeout.toMillis() + DEADLINE_MARGIN_MILLIS;
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            if (result.completeExceptionally(new WhatsAppMarketingTransportException(
                    "No response from the Graph API within " + deadline + " ms", true, null))) {
                call.cancel(true);
            }
        }, deadline, TimeUnit.MILLISECONDS);
        result.whenComplete((response, failure) -> timer.cancel(false));
    }

    private static GraphApiResponse toResponse(SimpleHttpResponse response) {
        Header usage = response.getFirstHeader(USAGE_HEADER);
        byte[] body = response.getBodyBytes();
        return new GraphApiResponse(response.getCode(), body == null ? new byte[0] : body,
                usage == null ? null : usage.getValue());
    }

    static WhatsAppMarketingTransportException toTransportException(Exception cause) {
        boolean sent = !isBeforeSending(cause);
        String what = sent ? "Graph API call failed after the request was sent" : "Could not reach the Graph API";
        return new WhatsAppMarketingTransportException(what + ": " + cause, sent, cause);
    }

    private static boolean isBeforeSending(Exception cause) {
        return cause instanceof ConnectException
                || cause instanceof ConnectTimeoutException
                || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException
                || cause instanceof SSLHandshakeException;
    }

    @Override
    public void close() throws IOException {
        client.close(CloseMode.GRACEFUL);
    }
}
