package io.github.cwmarketing.whatsapp.springboot;

import java.time.Duration;

import javax.sql.DataSource;

import io.github.cwmarketing.whatsapp.UsRecipients;
import io.github.cwmarketing.whatsapp.WebhookEvents;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingConfiguration;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingPacing;
import io.github.cwmarketing.whatsapp.WhatsAppMarketingProvider;
import io.github.cwmarketing.whatsapp.http.HttpClientConfigurer;
import io.github.cwmarketing.whatsapp.ledger.MessageLedger;
import io.github.cwmarketing.whatsapp.model.ProductPolicy;
import io.github.cwmarketing.whatsapp.pipeline.PacerFactory;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sends marketing template messages through the Marketing Messages API for WhatsApp, receives their status webhooks,
 * and reads or changes the account and template settings: the options of the whatsapp-marketing component, as
 * {@code camel.component.whatsapp-marketing.*} Spring Boot properties.
 * <p>
 * Written by hand in the shape of Camel's generated starters (Camel's generator only works for the
 * {@code org.apache.camel} group id). Every option of the component descriptor
 * ({@code META-INF/io/github/cwmarketing/whatsapp/whatsapp-marketing.json}) has a property here with the same
 * description and default; a test fails when they drift apart. Wrapper types, so that an unset property leaves the
 * component's own value alone. Options that take an object are bean references ({@code #bean:name}), converted by
 * {@link WhatsAppMarketingComponentConverter}. Durations accept {@code 10s}, {@code 500ms}, {@code PT1M} or plain
 * milliseconds.
 */
