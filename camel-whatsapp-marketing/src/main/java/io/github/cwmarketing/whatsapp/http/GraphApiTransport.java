package io.github.cwmarketing.whatsapp.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLContext;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;
import org.apache.camel.CamelContext;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The non-blocking HTTP transport to the Graph API on Apache HttpClient 5 async clients: over TLS, HTTP/2 on several
 * connections each under the server's stream limit ({@link Http2Connections}); in clear text, through a proxy, with an
 * {@link HttpClientConfigurer}, or when the server does not choose HTTP/2, HTTP/1.1 on one pooled client (one request
 * per connection at a time). Every call completes: with the response, or with a
 * {@link WhatsAppMarketingTransportException} that tells truthfully whether the request was sent (see
 * {@link Attempt}), no later than connection request timeout + connect timeout + response timeout + 1 s.
 */
public class GraphApiTransport implements Closeable {

    /**
     * {@code camel-whatsapp-marketing/<x.y.z>[;<qualifier>]}: Meta's spec requires a plain {@code x.y.z} version, so
     * a qualifier such as SNAPSHOT goes after a semicolon, where the spec allows one.
     */
    public static final String USER_AGENT = "camel-whatsapp-marketing/" + componentVersion().replaceFirst("-", ";");
    private static final ContentType JSON = ContentType.create("application/json");
    /** The longest response body read: every Graph API answer the component uses is a few kilobytes at most. */
    public static final int MAX_RESPONSE_BODY_BYTES = 1024 * 1024;
    /** How long a connection may stay unused before it is closed (the first HTTP/2 connection is kept). */
    static final Duration CONNECTION_IDLE_TIMEOUT = Duration.ofSeconds(60);
    private static final String USAGE_HEADER = "x-business-use-case-usage";
    private static final Logger LOG = LoggerFactory.getLogger(GraphApiTransport.class);

    private final CamelContext camelContext;
    private final HttpClientSettings settings;
    private final ScheduledExecutorService scheduler;
    private final Duration connectTimeout;
    private final Http2Connections http2;
    private volatile boolean http2Refused;
    private CloseableHttpAsyncClient http1;
    private TlsStrategy http2Tls;

    public GraphApiTransport(CamelContext camelContext, HttpClientSettings settings, ScheduledExecutorService scheduler)
            throws Exception {
        this(camelContext, settings, scheduler, CONNECTION_IDLE_TIMEOUT);
    }

