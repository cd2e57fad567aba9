package io.github.cwmarketing.whatsapp;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.cwmarketing.whatsapp.ledger.MessageLedger;
import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import io.github.cwmarketing.whatsapp.model.WebhookEventType;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.webhook.BoundedMemoryIdempotentRepository;
import io.github.cwmarketing.whatsapp.webhook.Deduplicator;
import io.github.cwmarketing.whatsapp.webhook.EventDispatcher;
import io.github.cwmarketing.whatsapp.webhook.RawBody;
import io.github.cwmarketing.whatsapp.webhook.WebhookAuthentication;
import io.github.cwmarketing.whatsapp.webhook.WebhookBodyLimits;
import io.github.cwmarketing.whatsapp.webhook.WebhookHandshake;
import io.github.cwmarketing.whatsapp.webhook.WebhookParser;
import io.github.cwmarketing.whatsapp.webhook.WebhookRequestHandler;
import io.github.cwmarketing.whatsapp.webhook.WebhookSecretHeader;
import io.github.cwmarketing.whatsapp.webhook.WebhookSignature;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Suspendable;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code webhook} operation: receives Meta's webhooks through a platform-http consumer on {@code webhookPath}
 * (served by whatever engine the application brings: Vert.x, Spring Boot...) and routes one exchange per event. The
 * platform-http consumer is a delegate whose lifecycle follows this one's, as in Camel's own PlatformHttpConsumer.
 */