@ConfigurationProperties(prefix = "camel.component.whatsapp-marketing")
public class WhatsAppMarketingComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the whatsapp-marketing component. This is enabled by default.
     */
    // description holder for the inherited enabled property, as Camel's generated starters do; no accessors
    @SuppressWarnings("unused")
    private Boolean enabled = true;

    /**
     * Whose API to call: META (Meta's Graph API, authenticated by accessToken) or DIALOG360 (360dialog's Marketing
     * Messages API at {baseUri}/marketing_messages, authenticated by apiKey; it offers send only, the account and
     * template operations fail at endpoint creation).
     */
    private WhatsAppMarketingProvider provider = WhatsAppMarketingProvider.META;

    /**
     * The access token (system user token with whatsapp_business_messaging; the account and template operations also
     * need whatsapp_business_management), sent as a Bearer token. Required with provider META. Secret: masked in
     * actuator's configprops and env endpoints.
     */
    private String accessToken;

    /**
     * The 360dialog API key of the channel, sent as the D360-API-KEY header. Required with provider DIALOG360. Secret:
     * masked in actuator's configprops and env endpoints.
     */
    private String apiKey;

    /**
     * The business phone number id that sends the messages. Required for send with provider META (not used with
     * DIALOG360, whose API key identifies the number); the header CamelWhatsAppMarketingPhoneNumberId overrides it per
     * message.
     */
    private String phoneNumberId;

    /**
     * The Graph API version (not used with DIALOG360).
     */
    private String apiVersion = "v25.0";

    /**
     * The API base URI: https://graph.facebook.com by default, https://waba-v2.360dialog.io when provider is DIALOG360
     * and this option is left at its default. Tests and the sandbox point it elsewhere.
     */
    private String baseUri = "https://graph.facebook.com";

    /**
     * The WhatsApp Business Account id (digits) of the account operations: getOnboardingStatus,
     * getCloudApiMarketingDisabled, setCloudApiMarketingDisabled, and getCreativeFeatures / setCreativeFeatures when
     * no templateId is given. The header CamelWhatsAppMarketingWabaId overrides it per exchange.
     */
    private String wabaId;

    /**
     * The message template id (digits) of the template operations: setTemplateTtl, and getCreativeFeatures /
     * setCreativeFeatures at template level (a template id, from this option or the header, takes precedence over the
     * WABA id). The header CamelWhatsAppMarketingTemplateId overrides it per exchange.
     */
    private String templateId;

    /**
     * STRICT rejects a message that the Marketing Messages API cannot deliver; CLOUD_API_FALLBACK routes it through
     * Cloud API. Unset: the field is omitted and Meta's default (CLOUD_API_FALLBACK) applies.
     */
    private ProductPolicy productPolicy;

    /**
     * Whether Meta may use message activity (e.g. reads) to optimise delivery. Unset: the field is omitted and the
     * WhatsApp Business Account setting applies.
     */
    private Boolean messageActivitySharing;

    /**
     * The template name, used when the body is not a full request payload.
     */
    private String templateName;

    /**
     * The template language code (e.g. en, en_US), used when the body is not a full request payload.
     */
    private String templateLanguage;

    /**
     * How long to wait for a connection to the Graph API. A duration such as 10s, 500ms or PT1M; a plain number is
     * milliseconds.
     */
    private Duration connectTimeout = Duration.ofSeconds(10);

    /**
     * How long a request may wait for a pooled connection while all maxConnections are in use. A request that found no
     * connection within this time plus the connect timeout was never sent: it fails with isRequestSent() false and is
     * retried like any request that did not leave. A duration such as 10s, 500ms or PT1M; a plain number is
     * milliseconds.
     */
    private Duration connectionRequestTimeout = Duration.ofSeconds(10);

    /**
     * How long to wait for the Graph API's response once the request is sent. An attempt ends at the latest
     * connectionRequestTimeout + connectTimeout + responseTimeout + 1 s after it starts. A duration such as 10s, 500ms
     * or PT1M; a plain number is milliseconds.
     */
    private Duration responseTimeout = Duration.ofSeconds(30);

    /**
     * How many times a request is retried automatically, only when it provably was not accepted (Meta's throughput,
     * rate and pair limits and maintenance mode, which Meta answers before accepting anything; connection failures
     * before sending). 0 = never.
     */
    private Integer maxRetries = 3;

    /**
     * The first retry delay; it doubles with each retry, with jitter. A duration such as 10s, 500ms or PT1M; a plain
     * number is milliseconds.
     */
    private Duration retryDelay = Duration.ofMillis(500);

    /**
     * The longest delay before a retry. When Meta asks to wait longer (x-business-use-case-usage, or Retry-After on
     * HTTP 429 and 503) the error is returned instead, its getRetryAfter() saying how long to wait. A duration such as
     * 10s, 500ms or PT1M; a plain number is milliseconds.
     */
    private Duration retryMaxDelay = Duration.ofSeconds(30);

    /**
     * Also retry when the request was sent but no response came in time. Such a message may have been delivered
     * already, so a retry can send it twice.
     */
    private Boolean retryOnResponseTimeout = false;

    /**
     * Also retry a send or a change answered with one of Meta's temporary server errors (such as 131000 Something went
     * wrong, or HTTP 503). Meta asks to try again, but such an answer does not prove that the message was not
     * accepted, so a retry can send it twice. Reads are retried anyway.
     */
    private Boolean retryOnServerError = false;

    /**
     * Client-side pacing: the most messages per second sent per phone number id (Meta's default throughput is 80, up
     * to 1000 after an upgrade; it counts inbound and all other traffic of the number too). With maxMessagesPerSecond,
     * the starting rate. 0 turns pacing off. Every endpoint sending through one number must use the same rate.
     */
    private Integer messagesPerSecond = 80;

    /**
     * Adaptive throughput tier: when set, the rate starts at messagesPerSecond (or at the number's level read from the
     * Graph API, STANDARD = 80, HIGH = 1000, when the token may read it), is raised while Meta accepts every message
     * and sends are waiting for slots, is lowered on error 130429, and never exceeds this maximum. 0 = a fixed rate.
     */
    private Integer maxMessagesPerSecond = 0;

    /**
     * Pair pacing: at most one message per 6 seconds from a phone number id to the same recipient (Meta's pair rate
     * limit, error 131056); later ones are scheduled, not sent early. Remembers each recipient for 6 seconds only
     * (bounded memory).
     */
    private Boolean pairPacing = true;

    /**
     * Backpressure: the most exchanges of one phone number id waiting for a pacing slot. Past it the calling route
     * thread waits (at most responseTimeout) until one is sent; on a thread that must never wait (the component's
     * scheduler, the HTTP client's I/O threads, a Vert.x event loop) the exchange fails at once with
     * WhatsAppMarketingPacingException (TOO_MANY_PENDING), as it does after the wait. Nothing is sent then.
     */
    private Integer maxPendingSends = 1000;

    /**
     * The most connections of the HTTP client. Over HTTP/2 (TLS, the default with Meta) each connection carries up
     * to 100 requests at once and connections are opened only as the requests in flight need them; over HTTP/1.1
     * (clear text, a proxy, an httpClientConfigurer, or a server without HTTP/2) each carries one request at a time.
     * Requests in flight are about rate x latency: 1000/s at 250 ms needs 250.
     */
    private Integer maxConnections = 300;

    /**
     * The proxy host to reach the Graph API through.
     */
    private String proxyHost;

    /**
     * The proxy port.
     */
    private Integer proxyPort;

    /**
     * TLS settings of the HTTP client. The option is a org.apache.camel.support.jsse.SSLContextParameters type: give a
     * bean reference such as #bean:name.
     */
    private SSLContextParameters sslContextParameters;

    /**
     * A hook that customises the Apache HttpClient 5 async client builder before it is built. With it the component
     * sends through that one pooled client only (HTTP/2 negotiated over TLS, but one request per connection), not
     * over its multiplexed HTTP/2 connections. The option is a io.github.cwmarketing.whatsapp.http.HttpClientConfigurer
     * type: give a bean reference such as #bean:name.
     */
    private HttpClientConfigurer httpClientConfigurer;

    /**
     * The HTTP path of the webhook on the platform-http server.
     */
    private String webhookPath = "/whatsapp-marketing/webhook";

    /**
     * The verify token of Meta's GET verification handshake. Secret: masked in actuator's configprops and env
     * endpoints.
     */
    private String verifyToken;

    /**
     * The secret that signs the webhooks: Meta's app secret (X-Hub-Signature-256) or, with provider DIALOG360,
     * 360dialog's platform secret (x-360dialog-signature). Several secrets, comma-separated, are all accepted (key
     * rotation, several apps). Required with provider META unless signatureVerification is false; with DIALOG360 this
     * or webhookHeaderName and webhookHeaderSecret. Secret: masked in actuator's configprops and env endpoints.
     */
    private String appSecret;

    /**
     * Whether to reject webhook POSTs without a valid signature (X-Hub-Signature-256, or x-360dialog-signature with
     * provider DIALOG360). Turn off only for local testing.
     */
    private Boolean signatureVerification = true;

    /**
     * The name of a header every webhook POST must carry with the value webhookHeaderSecret, e.g. Authorization: the
     * custom header set when registering the webhook URL with 360dialog. Checked whenever set, with any provider and
     * whatever signatureVerification says.
     */
    private String webhookHeaderName;

    /**
     * The value the header webhookHeaderName must have, compared in constant time. Secret: masked in actuator's
     * configprops and env endpoints.
     */
    private String webhookHeaderSecret;

    /**
     * Where the consumer records the (message id, status, recipient) keys it has routed, so that Meta's re-deliveries
     * are routed once. Default: in memory, bounded by deduplicationCacheSize. Use a shared repository (e.g. camel-sql's
     * JDBC one) when several instances receive the webhook or re-deliveries must be recognised after a restart. The
     * option is a org.apache.camel.spi.IdempotentRepository type: give a bean reference such as #bean:name.
     */
    private IdempotentRepository idempotentRepository;

    /**
     * How many keys the default in-memory deduplication store keeps (the oldest are evicted first) when no
     * idempotentRepository is set. Meta re-delivers for up to 7 days and a message has about 3 statuses: size it to
     * messages per week x 3.
     */
    private Integer deduplicationCacheSize = 100000;

    /**
     * statuses routes one exchange per message status; all also routes inbound messages, value-level errors, user
     * actions and the statuses of other webhook fields (field_status). With statuses, the other events are acknowledged
     * and dropped.
     */
    private WebhookEvents events = WebhookEvents.statuses;

    /**
     * The largest webhook body accepted, in bytes (Meta's payloads reach 3 MB). A POST announcing a larger
     * Content-Length is answered 413 before its body is read, a chunked one as soon as it passes the limit; a request
     * never holds more body than this (on Spring Boot: with the starter, whose servlet filter enforces it).
     */
    private Integer maxBodySize = 4194304;

    /**
     * How long a webhook POST may take to deliver its body; a slower one is answered 408 and its connection closed, so
     * that slow uploads cannot hold the server's threads.
     */
    private Duration bodyReadTimeout = Duration.ofSeconds(10);

    /**
     * Whether the component's readiness health check also asks the Graph API whether the access token is accepted (GET
     * of the phone number id, or of /me without one). A rejected token (HTTP 401, error code 190) or an inaccessible
     * phone number id reports DOWN; an unreachable Graph API reports UNKNOWN. Each answer is cached for a minute.
     */
    private Boolean healthCheckTokenValidation = false;

    /**
     * The component configuration: the defaults of every endpoint. The option is a
     * io.github.cwmarketing.whatsapp.WhatsAppMarketingConfiguration type: give a bean reference such as #bean:name.
     */
    private WhatsAppMarketingConfiguration configuration;

    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if possible)
     * occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will now be processed as
     * a message and handled by the routing Error Handler. Important: This is only possible if the 3rd party component
     * allows Camel to be alerted if an exception was thrown. Some components handle this internally only, and
     * therefore bridgeErrorHandler is not possible. In other situations we may improve the Camel component to hook
     * into the 3rd party component and make this possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR level and
     * ignored.
     */
    private Boolean bridgeErrorHandler = false;

    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause
     * the route to fail being started. By deferring this startup to be lazy then the startup failure can be handled
     * during routing messages via Camel's routing error handlers. Beware that when the first message is processed then
     * creating and starting the producer may take a little time and prolong the total processing time of the
     * processing.
     */
    private Boolean lazyStartProducer = false;

    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as
     * autowired) by looking up in the registry to find if there is a single instance of matching type, which then gets
     * configured on the component. This can be used for automatic configuring JDBC data sources, JMS connection
     * factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;

    /**
     * Creates the pacer of each phone number id. Default: from the pacing option, an in-memory token bucket per phone
     * number id in this JVM (LOCAL) or one shared through PostgreSQL (DATABASE). Implementations must never block.
     * The option is a io.github.cwmarketing.whatsapp.pipeline.PacerFactory type: give a bean reference such as
     * #bean:name (a single bean of the type is used automatically).
     */
    private PacerFactory pacerFactory;

    /**
     * Where the pacing of each phone number id is kept when no pacerFactory is set: LOCAL (this JVM; N instances send
     * N times the rate) or DATABASE (one token bucket per phone number id in a PostgreSQL table, created when absent,
     * shared by every instance: together they stay within the rate).
     */
    private WhatsAppMarketingPacing pacing = WhatsAppMarketingPacing.LOCAL;

    /**
     * The PostgreSQL DataSource of pacing=DATABASE (pooled, e.g. HikariCP). Default: the only DataSource in the
     * registry (Spring Boot's). The option is a javax.sql.DataSource type: give a bean reference such as #bean:name.
     */
    private DataSource pacingDataSource;

    /**
     * A listener told of every send outcome, retry, pacing wait and webhook event (metrics, audit). Every
     * WhatsAppMarketingListener bean in the registry is told as well. The option is a
     * io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener type: give a bean reference such as #bean:name.
     */
    private WhatsAppMarketingListener listener;

    /**
     * The message ledger (a MessageLedger bean: JdbcMessageLedger on PostgreSQL, shared by instances, or the bounded
     * InMemoryMessageLedger). With one, send claims each CamelWhatsAppMarketingSendKey before any request (a key
     * accepted earlier is not sent again), records every outcome, and refuses suppressed recipients; the webhook
     * records each status once (deduplicating re-deliveries across instances) and adds the message's context as
     * headers. Unset: no ledger. The option is a io.github.cwmarketing.whatsapp.ledger.MessageLedger type: give a bean
     * reference such as #bean:name (a single bean of the type is used automatically; set
     * camel.whatsapp-marketing.ledger.jdbc.enabled=true to have one built on the application's DataSource).
     */
    private MessageLedger ledger;

    /**
     * The campaign id recorded in the ledger with each send, for getCampaignReport. The header
     * CamelWhatsAppMarketingCampaign overrides it per message.
     */
    private String campaign;

    /**
     * With a ledger: a send key whose earlier send has an unknown outcome (sent, no usable answer) is sent again once
     * this long has passed without any status webhook for it. 0 = never (the send fails with
     * WhatsAppMarketingUnknownOutcomeException). A duration such as 10s, 500ms or PT1M; a plain number is milliseconds.
     */
    private Duration resendUnknownOutcomeAfter = Duration.ZERO;

    /**
     * With a ledger: how long a recipient is parked after Meta's per-user marketing limit (131049); Meta asks to wait
     * at least 24 hours, retrying sooner blocks the user for longer. A duration such as 10s, 500ms or PT1M; a plain
     * number is milliseconds.
     */
    private Duration parkDuration = Duration.ofHours(24);

    /**
     * With a ledger: how long a webhook POST waits for each of its two message ledger calls (the lookup before
     * routing, the record after). Past it the POST is answered 500 and Meta re-delivers it, so a database that hangs
     * does not hold Meta's requests. A duration such as 10s, 500ms or PT1M; a plain number is milliseconds.
     */
    private Duration webhookLedgerTimeout = Duration.ofSeconds(3);

    /**
     * Meta does not deliver marketing templates to US users: REJECT refuses a send to a US phone number (recognised by
     * region: +1 also covers Canada and the Caribbean, which are sent) with a validation error before any request;
     * SEND sends it anyway.
     */
    private UsRecipients usRecipients = UsRecipients.REJECT;

    public MessageLedger getLedger() {
        return ledger;
    }

    public void setLedger(MessageLedger ledger) {
        this.ledger = ledger;
    }

    public String getCampaign() {
        return campaign;
    }

    public void setCampaign(String campaign) {
        this.campaign = campaign;
    }

    public Duration getResendUnknownOutcomeAfter() {
        return resendUnknownOutcomeAfter;
    }

    public void setResendUnknownOutcomeAfter(Duration resendUnknownOutcomeAfter) {
        this.resendUnknownOutcomeAfter = resendUnknownOutcomeAfter;
    }

    public Duration getParkDuration() {
        return parkDuration;
    }

    public void setParkDuration(Duration parkDuration) {
        this.parkDuration = parkDuration;
    }

    public Duration getWebhookLedgerTimeout() {
        return webhookLedgerTimeout;
    }

    public void setWebhookLedgerTimeout(Duration webhookLedgerTimeout) {
        this.webhookLedgerTimeout = webhookLedgerTimeout;
    }

    public UsRecipients getUsRecipients() {
        return usRecipients;
    }

    public void setUsRecipients(UsRecipients usRecipients) {
        this.usRecipients = usRecipients;
    }

    /**
     * Record the component's Micrometer metrics (the whatsapp.marketing meters) when Micrometer is on the class path
     * and a MeterRegistry is known: the meterRegistry option, else the one in the registry (camel-micrometer's
     * metricsRegistry, as with camel.metrics.enabled=true, or the only MeterRegistry bean). With this starter the
     * application's MeterRegistry is used (the primary one when there are several), so the metrics are in actuator's
     * metrics and prometheus endpoints.
     */
    private Boolean metricsEnabled = true;

    /**
     * The Micrometer MeterRegistry that records the component's metrics; default: the application's. The
     * configuration processor skips properties of type Object, so its metadata is in
     * additional-spring-configuration-metadata.json.
     */
    private Object meterRegistry;

    public WhatsAppMarketingProvider getProvider() {
        return provider;
    }

    public void setProvider(WhatsAppMarketingProvider provider) {
        this.provider = provider;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getPhoneNumberId() {
        return phoneNumberId;
    }

    public void setPhoneNumberId(String phoneNumberId) {
        this.phoneNumberId = phoneNumberId;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    public String getBaseUri() {
        return baseUri;
    }

    public void setBaseUri(String baseUri) {
        this.baseUri = baseUri;
    }

    public String getWabaId() {
        return wabaId;
    }

    public void setWabaId(String wabaId) {
        this.wabaId = wabaId;
    }

    public String getTemplateId() {
        return templateId;
    }

    public void setTemplateId(String templateId) {
        this.templateId = templateId;
    }

    public ProductPolicy getProductPolicy() {
        return productPolicy;
    }

    public void setProductPolicy(ProductPolicy productPolicy) {
        this.productPolicy = productPolicy;
    }

    public Boolean getMessageActivitySharing() {
        return messageActivitySharing;
    }

    public void setMessageActivitySharing(Boolean messageActivitySharing) {
        this.messageActivitySharing = messageActivitySharing;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    public String getTemplateLanguage() {
        return templateLanguage;
    }

    public void setTemplateLanguage(String templateLanguage) {
        this.templateLanguage = templateLanguage;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    public void setConnectionRequestTimeout(Duration connectionRequestTimeout) {
        this.connectionRequestTimeout = connectionRequestTimeout;
    }

    public Duration getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(Duration responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public Integer getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(Integer maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(Duration retryDelay) {
        this.retryDelay = retryDelay;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(Duration retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public Boolean getRetryOnResponseTimeout() {
        return retryOnResponseTimeout;
    }

    public void setRetryOnResponseTimeout(Boolean retryOnResponseTimeout) {
        this.retryOnResponseTimeout = retryOnResponseTimeout;
    }

    public Boolean getRetryOnServerError() {
        return retryOnServerError;
    }

    public void setRetryOnServerError(Boolean retryOnServerError) {
        this.retryOnServerError = retryOnServerError;
    }

    public Integer getMessagesPerSecond() {
        return messagesPerSecond;
    }

    public void setMessagesPerSecond(Integer messagesPerSecond) {
        this.messagesPerSecond = messagesPerSecond;
    }

    public Integer getMaxMessagesPerSecond() {
        return maxMessagesPerSecond;
    }

    public void setMaxMessagesPerSecond(Integer maxMessagesPerSecond) {
        this.maxMessagesPerSecond = maxMessagesPerSecond;
    }

    public Boolean getPairPacing() {
        return pairPacing;
    }

    public void setPairPacing(Boolean pairPacing) {
        this.pairPacing = pairPacing;
    }

    public Integer getMaxPendingSends() {
        return maxPendingSends;
    }

    public void setMaxPendingSends(Integer maxPendingSends) {
        this.maxPendingSends = maxPendingSends;
    }

    public Integer getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
        this.maxConnections = maxConnections;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public Integer getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(Integer proxyPort) {
        this.proxyPort = proxyPort;
    }

    public SSLContextParameters getSslContextParameters() {
        return sslContextParameters;
    }

    public void setSslContextParameters(SSLContextParameters sslContextParameters) {
        this.sslContextParameters = sslContextParameters;
    }

    public HttpClientConfigurer getHttpClientConfigurer() {
        return httpClientConfigurer;
    }

    public void setHttpClientConfigurer(HttpClientConfigurer httpClientConfigurer) {
        this.httpClientConfigurer = httpClientConfigurer;
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public String getVerifyToken() {
        return verifyToken;
    }

    public void setVerifyToken(String verifyToken) {
        this.verifyToken = verifyToken;
    }

    public String getAppSecret() {
        return appSecret;
    }

    public void setAppSecret(String appSecret) {
        this.appSecret = appSecret;
    }

    public Boolean getSignatureVerification() {
        return signatureVerification;
    }

    public void setSignatureVerification(Boolean signatureVerification) {
        this.signatureVerification = signatureVerification;
    }

    public String getWebhookHeaderName() {
        return webhookHeaderName;
    }

    public void setWebhookHeaderName(String webhookHeaderName) {
        this.webhookHeaderName = webhookHeaderName;
    }

    public String getWebhookHeaderSecret() {
        return webhookHeaderSecret;
    }

    public void setWebhookHeaderSecret(String webhookHeaderSecret) {
        this.webhookHeaderSecret = webhookHeaderSecret;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public Integer getDeduplicationCacheSize() {
        return deduplicationCacheSize;
    }

    public void setDeduplicationCacheSize(Integer deduplicationCacheSize) {
        this.deduplicationCacheSize = deduplicationCacheSize;
    }

    public WebhookEvents getEvents() {
        return events;
    }

    public void setEvents(WebhookEvents events) {
        this.events = events;
    }

    public Integer getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(Integer maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public Duration getBodyReadTimeout() {
        return bodyReadTimeout;
    }

    public void setBodyReadTimeout(Duration bodyReadTimeout) {
        this.bodyReadTimeout = bodyReadTimeout;
    }

    public Boolean getHealthCheckTokenValidation() {
        return healthCheckTokenValidation;
    }

    public void setHealthCheckTokenValidation(Boolean healthCheckTokenValidation) {
        this.healthCheckTokenValidation = healthCheckTokenValidation;
    }

    public WhatsAppMarketingConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(WhatsAppMarketingConfiguration configuration) {
        this.configuration = configuration;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public PacerFactory getPacerFactory() {
        return pacerFactory;
    }

    public void setPacerFactory(PacerFactory pacerFactory) {
        this.pacerFactory = pacerFactory;
    }

    public WhatsAppMarketingPacing getPacing() {
        return pacing;
    }

    public void setPacing(WhatsAppMarketingPacing pacing) {
        this.pacing = pacing;
    }

    public DataSource getPacingDataSource() {
        return pacingDataSource;
    }

    public void setPacingDataSource(DataSource pacingDataSource) {
        this.pacingDataSource = pacingDataSource;
    }

    public WhatsAppMarketingListener getListener() {
        return listener;
    }

    public void setListener(WhatsAppMarketingListener listener) {
        this.listener = listener;
    }

    public Boolean getMetricsEnabled() {
        return metricsEnabled;
    }

    public void setMetricsEnabled(Boolean metricsEnabled) {
        this.metricsEnabled = metricsEnabled;
    }

    public Object getMeterRegistry() {
        return meterRegistry;
    }

    public void setMeterRegistry(Object meterRegistry) {
        this.meterRegistry = meterRegistry;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }
}
