package io.github.cwmarketing.whatsapp;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cwmarketing.whatsapp.http.GraphApiTransport;
import io.github.cwmarketing.whatsapp.http.HttpClientSettings;
import io.github.cwmarketing.whatsapp.ledger.MessageLedger;
import io.github.cwmarketing.whatsapp.metrics.MetricsBinding;
import io.github.cwmarketing.whatsapp.pacing.PostgresPacerFactory;
import io.github.cwmarketing.whatsapp.pipeline.DefaultPacerFactory;
import io.github.cwmarketing.whatsapp.pipeline.NonBlockingThreads;
import io.github.cwmarketing.whatsapp.pipeline.NumberPacing;
import io.github.cwmarketing.whatsapp.pipeline.PacerFactory;
import io.github.cwmarketing.whatsapp.pipeline.PacingSettings;
import io.github.cwmarketing.whatsapp.spi.CompositeListener;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import io.github.cwmarketing.whatsapp.webhook.WebhookRequestHandler;
import org.apache.camel.Endpoint;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.util.IOHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whatsapp-marketing component: {@code whatsapp-marketing:operation[?options]}. It owns what its endpoints share:
 * the pooled HTTP clients, the pacing of each phone number id, one scheduler for delays, the listeners, and the JSON
 * mapper.
 */
