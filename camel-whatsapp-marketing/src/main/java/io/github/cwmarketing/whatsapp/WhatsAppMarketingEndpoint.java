package io.github.cwmarketing.whatsapp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.cwmarketing.whatsapp.http.GraphApiErrors;
import io.github.cwmarketing.whatsapp.http.GraphApiRequest;
import io.github.cwmarketing.whatsapp.http.GraphApiTransport;
import io.github.cwmarketing.whatsapp.ledger.MessageLedger;
import io.github.cwmarketing.whatsapp.operations.GraphApiCall;
import io.github.cwmarketing.whatsapp.operations.ThroughputLevel;
import io.github.cwmarketing.whatsapp.pipeline.MessageSender;
import io.github.cwmarketing.whatsapp.pipeline.NumberPacing;
import io.github.cwmarketing.whatsapp.pipeline.OutgoingRequest;
import io.github.cwmarketing.whatsapp.pipeline.RetryPolicy;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends marketing template messages through the Marketing Messages API for WhatsApp, receives their status webhooks,
 * and reads or changes the account and template settings of the Marketing Messages API (onboarding status, creative
 * optimizations, blocking marketing templates on Cloud API, template time-to-live).
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "whatsapp-marketing", title = "WhatsApp Marketing Messages",
             syntax = "whatsapp-marketing:operation", category = { Category.CLOUD, Category.API, Category.CHAT },
             headersClass = WhatsAppMarketingConstants.class)
