package io.github.cwmarketing.whatsapp;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.github.cwmarketing.whatsapp.http.GraphApiErrors;
import io.github.cwmarketing.whatsapp.http.GraphApiRequest;
import io.github.cwmarketing.whatsapp.http.GraphApiTransport;
import io.github.cwmarketing.whatsapp.http.HttpClientSettings;
import io.github.cwmarketing.whatsapp.send.MessageSender;
import io.github.cwmarketing.whatsapp.send.Pacer;
import io.github.cwmarketing.whatsapp.send.RetryPolicy;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.util.ObjectHelper;

/**
 * Sends marketing template messages through the Marketing Messages API for WhatsApp and receives their status
 * webhooks.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "whatsapp-marketing", title = "WhatsApp Marketing Messages",
             syntax = "whatsapp-marketing:operation", category = { Category.CLOUD, Category.API, Category.CHAT },
             headersClass = WhatsAppMarketingConstants.class)
public class WhatsAppMarketingEndpoint extends DefaultEndpoint {

    @UriPath(enums = "send,webhook", description = "The operation: send (producer) or webhook (consumer).")
    @Metadata(required = true)
    private final WhatsAppMarketingOperation operation;

    @UriParam
    private final WhatsAppMarketingConfiguration configuration;

    private MessageSender sender;

    public WhatsAppMarketingEndpoint(String uri, WhatsAppMarketingComponent component,
                                     WhatsAppMarketingOperation operation, WhatsAppMarketingConfiguration configuration) {
        super(uri, component);
        this.operation = operation;
        this.configuration = configuration;
    }

    @Override
    public WhatsAppMarketingComponent getComponent() {
        return (WhatsAppMarketingComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() throws Exception {
        if (operation != WhatsAppMarketingOperation.send) {
            throw new IllegalArgumentException("whatsapp-marketing:" + operation + " cannot be used as a producer");
        }
        ObjectHelper.notNull(configuration.getAccessToken(), "accessToken");
        return new WhatsAppMarketingProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != WhatsAppMarketingOperation.webhook) {
            throw new IllegalArgumentException("whatsapp-marketing:" + operation + " cannot be used as a consumer");
        }
        WhatsAppMarketingConsumer consumer = new WhatsAppMarketingConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** The sender shared by this endpoint's producers, created when the first producer starts. */
    synchronized MessageSender sender() {
        if (sender == null) {
            WhatsAppMarketingComponent component = getComponent();
            GraphApiTransport transport = component.transport(httpClientSettings());
            RetryPolicy retryPolicy = new RetryPolicy(configuration.getMaxRetries(),
                    Duration.ofMillis(configuration.getRetryDelay()), Duration.ofMillis(configuration.getRetryMaxDelay()),
                    configuration.isRetryOnResponseTimeout());
            sender = new MessageSender(transport, new GraphApiErrors(component.objectMapper()), retryPolicy,
                    component.scheduler(), Duration.ofMillis(configuration.getResponseTimeout()));
        }
        return sender;
    }

    private HttpClientSettings httpClientSettings() {
        return new HttpClientSettings(Duration.ofMillis(configuration.getConnectTimeout()),
                configuration.getMaxConnections(), configuration.getProxyHost(), configuration.getProxyPort(),
                configuration.getSslContextParameters(), configuration.getHttpClientConfigurer());
    }

    /** The pacing bucket of a sending phone number id, or null when pacing is off. */
    Pacer pacer(String phoneNumberId) {
        int rate = configuration.getMessagesPerSecond();
        return rate <= 0 ? null : getComponent().pacer(phoneNumberId, rate);
    }

    /** {@code POST {baseUri}/{apiVersion}/{phoneNumberId}/marketing_messages} with the JSON payload. */
    GraphApiRequest marketingMessagesRequest(String phoneNumberId, byte[] json) {
        URI uri = URI.create(trimSlash(configuration.getBaseUri()) + '/' + configuration.getApiVersion() + '/'
                             + phoneNumberId + "/marketing_messages");
        return GraphApiRequest.post(uri, authorization(), json);
    }

    private Map<String, String> authorization() {
        return Map.of("Authorization", "Bearer " + configuration.getAccessToken());
    }

    private static String trimSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    public WhatsAppMarketingOperation getOperation() {
        return operation;
    }

    public WhatsAppMarketingConfiguration getConfiguration() {
        return configuration;
    }
}