public class WhatsAppMarketingConsumer extends DefaultConsumer implements Suspendable {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppMarketingConsumer.class);

    private final WhatsAppMarketingConfiguration configuration;
    private IdempotentRepository repository;
    private boolean ownRepository;
    private WebhookRequestHandler requestHandler;
    private Consumer platformHttpConsumer;

    public WhatsAppMarketingConsumer(WhatsAppMarketingEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    public WhatsAppMarketingEndpoint getEndpoint() {
        return (WhatsAppMarketingEndpoint) super.getEndpoint();
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        getEndpoint().checkConfiguration();
        String path = webhookPath(configuration);
        WhatsAppMarketingListener listener = getEndpoint().getComponent().listener();
        EventDispatcher dispatcher = dispatcher(path, listener);
        WebhookParser parser = new WebhookParser(getEndpoint().getComponent().objectMapper());
        WebhookBodyLimits bodyLimits = new WebhookBodyLimits(configuration.getMaxBodySize(),
                Duration.ofMillis(configuration.getBodyReadTimeout()));
        requestHandler = new WebhookRequestHandler(new WebhookHandshake(configuration.getVerifyToken()),
                authentication(), bodyLimits, parser, dispatcher, listener);
        platformHttpConsumer = getEndpoint().getCamelContext()
                .getEndpoint("platform-http:" + path + "?httpMethodRestrict=GET,POST&" + platformHttpOptions())
                .createConsumer(requestHandler);
        ServiceHelper.initService(platformHttpConsumer);
    }

    /**
     * With a message ledger, events are looked up and recorded there (shared by instances); else in the idempotent
     * repository, by default a bounded one in memory.
     */
    private EventDispatcher dispatcher(String path, WhatsAppMarketingListener listener) {
        MessageLedger ledger = getEndpoint().ledger();
        if (ledger != null) {
            if (configuration.getIdempotentRepository() != null) {
                LOG.info("The webhook on {} records events in the message ledger; its idempotentRepository is not used",
                        path);
            }
            LedgerEventJournal journal = new LedgerEventJournal(ledger,
                    Duration.ofMillis(configuration.getWebhookLedgerTimeout()), listener);
            return new EventDispatcher(journal, this::route, routedTypes(), listener, path);
        }
        repository = configuration.getIdempotentRepository();
        ownRepository = repository == null;
        if (ownRepository) {
            repository = new BoundedMemoryIdempotentRepository(configuration.getDeduplicationCacheSize());
        }
        return new EventDispatcher(new Deduplicator(repository), this::route, routedTypes(), listener, path);
    }

    /** How the platform-http engine in use must hand the body over for the consumer to bound it (see RawBody). */
    private String platformHttpOptions() {
        PlatformHttpComponent platformHttp = getEndpoint().getCamelContext()
                .getComponent("platform-http", PlatformHttpComponent.class);
        return RawBody.platformHttpOptions(platformHttp == null ? null : platformHttp.getEngine());
    }

    /** The checks of who may POST (configurationProblems ensured a secret where one is needed). */
    private WebhookAuthentication authentication() {
        WebhookSecretHeader secretHeader = ObjectHelper.isEmpty(configuration.getWebhookHeaderName()) ? null
                : new WebhookSecretHeader(configuration.getWebhookHeaderName(), configuration.getWebhookHeaderSecret());
        return new WebhookAuthentication(signature(), secretHeader);
    }

    /** The signature check, or null when verification is off or, with 360dialog, only the secret header is used. */
    private WebhookSignature signature() {
        if (!configuration.isSignatureVerification()) {
            LOG.warn("Signature verification is OFF for the webhook on {}: anyone who can reach it can inject events."
                     + " Use signatureVerification=false for local testing only.", webhookPath(configuration));
            return null;
        }
        List<String> secrets = WebhookSignature.splitSecrets(configuration.getAppSecret());
        if (secrets.isEmpty()) {
            return null;
        }
        return configuration.getProvider() == WhatsAppMarketingProvider.DIALOG360
                ? WebhookSignature.dialog360(secrets) : new WebhookSignature(secrets);
    }

    private Set<WebhookEventType> routedTypes() {
        return configuration.getEvents() == WebhookEvents.all
                ? EnumSet.allOf(WebhookEventType.class) : EnumSet.of(WebhookEventType.status);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (repository != null) {
            ServiceHelper.startService(repository);
        }
        if (configuration.getVerifyToken() == null || configuration.getVerifyToken().isEmpty()) {
            LOG.info("No verifyToken for the webhook on {}: Meta's verification handshake will be refused",
                    webhookPath(configuration));
        }
        ServiceHelper.startService(platformHttpConsumer);
        getEndpoint().getComponent().webhookStarted(webhookPath(configuration), requestHandler);
        LOG.info("WhatsApp webhook listening on {} (events={})", webhookPath(configuration), configuration.getEvents());
    }

    @Override
    protected void doStop() throws Exception {
        getEndpoint().getComponent().webhookStopped(webhookPath(configuration), requestHandler);
        ServiceHelper.stopService(platformHttpConsumer);
        if (ownRepository) {
            ServiceHelper.stopService(repository);
        }
        super.doStop();
    }

    @Override
    protected void doShutdown() throws Exception {
        ServiceHelper.stopAndShutdownServices(platformHttpConsumer);
        super.doShutdown();
    }

    @Override
    protected void doSuspend() throws Exception {
        ServiceHelper.suspendService(platformHttpConsumer);
    }

    @Override
    protected void doResume() throws Exception {
        ServiceHelper.resumeService(platformHttpConsumer);
    }

    /** The HTTP path the webhook of this configuration is served on: the option, with a leading slash. */
    static String webhookPath(WhatsAppMarketingConfiguration configuration) {
        String path = configuration.getWebhookPath();
        if (ObjectHelper.isEmpty(path)) {
            return WhatsAppMarketingConfiguration.DEFAULT_WEBHOOK_PATH;
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    /** Routes one event through the route on the calling (request) thread and waits for the outcome. */
    private boolean route(WebhookEvent event, Map<String, Object> headers) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setBody(event);
            WebhookEventHeaders.populate(exchange.getMessage(), event);
            headers.forEach(exchange.getMessage()::setHeader);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean succeeded = !exchange.isFailed() && !exchange.isRollbackOnly();
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error routing a WhatsApp webhook event", exchange,
                    exchange.getException());
        }
        releaseExchange(exchange, false);
        return succeeded;
    }
}