public class WhatsAppMarketingEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppMarketingEndpoint.class);

    @UriPath(enums = "send,webhook,getCreativeFeatures,setCreativeFeatures,getCloudApiMarketingDisabled,"
                     + "setCloudApiMarketingDisabled,getOnboardingStatus,setTemplateTtl,getCampaignReport,suppress,"
                     + "unsuppress",
             description = "The operation: send (producer), webhook (consumer), an account or template operation"
                           + " (producer): getCreativeFeatures, setCreativeFeatures, getCloudApiMarketingDisabled,"
                           + " setCloudApiMarketingDisabled, getOnboardingStatus, setTemplateTtl, or a message ledger"
                           + " operation (producer): getCampaignReport, suppress, unsuppress.")
    @Metadata(required = true)
    private final WhatsAppMarketingOperation operation;

    @UriParam
    private final WhatsAppMarketingConfiguration configuration;

    private MessageSender sender;
    private GraphApiUrls urls;
    /** The read of the throughput level this endpoint started, done or not (null when it started none). */
    private volatile CompletableFuture<Void> throughputLevelRead;

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
    protected void doInit() throws Exception {
        super.doInit();
        String problem = configuration.providerProblem(operation);
        if (problem != null) {
            throw new IllegalArgumentException("whatsapp-marketing:" + operation + " " + problem);
        }
    }

    @Override
    public Producer createProducer() throws Exception {
        if (operation == WhatsAppMarketingOperation.webhook) {
            throw new IllegalArgumentException("whatsapp-marketing:" + operation + " cannot be used as a producer");
        }
        checkConfiguration();
        if (operation.isLedgerOperation()) {
            return new WhatsAppMarketingLedgerProducer(this);
        }
        return operation == WhatsAppMarketingOperation.send
                ? new WhatsAppMarketingSendProducer(this)
                : new WhatsAppMarketingOperationsProducer(this);
    }

    /** Refuses to start a producer or consumer on the first configuration problem. */
    void checkConfiguration() {
        List<String> problems = configuration.configurationProblems(operation);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("whatsapp-marketing:" + operation + ": " + problems.get(0));
        }
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
            GraphApiTransport transport = component.transport(configuration);
            RetryPolicy retryPolicy = new RetryPolicy(configuration.getMaxRetries(),
                    Duration.ofMillis(configuration.getRetryDelay()), Duration.ofMillis(configuration.getRetryMaxDelay()),
                    configuration.isRetryOnResponseTimeout(), configuration.isRetryOnServerError());
            sender = new MessageSender(transport, new GraphApiErrors(component.objectMapper()), retryPolicy,
                    component.scheduler(), Duration.ofMillis(configuration.getConnectionRequestTimeout()),
                    Duration.ofMillis(configuration.getResponseTimeout()), component.listener());
        }
        return sender;
    }

    /** The message ledger of this endpoint (started by the component on first use), or null when none is set. */
    MessageLedger ledger() {
        MessageLedger ledger = configuration.getLedger();
        if (ledger != null) {
            getComponent().startLedger(ledger, Duration.ofMillis(configuration.getParkDuration()));
        }
        return ledger;
    }

    /** The provider's URLs and authorisation, made from the options once the endpoint is configured. */
    synchronized GraphApiUrls urls() {
        if (urls == null) {
            urls = new GraphApiUrls(configuration);
        }
        return urls;
    }

    /**
     * The pacing of a send through this phone number id (may be null with DIALOG360), or null when pacing is off.
     *
     * @throws IllegalArgumentException when another endpoint paces the number with other settings
     */
    NumberPacing pacing(String phoneNumberId) {
        if (configuration.getMessagesPerSecond() <= 0) {
            return null;
        }
        return getComponent().pacing(urls().pacingKey(phoneNumberId), configuration.pacingSettings(),
                created -> readThroughputLevel(phoneNumberId, created));
    }

    /**
     * With an adaptive rate, starts it from the number's throughput level when the token may read it
     * ({@code GET /<phone number id>?fields=throughput}); any failure leaves it at messagesPerSecond.
     */
    private void readThroughputLevel(String phoneNumberId, NumberPacing pacing) {
        GraphApiCall call = pacing.settings().adaptive() && configuration.getProvider() == WhatsAppMarketingProvider.META
                ? ThroughputLevel.call(phoneNumberId) : null;
        if (call == null) {
            return;
        }
        // the endpoint's own token: a token given per message (header) is not known here
        OutgoingRequest read = new OutgoingRequest("throughputLevel", phoneNumberId, urls().node(call, null));
        throughputLevelRead = sender().send(read)
                .handle((response, failure) -> {
                    int rate = failure == null
                            ? ThroughputLevel.messagesPerSecond(getComponent().objectMapper(), response.body()) : 0;
                    if (rate > 0) {
                        pacing.startFromThroughputLevel(rate);
                    } else {
                        LOG.debug("No throughput level for phone number id {}; pacing starts at {} messages/s: {}",
                                phoneNumberId, pacing.messagesPerSecond(), failure == null ? "no level" : failure);
                    }
                    return null;
                });
    }

    /** The read of the throughput level this endpoint started (tests wait for it), or null. */
    CompletableFuture<Void> throughputLevelRead() {
        return throughputLevelRead;
    }

    /** {@code POST .../marketing_messages} of the provider with the JSON payload; a null token: the endpoint's. */
    GraphApiRequest marketingMessagesRequest(String phoneNumberId, byte[] json, String accessToken) {
        return urls().marketingMessages(phoneNumberId, json, accessToken);
    }

    /** The request of an account or template operation; a null token: the endpoint's. */
    GraphApiRequest operationRequest(GraphApiCall call, String accessToken) {
        return urls().node(call, accessToken);
    }

    /** The API this endpoint calls, or for the webhook the path it serves; never a secret. */
    @Override
    public String getServiceUrl() {
        return operation == WhatsAppMarketingOperation.webhook
                ? WhatsAppMarketingConsumer.webhookPath(configuration)
                : configuration.effectiveBaseUri();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("provider", String.valueOf(configuration.getProvider()));
        if (operation != WhatsAppMarketingOperation.webhook && !operation.isLedgerOperation()) {
            if (configuration.getProvider() == WhatsAppMarketingProvider.META) {
                metadata.put("apiVersion", configuration.getApiVersion());
            }
            if (configuration.getPhoneNumberId() != null) {
                metadata.put("phoneNumberId", configuration.getPhoneNumberId());
            }
        }
        return metadata;
    }

    public WhatsAppMarketingOperation getOperation() {
        return operation;
    }

    public WhatsAppMarketingConfiguration getConfiguration() {
        return configuration;
    }
}