    GraphApiTransport(CamelContext camelContext, HttpClientSettings settings, ScheduledExecutorService scheduler,
                      Duration http2IdleTimeout) {
        this.camelContext = camelContext;
        this.settings = settings;
        this.scheduler = scheduler;
        this.connectTimeout = settings.connectTimeout();
        boolean http2Possible = settings.proxyHost() == null && settings.configurer() == null;
        this.http2 = http2Possible
                ? new Http2Connections(this::http2Client, settings.maxConnections(), http2IdleTimeout, scheduler) : null;
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

    /** The HTTP/1.1 client, made when first needed. */
    private synchronized CloseableHttpAsyncClient http1() {
        if (http1 == null) {
            try {
                http1 = http1Client(camelContext, settings);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot create the HTTP client: " + e.getMessage(), e);
            }
            http1.start();
        }
        return http1;
    }

    /** The TLS strategy of every HTTP/2 connection, made once: an SSL context is costly to make. */
    private synchronized TlsStrategy http2Tls() {
        if (http2Tls == null) {
            SSLContext sslContext;
            try {
                sslContext = settings.sslContextParameters() != null
                        ? settings.sslContextParameters().createSSLContext(camelContext) : SSLContext.getDefault();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot create the TLS context: " + e.getMessage(), e);
            }
            http2Tls = new AlpnCheck(ClientTlsStrategyBuilder.create().setSslContext(sslContext).buildAsync(),
                    this::http2Refused);
        }
        return http2Tls;
    }

    /** The client of one more HTTP/2 connection, started; with one I/O thread. */
    private CloseableHttpAsyncClient http2Client() {
        CloseableHttpAsyncClient client = HttpAsyncClients.customHttp2()
                .setTlsStrategy(http2Tls())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout())).build())
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).build())
                .setUserAgent(USER_AGENT)
                .addRequestInterceptorLast(new HandOverInterceptor())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableRedirectHandling()
                .build();
        client.start();
        return client;
    }

    private void http2Refused() {
        if (!http2Refused) {
            http2Refused = true;
            LOG.info("The Graph API server did not choose HTTP/2; sending over HTTP/1.1 from now on");
        }
    }

    /** HTTP/2 for https when the server takes it; HTTP/1.1 otherwise. */
    private boolean viaHttp2(GraphApiRequest request) {
        return http2 != null && !http2Refused && "https".equalsIgnoreCase(request.uri().getScheme());
    }

    private static CloseableHttpAsyncClient http1Client(CamelContext camelContext, HttpClientSettings settings)
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
                .addRequestInterceptorLast(new HandOverInterceptor())
                .evictIdleConnections(TimeValue.of(CONNECTION_IDLE_TIMEOUT))
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
     * Sends the request, waiting at most the connect timeout for a pooled connection. See
     * {@link #execute(GraphApiRequest, Duration, Duration)}.
     */
    public CompletableFuture<GraphApiResponse> execute(GraphApiRequest request, Duration responseTimeout) {
        return execute(request, connectTimeout, responseTimeout);
    }

    /**
     * Sends the request. The future completes with the response (any HTTP status), or exceptionally with a
     * {@link WhatsAppMarketingTransportException} whose {@code isRequestSent()} says whether the request was handed
     * to a connection: never later than {@code connectionRequestTimeout} + connect timeout after this call if it was
     * not, nor later than {@code responseTimeout} plus a second after the hand-over if it was.
     *
     * @param connectionRequestTimeout how long to wait for a pooled connection when all are in use
     * @param responseTimeout          how long to wait for the response once the request is sent
     */
    public CompletableFuture<GraphApiResponse> execute(GraphApiRequest request, Duration connectionRequestTimeout,
                                                       Duration responseTimeout) {
        SimpleHttpRequest httpRequest = SimpleHttpRequest.create(request.method(), request.uri());
        for (Map.Entry<String, String> header : request.headers().entrySet()) {
            httpRequest.setHeader(header.getKey(), header.getValue());
        }
        if (request.body() != null) {
            httpRequest.setBody(request.body(), JSON);
        }
        httpRequest.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.of(connectionRequestTimeout))
                .setResponseTimeout(Timeout.of(responseTimeout))
                .build());

        Attempt attempt = new Attempt(scheduler, connectionRequestTimeout, connectTimeout, responseTimeout);
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(Attempt.CONTEXT_ATTRIBUTE, attempt);
        CompletableFuture<GraphApiResponse> result = attempt.result();
        attempt.start();
        try {
            attempt.call(viaHttp2(request)
                    ? http2.execute(SimpleRequestProducer.create(httpRequest), boundedResponse(), context,
                            callback(attempt))
                    : http1().execute(SimpleRequestProducer.create(httpRequest), boundedResponse(), null, context,
                            callback(attempt)));
        } catch (RuntimeException e) {
            result.completeExceptionally(toTransportException(e, false));
        }
        return result;
    }

    private static BoundedResponseConsumer boundedResponse() {
        return new BoundedResponseConsumer(MAX_RESPONSE_BODY_BYTES);
    }

    private static FutureCallback<SimpleHttpResponse> callback(Attempt attempt) {
        CompletableFuture<GraphApiResponse> result = attempt.result();
        return new FutureCallback<>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                result.complete(toResponse(response, false));
            }

            @Override
            public void failed(Exception cause) {
                if (cause instanceof BoundedResponseConsumer.ResponseTooLargeException tooLarge) {
                    result.complete(toResponse(tooLarge.head(), true));
                    return;
                }
                result.completeExceptionally(toTransportException(cause, attempt.isRequestSent()));
            }

            @Override
            public void cancelled() {
                result.completeExceptionally(new WhatsAppMarketingTransportException("Graph API call cancelled",
                        attempt.isRequestSent(), null));
            }
        };
    }

    private static GraphApiResponse toResponse(SimpleHttpResponse response, boolean bodyOverLimit) {
        byte[] body = response.getBodyBytes();
        return new GraphApiResponse(response.getCode(), body == null ? new byte[0] : body,
                headerValue(response, HttpHeaders.CONTENT_TYPE), headerValue(response, USAGE_HEADER),
                headerValue(response, HttpHeaders.RETRY_AFTER), bodyOverLimit);
    }

    private static String headerValue(SimpleHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    private static WhatsAppMarketingTransportException toTransportException(Exception cause, boolean sent) {
        String what = sent ? "Graph API call failed after the request was sent" : "Request not sent";
        return new WhatsAppMarketingTransportException(what + ": " + cause, sent, cause);
    }

    /** Closes every connection, the requests in flight ending first. */
    @Override
    public void close() throws IOException {
        if (http2 != null) {
            http2.close();
        }
        CloseableHttpAsyncClient pooled;
        synchronized (this) {
            pooled = http1;
            http1 = null;
        }
        if (pooled != null) {
            Http2Connections.close(pooled);
        }
    }

    @Override
    public String toString() {
        return "GraphApiTransport[http2 " + http2InFlight() + (http2Refused ? ", refused" : "") + "]";
    }

    /** Requests in flight on each HTTP/2 connection (empty when none is open). */
    List<Integer> http2InFlight() {
        return http2 == null ? List.of() : http2.inFlightPerConnection();
    }
}
