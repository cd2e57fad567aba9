package io.github.cwmarketing.whatsapp.sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.github.cwmarketing.whatsapp.metareference.MetaOpenApiSpec;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embeddable simulator of the Graph API endpoints of the Marketing Messages API for WhatsApp:
 * {@code POST /{version}/{phone-number-id}/marketing_messages}, which POSTs signed status webhooks to a callback URL,
 * and the account and template settings ({@code GET|POST /{version}/{WABA_ID}} and {@code /{version}/{TEMPLATE_ID}}),
 * which it remembers until {@link #reset()}. What happens to a message depends on its recipient and on the account:
 * see {@link Scenarios}.
 *
 * <pre>{@code
 * try (WhatsAppSandbox sandbox = WhatsAppSandbox.builder().callbackUrl("http://localhost:8080/webhook").build()) {
 *     sandbox.start();
 *     // POST to sandbox.marketingMessagesUri() with "Authorization: Bearer " + sandbox.accessToken()
 *     List<DeliveredStatus> statuses = sandbox.awaitStatuses(3, Duration.ofSeconds(5));
 * }
 * }</pre>
 * Thread-safe. A stopped sandbox cannot be started again.
 */
public final class WhatsAppSandbox implements AutoCloseable {

    /** The Graph API version of Meta's spec shipped with the sandbox; used when a path has no version. */
    public static final String DEFAULT_API_VERSION = MetaOpenApiSpec.API_VERSION;

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppSandbox.class);
    private static final int SCHEDULER_THREADS = 2;
    private static final int MAX_WIREMOCK_JOURNAL_ENTRIES = 1000;
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private enum State { NEW, RUNNING, STOPPED }

    private final SandboxSettings settings;
    private final SandboxJournal journal = new SandboxJournal();
    private final AccountState account;
    private final ScheduledExecutorService scheduler;
    private final StatusWebhookDispatcher dispatcher;
    private final List<GraphApiHandler> handlers;
    private final ThroughputTier tier;
    private final WireMockServer server;
    private State state = State.NEW; // guarded by this

    private WhatsAppSandbox(SandboxSettings settings) {
        this.settings = settings;
        this.scheduler = Executors.newScheduledThreadPool(SCHEDULER_THREADS, daemonThreads());
        this.dispatcher = new StatusWebhookDispatcher(settings, journal, scheduler);
        this.account = new AccountState(settings);
        this.tier = new ThroughputTier(settings.messagesPerSecond(), settings.upgradedMessagesPerSecond(),
                settings.throughputUpgradeAfter(), settings.clock());
        this.handlers = List.of(new MarketingMessagesHandler(settings, account, tier, journal, dispatcher),
                new WabaHandler(settings, account), new PhoneNumberHandler(settings, tier),
                new TemplateHandler(settings, account), new UnknownPathHandler());
        this.server = new WireMockServer(WireMockConfiguration.options()
                .port(settings.port())
                .bindAddress(settings.bindAddress())
                .notifier(new WireMockSlf4jNotifier())
                .mappingSource(new NoStoredMappings())
                .templatingEnabled(false)
                .maxRequestJournalEntries(MAX_WIREMOCK_JOURNAL_ENTRIES)
                .extensions(new GraphApiTransformer(handlers, settings.minLatency(), settings.maxLatency())));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening; compiles Meta's schema first if this is the first sandbox of the JVM. */
    public synchronized WhatsAppSandbox start() {
        if (state == State.RUNNING) {
            return this;
        }
        if (state == State.STOPPED) {
            throw new IllegalStateException("A stopped sandbox cannot be restarted; build a new one");
        }
        if (settings.schemaValidation()) {
            MetaSchemaValidator.warmUp();
        }
        server.start();
        handlers.forEach(handler -> server.stubFor(GraphApiTransformer.stubFor(handler)));
        state = State.RUNNING;
        LOG.info("WhatsApp sandbox listening on {} (phone number id {}, WABA {})",
                baseUri(), settings.phoneNumberId(), settings.wabaId());
        return this;
    }

    /** Stops listening and drops pending webhooks. Idempotent. */
    public synchronized void stop() {
        if (state == State.STOPPED) {
            return;
        }
        state = State.STOPPED;
        server.stop();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("WhatsApp sandbox stopped");
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    /** E.g. {@code http://127.0.0.1:54321}; use it as the Graph API base URL. */
    public URI baseUri() {
        return URI.create("http://" + hostForUris() + ":" + port());
    }

    /** {@code baseUri()/v23.0/{phone-number-id}/marketing_messages}. */
    public URI marketingMessagesUri() {
        return baseUri().resolve("/" + DEFAULT_API_VERSION + "/" + settings.phoneNumberId() + "/marketing_messages");
    }

    public int port() {
        requireRunning();
        return server.port();
    }

    public SandboxSettings settings() {
        return settings;
    }

    public String accessToken() {
        return settings.accessToken();
    }

    public String appSecret() {
        return settings.appSecret();
    }

    public String phoneNumberId() {
        return settings.phoneNumberId();
    }

    public String wabaId() {
        return settings.wabaId();
    }

    /** Sets (or changes) where status webhooks go; statuses that waited for a URL are sent now. */
    public WhatsAppSandbox callbackUrl(String url) {
        return callbackUrl(URI.create(url));
    }

    public WhatsAppSandbox callbackUrl(URI url) {
        return callbackUrls(List.of(Objects.requireNonNull(url, "url")));
    }

    /**
     * Sets (or changes) the callback URLs status webhooks go to, in turn, as a load balancer in front of several
     * instances spreads them; a POST not answered with 200 is retried to the next URL. Statuses that waited are sent
     * now.
     */
    public WhatsAppSandbox callbackUrls(List<URI> urls) {
        dispatcher.callbackUrls(urls);
        return this;
    }

    /** The current (first) callback URL, or {@code null}. */
    public URI callbackUrl() {
        List<URI> urls = dispatcher.callbackUrls();
        return urls.isEmpty() ? null : urls.get(0);
    }

    /** The current callback URLs, empty when none is set. */
    public List<URI> callbackUrls() {
        return dispatcher.callbackUrls();
    }

    /** The messages accepted since start or the last {@link #reset()}, oldest first. */
    public List<SentMessage> sentMessages() {
        return journal.sentMessages();
    }

    /**
     * The valid sends refused synchronously by a rule (throughput, pair rate limit, a scenario's first attempts,
     * onboarding) since start or the last {@link #reset()}, oldest first; invalid or unauthorized requests are not
     * counted.
     */
    public List<RefusedSend> refusedSends() {
        return journal.refusedSends();
    }

    /** How many webhook POSTs were retried (not answered with 200) since start or the last {@link #reset()}. */
    public int webhookRetries() {
        return journal.webhookRetries();
    }

    /** The statuses the callback acknowledged with 200 since start or the last {@link #reset()}, oldest first. */
    public List<DeliveredStatus> deliveredStatuses() {
        return journal.deliveredStatuses();
    }

    /**
     * Waits until at least {@code count} statuses were delivered and returns all delivered so far.
     *
     * @throws AssertionError when they do not arrive within {@code timeout}
     */
    public List<DeliveredStatus> awaitStatuses(int count, Duration timeout) {
        try {
            return journal.awaitDelivered(count, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while awaiting " + count + " statuses", e);
        }
    }

    /** Statuses that are due but not yet POSTed, e.g. because no callback URL is set. */
    int dueStatusCount() {
        return dispatcher.dueStatusCount();
    }

    /** The WABA's {@code marketing_messages_onboarding_status}, e.g. {@code ONBOARDED}. */
    public String onboardingStatus() {
        return account.onboardingStatus();
    }

    /** The WABA's {@code disable_marketing_messages_on_cloud_api}: the builder's value, or what a POST set since. */
    public boolean cloudApiMarketingDisabled() {
        return account.cloudApiMarketingDisabled();
    }

    /**
     * The creative features of the WABA ({@link #wabaId()}) or of a template: feature name (lower case, e.g.
     * {@code image_touchups}) to {@code OPT_IN} or {@code OPT_OUT}. Meta's default (all {@code OPT_IN}, for the WABA and
     * for every template) overlaid with what POSTs set.
     */
    public Map<String, String> creativeFeatures(String wabaOrTemplateId) {
        return Collections.unmodifiableMap(account.creativeFeatures(wabaOrTemplateId));
    }

    /** The {@code message_send_ttl_seconds} a POST set on the template, empty when none did (Meta: 30 days). */
    public Optional<Duration> templateTtl(String templateId) {
        OptionalLong seconds = account.templateTtlSeconds(templateId);
        return seconds.isPresent() ? Optional.of(Duration.ofSeconds(seconds.getAsLong())) : Optional.empty();
    }

    /**
     * Meta's automatic throughput upgrade, now: the limit becomes the builder's {@code upgradedMessagesPerSecond}
     * (1,000 by default) and the phone number's throughput level {@code HIGH} (from 1,000 on).
     */
    public void upgradeThroughput() {
        tier.upgradeNow();
    }

    /**
     * Forgets sent and refused messages, delivered statuses, webhook retries, rate-limit windows and per-recipient
     * attempts, drops pending webhooks, and puts the account and template settings back to the builder's values and
     * Meta's defaults. Keeps the configuration and the callback URLs.
     */
    public void reset() {
        dispatcher.reset();
        handlers.forEach(GraphApiHandler::reset);
        account.reset();
        journal.clear();
        if (isRunning()) {
            server.resetRequests();
        }
    }

    /** The underlying WireMock server, e.g. to verify requests or add stubs for other endpoints. */
    public WireMockServer wireMock() {
        return server;
    }

    private String hostForUris() {
        String address = settings.bindAddress();
        return "0.0.0.0".equals(address) ? "127.0.0.1" : address;
    }

    private void requireRunning() {
        if (!isRunning()) {
            throw new IllegalStateException("The sandbox is not running");
        }
    }

    private static ThreadFactory daemonThreads() {
        int instance = INSTANCES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "whatsapp-sandbox-" + instance + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Builds a {@link WhatsAppSandbox}; every value has a default. */
    public static final class Builder {

        private int port = 0;
        private String bindAddress = "127.0.0.1";
        private String accessToken = "sandbox-token";
        private String appSecret = "sandbox-app-secret";
        private WebhookSigning webhookSigning = WebhookSigning.META;
        private String phoneNumberId = "100000000000001";
        private String displayPhoneNumber = "15550000001";
        private String wabaId = "200000000000001";
        private List<URI> callbackUrls = List.of();
        private String onboardingStatus = SandboxSettings.ONBOARDED;
        private boolean cloudApiMarketingDisabled;
        private int messagesPerSecond = Scenarios.DEFAULT_MESSAGES_PER_SECOND;
        private int upgradedMessagesPerSecond = Scenarios.UPGRADED_MESSAGES_PER_SECOND;
        private Duration throughputUpgradeAfter;
        private int pairLimit = Scenarios.DEFAULT_PAIR_LIMIT;
        private Duration pairWindow = Scenarios.DEFAULT_PAIR_WINDOW;
        private Duration statusDelay = Duration.ofMillis(500);
        private Duration minLatency = Duration.ZERO;
        private Duration maxLatency = Duration.ZERO;
        private int statusesPerCallback = 1;
        private int callbackMaxAttempts = 5;
        private Duration callbackRetryBackoff = Duration.ofSeconds(1);
        private boolean schemaValidation = true;
        private final List<SandboxRequestRule> requestRules = new ArrayList<>();
        private Scenarios scenarios = Scenarios.defaults();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** HTTP port; default 0, a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Default {@code 127.0.0.1}; {@code 0.0.0.0} to listen on every interface. */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        /** The token callers must send as {@code Authorization: Bearer}; default {@code sandbox-token}. */
        public Builder accessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        /** Key of the {@code X-Hub-Signature-256} webhook signatures; default {@code sandbox-app-secret}. */
        public Builder appSecret(String appSecret) {
            this.appSecret = appSecret;
            return this;
        }

        /**
         * How webhooks are signed with the app secret: {@link WebhookSigning#META} ({@code X-Hub-Signature-256}, the
         * default) or {@link WebhookSigning#DIALOG360} ({@code x-360dialog-signature}, as 360dialog forwards them).
         */
        public Builder webhookSigning(WebhookSigning webhookSigning) {
            this.webhookSigning = webhookSigning;
            return this;
        }

        /** The only phone number id served; default {@code 100000000000001}. */
        public Builder phoneNumberId(String phoneNumberId) {
            this.phoneNumberId = phoneNumberId;
            return this;
        }

        /** {@code metadata.display_phone_number} of webhooks; default {@code 15550000001}. */
        public Builder displayPhoneNumber(String displayPhoneNumber) {
            this.displayPhoneNumber = displayPhoneNumber;
            return this;
        }

        /** {@code entry[].id} of webhooks; default {@code 200000000000001}. */
        public Builder wabaId(String wabaId) {
            this.wabaId = wabaId;
            return this;
        }

        /** Where status webhooks go; default none (statuses wait until {@link WhatsAppSandbox#callbackUrl(URI)}). */
        public Builder callbackUrl(String callbackUrl) {
            return callbackUrl(callbackUrl == null ? null : URI.create(callbackUrl));
        }

        public Builder callbackUrl(URI callbackUrl) {
            this.callbackUrls = callbackUrl == null ? List.of() : List.of(callbackUrl);
            return this;
        }

        /**
         * Several callback URLs, e.g. one per instance of a clustered application: status POSTs go to them in turn
         * (round robin, as a load balancer spreads them), and a POST not answered with 200 is retried to the next
         * URL (a load balancer routes around a dead instance). Default none.
         */
        public Builder callbackUrls(List<URI> callbackUrls) {
            this.callbackUrls = List.copyOf(Objects.requireNonNull(callbackUrls, "callbackUrls"));
            return this;
        }

        /**
         * Whether the business accepted the Marketing Messages terms; default true. When false (onboarding status
         * {@code ELIGIBLE}), messages are routed via Cloud API ({@code pricing.category marketing}) or refused: with
         * {@code product_policy STRICT} with 131055, with {@code disable_marketing_messages_on_cloud_api} with 131063.
         */
        public Builder onboarded(boolean onboarded) {
            return onboardingStatus(onboarded ? SandboxSettings.ONBOARDED : SandboxSettings.ELIGIBLE);
        }

        /**
         * The exact {@code marketing_messages_onboarding_status} of the WABA, e.g. {@code PENDING_INTERNAL_SETUP};
         * default {@code ONBOARDED}. Any status but {@code ONBOARDED} sends like {@code onboarded(false)}.
         */
        public Builder onboardingStatus(String onboardingStatus) {
            this.onboardingStatus = onboardingStatus;
            return this;
        }

        /**
         * The initial {@code disable_marketing_messages_on_cloud_api} of the WABA (a POST can change it until
         * {@link WhatsAppSandbox#reset()}); default false, as at Meta.
         */
        public Builder cloudApiMarketingDisabled(boolean cloudApiMarketingDisabled) {
            this.cloudApiMarketingDisabled = cloudApiMarketingDisabled;
            return this;
        }

        /** Throughput limit per phone number id (sliding 1 s window); default 80, 0 = off. */
        public Builder messagesPerSecond(int messagesPerSecond) {
            this.messagesPerSecond = messagesPerSecond;
            return this;
        }

        /**
         * Meta's automatic throughput upgrade: {@code after} this long from the sandbox's creation (or when
         * {@link WhatsAppSandbox#upgradeThroughput()} is called), the limit becomes {@link #upgradedMessagesPerSecond}
         * (1,000 by default) and {@code GET /{phone-number-id}?fields=throughput} answers {@code HIGH} instead of
         * {@code STANDARD}. Default: never.
         */
        public Builder throughputUpgrade(Duration after) {
            this.throughputUpgradeAfter = after;
            return this;
        }

        /** The limit after the throughput upgrade; default 1,000 (less for tests with small numbers). */
        public Builder upgradedMessagesPerSecond(int upgradedMessagesPerSecond) {
            this.upgradedMessagesPerSecond = upgradedMessagesPerSecond;
            return this;
        }

        /** Messages to one recipient allowed per sliding {@code window}; default 45 per 6 s, 0 = off. */
        public Builder pairRateLimit(int maxMessages, Duration window) {
            this.pairLimit = maxMessages;
            this.pairWindow = window;
            return this;
        }

        /** Delay before each status webhook, counted from the previous one's delivery; default 500 ms. */
        public Builder statusDelay(Duration statusDelay) {
            this.statusDelay = statusDelay;
            return this;
        }

        /** Uniformly random latency added to every response; default none. */
        public Builder responseLatency(Duration min, Duration max) {
            this.minLatency = min;
            this.maxLatency = max;
            return this;
        }

        /** Most statuses sent in one webhook POST; default 1. */
        public Builder statusesPerCallback(int statusesPerCallback) {
            this.statusesPerCallback = statusesPerCallback;
            return this;
        }

        /** Attempts per webhook POST until a 200 (first try included); default 5. */
        public Builder callbackMaxAttempts(int callbackMaxAttempts) {
            this.callbackMaxAttempts = callbackMaxAttempts;
            return this;
        }

        /** Wait before the first webhook retry, doubled for each further one; default 1 s. */
        public Builder callbackRetryBackoff(Duration callbackRetryBackoff) {
            this.callbackRetryBackoff = callbackRetryBackoff;
            return this;
        }

        /** Whether to validate requests against Meta's OpenAPI schema; default true. */
        public Builder schemaValidation(boolean schemaValidation) {
            this.schemaValidation = schemaValidation;
            return this;
        }

        /** Adds a request rule, e.g. the client's own validation; violations are answered with error 100. */
        public Builder requestRule(SandboxRequestRule rule) {
            this.requestRules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Gives recipients ending in {@code lastDigit} another scenario. */
        public Builder scenario(int lastDigit, Scenario scenario) {
            this.scenarios = scenarios.with(lastDigit, scenario);
            return this;
        }

        /** Clock of webhook timestamps and rate-limit windows; default the UTC system clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public SandboxSettings settings() {
            return new SandboxSettings(port, bindAddress, accessToken, appSecret, webhookSigning, phoneNumberId,
                    displayPhoneNumber, wabaId, callbackUrls, onboardingStatus, cloudApiMarketingDisabled,
                    messagesPerSecond, upgradedMessagesPerSecond, throughputUpgradeAfter, pairLimit, pairWindow,
                    statusDelay, minLatency, maxLatency, statusesPerCallback, callbackMaxAttempts, callbackRetryBackoff,
                    schemaValidation, requestRules, scenarios, clock);
        }

        /** A new, not yet started sandbox. */
        public WhatsAppSandbox build() {
            return new WhatsAppSandbox(settings());
        }
    }
}