@Component("whatsapp-marketing")
public class WhatsAppMarketingComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppMarketingComponent.class);
    private static final String SCHEDULER_NAME = NonBlockingThreads.SCHEDULER_NAME;

    @Metadata(description = "The component configuration: the defaults of every endpoint.")
    private WhatsAppMarketingConfiguration configuration = new WhatsAppMarketingConfiguration();
    @Metadata(label = "advanced", autowired = true,
              description = "Creates the pacer of each phone number id. Default: from the pacing option, an in-memory"
                            + " token bucket per phone number id in this JVM (LOCAL) or one shared through PostgreSQL"
                            + " (DATABASE). Implementations must never block.")
    private PacerFactory pacerFactory;
    @Metadata(defaultValue = "LOCAL", enums = "LOCAL,DATABASE",
              description = "Where the pacing of each phone number id is kept when no pacerFactory is set: LOCAL (this"
                            + " JVM; N instances send N times the rate) or DATABASE (one token bucket per phone number"
                            + " id in a PostgreSQL table, created when absent, shared by every instance: together they"
                            + " stay within the rate).")
    private WhatsAppMarketingPacing pacing = WhatsAppMarketingPacing.LOCAL;
    @Metadata(label = "advanced",
              description = "The PostgreSQL DataSource of pacing=DATABASE (pooled, e.g. HikariCP). Default: the only"
                            + " DataSource in the registry (Spring Boot's).")
    private DataSource pacingDataSource;
    @Metadata(label = "advanced", autowired = true,
              description = "A listener told of every send outcome, retry, pacing wait and webhook event (metrics,"
                            + " audit). Every WhatsAppMarketingListener bean in the registry is told as well.")
    private WhatsAppMarketingListener listener;
    @Metadata(label = "advanced", defaultValue = "true",
              description = "Record the component's Micrometer metrics (the whatsapp.marketing meters) when Micrometer"
                            + " is on the class path and a MeterRegistry is known: the meterRegistry option, else the one"
                            + " in the registry (camel-micrometer's metricsRegistry, as with camel.metrics.enabled=true,"
                            + " or the only MeterRegistry bean).")
    private boolean metricsEnabled = true;
    @Metadata(label = "advanced",
              description = "The Micrometer MeterRegistry (io.micrometer.core.instrument.MeterRegistry) that records the"
                            + " component's metrics. Default: the one found in the registry. Typed Object so that the"
                            + " component runs without Micrometer.")
    private Object meterRegistry;

    private final CompositeListener listeners = new CompositeListener();

    private final ObjectMapper objectMapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<HttpClientSettings, GraphApiTransport> transports = new ConcurrentHashMap<>();
    private final Map<String, NumberPacing> pacings = new ConcurrentHashMap<>();
    /** The pacer factory the component made from the pacing option (closed at stop), else null. */
    private PacerFactory ownPacerFactory;
    private final Set<MessageLedger> ledgers = ConcurrentHashMap.newKeySet();
    private final Map<String, WebhookRequestHandler> webhooks = new ConcurrentHashMap<>();
    private final Set<String> settingsWarnedAbout = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService scheduler;
    private WhatsAppMarketingHealthCheck healthCheck;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        WhatsAppMarketingOperation operation = parseOperation(remaining);
        WhatsAppMarketingEndpoint endpoint = new WhatsAppMarketingEndpoint(uri, this, operation, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    private static WhatsAppMarketingOperation parseOperation(String remaining) {
        try {
            return WhatsAppMarketingOperation.valueOf(remaining);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown whatsapp-marketing operation '" + remaining + "'; known: "
                                               + Arrays.toString(WhatsAppMarketingOperation.values()), e);
        }
    }

    /**
     * The pooled HTTP client for the connection settings of a configuration (timeouts, pool, proxy, TLS, configurer),
     * shared with every endpoint whose settings are equal. Used by the endpoints and the health check.
     */
    public GraphApiTransport transport(WhatsAppMarketingConfiguration configuration) {
        return transport(httpClientSettings(configuration));
    }

    private static HttpClientSettings httpClientSettings(WhatsAppMarketingConfiguration configuration) {
        return new HttpClientSettings(Duration.ofMillis(configuration.getConnectTimeout()),
                configuration.getMaxConnections(), configuration.getProxyHost(), configuration.getProxyPort(),
                configuration.getSslContextParameters(), configuration.getHttpClientConfigurer());
    }

    /** The pooled HTTP client for these settings, created on first use and shared by every endpoint that asks. */
    private GraphApiTransport transport(HttpClientSettings settings) {
        return transports.computeIfAbsent(settings, key -> {
            try {
                return new GraphApiTransport(getCamelContext(), key, scheduler());
            } catch (Exception e) {
                throw new IllegalStateException("Cannot create the HTTP client: " + e.getMessage(), e);
            }
        });
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        listeners.add(listener);
        getCamelContext().getRegistry().findByType(WhatsAppMarketingListener.class).forEach(listeners::add);
        if (metricsEnabled) {
            listeners.add(MetricsBinding.metricsListener(meterRegistry, getCamelContext().getRegistry(),
                    listeners.listeners()));
        }
    }

    /**
     * The pacing of a phone number id (pacing key), created by the first endpoint that sends through it, which then
     * tells {@code created}. Every later endpoint must bring the same rate (messagesPerSecond, maxMessagesPerSecond):
     * one number has one rate. Its pairPacing and maxPendingSends are the first endpoint's; another endpoint's
     * different values are named in a warning (once) and not used.
     *
     * @throws IllegalArgumentException when the rate differs from the number's
     */
    NumberPacing pacing(String pacingKey, PacingSettings settings, Consumer<NumberPacing> created) {
        NumberPacing[] made = new NumberPacing[1];
        NumberPacing pacing = pacings.computeIfAbsent(pacingKey, key -> {
            made[0] = new NumberPacing(key, settings, pacerFactory().createPacer(key, settings), scheduler(),
                    listeners, System::nanoTime);
            return made[0];
        });
        if (made[0] != null) {
            listeners.onPacingStarted(pacing);
            created.accept(pacing);
        } else if (!pacing.settings().equals(settings)) {
            checkSameRate(pacingKey, pacing.settings(), settings);
        }
        return pacing;
    }

    private void checkSameRate(String pacingKey, PacingSettings number, PacingSettings asked) {
        if (number.messagesPerSecond() != asked.messagesPerSecond()
            || number.maxMessagesPerSecond() != asked.maxMessagesPerSecond()) {
            throw new IllegalArgumentException("Phone number id " + pacingKey + " is paced at messagesPerSecond="
                                               + number.messagesPerSecond() + ", maxMessagesPerSecond="
                                               + number.maxMessagesPerSecond() + " by another endpoint, this one asks"
                                               + " for messagesPerSecond=" + asked.messagesPerSecond()
                                               + ", maxMessagesPerSecond=" + asked.maxMessagesPerSecond()
                                               + ": one number has one rate; give every endpoint sending through it the"
                                               + " same messagesPerSecond and maxMessagesPerSecond");
        }
        if (settingsWarnedAbout.add(pacingKey + " " + asked)) {
            LOG.warn("Phone number id {} keeps pairPacing={} and maxPendingSends={} of the endpoint that paced it"
                     + " first; another endpoint's pairPacing={}, maxPendingSends={} are not used", pacingKey,
                    number.pairPacing(), number.maxPendingSends(), asked.pairPacing(), asked.maxPendingSends());
        }
    }

    /** The pacer factory in effect: the option's, else one made from the pacing option when first needed. */
    synchronized PacerFactory pacerFactory() {
        if (pacerFactory != null) {
            return pacerFactory;
        }
        if (ownPacerFactory == null) {
            ownPacerFactory = pacing == WhatsAppMarketingPacing.DATABASE
                    ? new PostgresPacerFactory(pacingDataSource())
                    : new DefaultPacerFactory();
        }
        return ownPacerFactory;
    }

    private DataSource pacingDataSource() {
        if (pacingDataSource != null) {
            return pacingDataSource;
        }
        DataSource only = getCamelContext().getRegistry().findSingleByType(DataSource.class);
        if (only == null) {
            throw new IllegalArgumentException("pacing=DATABASE needs a PostgreSQL DataSource: set the component's"
                                               + " pacingDataSource option, or bind exactly one DataSource bean");
        }
        return only;
    }

    /**
     * The one thread that runs every delayed task of the component: pacing waits, retry delays, and one response
     * deadline per Graph API call in flight. Its queue is unbounded on purpose: Camel's default thread pool profile
     * caps a scheduler's queue at 1,000 tasks, which rejected sends as soon as more than 1,000 messages waited for a
     * pacing slot or were in flight.
     */
    synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            ThreadPoolProfile profile = new ThreadPoolProfile(SCHEDULER_NAME);
            profile.setPoolSize(1);
            profile.setMaxPoolSize(1);
            profile.setKeepAliveTime(0L);
            profile.setAllowCoreThreadTimeOut(false);
            profile.setMaxQueueSize(-1);
            scheduler = getCamelContext().getExecutorServiceManager()
                    .newScheduledThreadPool(this, SCHEDULER_NAME, profile);
        }
        return scheduler;
    }

    /**
     * Starts a ledger an endpoint uses (once; the park duration of the first endpoint to start it applies) and stops it
     * with the component.
     */
    void startLedger(MessageLedger ledger, Duration parkDuration) {
        if (ledgers.add(ledger)) {
            try {
                ledger.setParkDuration(parkDuration);
                ServiceHelper.startService(ledger);
            } catch (RuntimeException e) {
                // tried again by the next endpoint or message that uses it
                ledgers.remove(ledger);
                throw e;
            }
        }
    }

    ObjectMapper objectMapper() {
        return objectMapper;
    }

    /** Tells every listener: the option's, those added in Java, and every listener bean in the registry. */
    WhatsAppMarketingListener listener() {
        return listeners;
    }

    /**
     * The request handler of the webhook a started consumer of this component serves on this HTTP path (within the
     * application, e.g. {@code /whatsapp-marketing/webhook}), or null. For servers that read request bodies before the
     * consumer is asked: the Spring Boot starter's servlet filter applies its body limits there.
     */
    public WebhookRequestHandler webhookRequestHandler(String path) {
        return path == null ? null : webhooks.get(path);
    }

    void webhookStarted(String path, WebhookRequestHandler handler) {
        webhooks.put(path, handler);
    }

    void webhookStopped(String path, WebhookRequestHandler handler) {
        webhooks.remove(path, handler);
    }

    /** Adds a listener, told from now on. */
    public void addListener(WhatsAppMarketingListener listener) {
        listeners.add(listener);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // camel-health is a dependency, so the registry exists; it is only consulted when health checks are enabled
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null) {
            healthCheck = new WhatsAppMarketingHealthCheck(this);
            registry.register(healthCheck);
        }
    }

    /** The component's readiness check, registered in Camel's health-check registry while the component runs. */
    public WhatsAppMarketingHealthCheck healthCheck() {
        return healthCheck;
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheck != null) {
            HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
            if (registry != null) {
                registry.unregister(healthCheck);
            }
            healthCheck = null;
        }
        pacings.values().forEach(NumberPacing::close);
        pacings.clear();
        synchronized (this) {
            if (ownPacerFactory instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.debug("Closing the pacer factory failed; ignored", e);
                }
            }
            ownPacerFactory = null;
        }
        // after the pacings: the outcomes of the sends they refused are recorded before the ledgers stop
        ledgers.forEach(ServiceHelper::stopService);
        ledgers.clear();
        transports.values().forEach(IOHelper::close);
        transports.clear();
        synchronized (this) {
            if (scheduler != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
                scheduler = null;
            }
        }
        super.doStop();
    }

    public WhatsAppMarketingConfiguration getConfiguration() {
        return configuration;
    }

    /** The component configuration: the defaults of every endpoint. */
    public void setConfiguration(WhatsAppMarketingConfiguration configuration) {
        this.configuration = configuration;
    }

    public PacerFactory getPacerFactory() {
        return pacerFactory;
    }

    /** Creates the pacer of each phone number id. Default: from the pacing option. */
    public void setPacerFactory(PacerFactory pacerFactory) {
        this.pacerFactory = pacerFactory;
    }

    public WhatsAppMarketingPacing getPacing() {
        return pacing;
    }

    /** Where the pacing of each phone number id is kept when no pacerFactory is set: LOCAL or DATABASE. */
    public void setPacing(WhatsAppMarketingPacing pacing) {
        this.pacing = pacing;
    }

    public DataSource getPacingDataSource() {
        return pacingDataSource;
    }

    /** The PostgreSQL DataSource of pacing=DATABASE. Default: the only DataSource in the registry. */
    public void setPacingDataSource(DataSource pacingDataSource) {
        this.pacingDataSource = pacingDataSource;
    }

    public WhatsAppMarketingListener getListener() {
        return listener;
    }

    /** A listener told of every send outcome, retry, pacing wait and webhook event. */
    public void setListener(WhatsAppMarketingListener listener) {
        this.listener = listener;
    }

    public boolean isMetricsEnabled() {
        return metricsEnabled;
    }

    /** Record the component's Micrometer metrics when Micrometer is present and a MeterRegistry is known. */
    public void setMetricsEnabled(boolean metricsEnabled) {
        this.metricsEnabled = metricsEnabled;
    }

    public Object getMeterRegistry() {
        return meterRegistry;
    }

    /**
     * The Micrometer {@code MeterRegistry} that records the component's metrics; default: the one in the registry.
     * Typed {@code Object} so that the component runs without Micrometer.
     */
    public void setMeterRegistry(Object meterRegistry) {
        this.meterRegistry = meterRegistry;
    }
}
