package io.github.cwmarketing.whatsapp;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.github.cwmarketing.whatsapp.http.HttpClientConfigurer;
import io.github.cwmarketing.whatsapp.ledger.MessageLedger;
import io.github.cwmarketing.whatsapp.model.ProductPolicy;
import io.github.cwmarketing.whatsapp.pipeline.PacingSettings;
import io.github.cwmarketing.whatsapp.webhook.WebhookSignature;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.ObjectHelper;

/**
 * The options of the whatsapp-marketing component. Set on the component they are the defaults of every endpoint;
 * each endpoint gets its own copy, which its URI parameters override.
 */
@UriParams
public class WhatsAppMarketingConfiguration implements Cloneable {

    public static final String DEFAULT_API_VERSION = "v25.0";
    public static final String DEFAULT_WEBHOOK_PATH = "/whatsapp-marketing/webhook";
    public static final int DEFAULT_MAX_PENDING_SENDS = 1000;
    /** Keys of the default deduplication store: a week of about 33,000 messages with 3 statuses each. */
    public static final int DEFAULT_DEDUPLICATION_CACHE_SIZE = 100_000;

    // common

    @UriParam(defaultValue = "META", enums = "META,DIALOG360",
              description = "Whose API to call: META (Meta's Graph API, authenticated by accessToken) or DIALOG360"
                            + " (360dialog's Marketing Messages API at {baseUri}/marketing_messages, authenticated by"
                            + " apiKey; it offers send only, the account and template operations fail at endpoint"
                            + " creation).")
    private WhatsAppMarketingProvider provider = WhatsAppMarketingProvider.META;
    @UriParam(label = "security", secret = true,
              description = "The access token (system user token with whatsapp_business_messaging; the account and"
                            + " template operations also need whatsapp_business_management), sent as a Bearer token."
                            + " Required with provider META.")
    private String accessToken;
    @UriParam(label = "security", secret = true,
              description = "The 360dialog API key of the channel, sent as the D360-API-KEY header. Required with"
                            + " provider DIALOG360.")
    private String apiKey;
    @UriParam(description = "The business phone number id that sends the messages. Required for send with provider"
                            + " META (not used with DIALOG360, whose API key identifies the number); the header"
                            + " CamelWhatsAppMarketingPhoneNumberId overrides it per message.")
    private String phoneNumberId;
    @UriParam(defaultValue = DEFAULT_API_VERSION, description = "The Graph API version (not used with DIALOG360).")
    private String apiVersion = DEFAULT_API_VERSION;
    @UriParam(defaultValue = WhatsAppMarketingProvider.META_BASE_URI,
              description = "The API base URI: https://graph.facebook.com by default, https://waba-v2.360dialog.io when"
                            + " provider is DIALOG360 and this option is left at its default. Tests and the sandbox"
                            + " point it elsewhere.")
    private String baseUri = WhatsAppMarketingProvider.META_BASE_URI;

    // producer: account and template operations

    @UriParam(label = "producer",
              description = "The WhatsApp Business Account id (digits) of the account operations: getOnboardingStatus,"
                            + " getCloudApiMarketingDisabled, setCloudApiMarketingDisabled, and getCreativeFeatures /"
                            + " setCreativeFeatures when no templateId is given. The header CamelWhatsAppMarketingWabaId"
                            + " overrides it per exchange.")
    private String wabaId;
    @UriParam(label = "producer",
              description = "The message template id (digits) of the template operations: setTemplateTtl, and"
                            + " getCreativeFeatures / setCreativeFeatures at template level (a template id, from this"
                            + " option or the header, takes precedence over the WABA id). The header"
                            + " CamelWhatsAppMarketingTemplateId overrides it per exchange.")
    private String templateId;

    // producer: the message

    @UriParam(label = "producer", enums = "STRICT,CLOUD_API_FALLBACK",
              description = "STRICT rejects a message that the Marketing Messages API cannot deliver; CLOUD_API_FALLBACK"
                            + " routes it through Cloud API. Unset: the field is omitted and Meta's default"
                            + " (CLOUD_API_FALLBACK) applies.")
    private ProductPolicy productPolicy;
    @UriParam(label = "producer",
              description = "Whether Meta may use message activity (e.g. reads) to optimise delivery. Unset: the field is"
                            + " omitted and the WhatsApp Business Account setting applies.")
    private Boolean messageActivitySharing;
    @UriParam(label = "producer",
              description = "The template name, used when the body is not a full request payload.")
    private String templateName;
    @UriParam(label = "producer",
              description = "The template language code (e.g. en, en_US), used when the body is not a full request"
                            + " payload.")
    private String templateLanguage;

    // producer: transport, retries and pacing

    @UriParam(label = "producer", defaultValue = "10s", javaType = "java.time.Duration",
              description = "How long to wait for a connection to the Graph API.")
    private long connectTimeout = 10_000;
    @UriParam(label = "producer,advanced", defaultValue = "10s", javaType = "java.time.Duration",
              description = "How long a request may wait for a pooled connection while all maxConnections are in use."
                            + " A request that found no connection within this time plus the connect timeout was"
                            + " never sent: it fails with isRequestSent() false and is retried like any request that"
                            + " did not leave.")
    private long connectionRequestTimeout = 10_000;
    @UriParam(label = "producer", defaultValue = "30s", javaType = "java.time.Duration",
              description = "How long to wait for the Graph API's response once the request is sent. An attempt ends at"
                            + " the latest connectionRequestTimeout + connectTimeout + responseTimeout + 1 s after it"
                            + " starts.")
    private long responseTimeout = 30_000;
    @UriParam(label = "producer", defaultValue = "3",
              description = "How many times a request is retried automatically, only when it provably was not accepted"
                            + " (Meta's throughput, rate and pair limits and maintenance mode, which Meta answers before"
                            + " accepting anything; connection failures before sending). 0 = never.")
    private int maxRetries = 3;
    @UriParam(label = "producer,advanced", defaultValue = "500ms", javaType = "java.time.Duration",
              description = "The first retry delay; it doubles with each retry, with jitter.")
    private long retryDelay = 500;
    @UriParam(label = "producer,advanced", defaultValue = "30s", javaType = "java.time.Duration",
              description = "The longest delay before a retry. When Meta asks to wait longer (x-business-use-case-usage,"
                            + " or Retry-After on HTTP 429 and 503) the error is returned instead, its getRetryAfter()"
                            + " saying how long to wait.")
    private long retryMaxDelay = 30_000;
    @UriParam(label = "producer,advanced", defaultValue = "false",
              description = "Also retry when the request was sent but no response came in time. Such a message may have"
                            + " been delivered already, so a retry can send it twice.")
    private boolean retryOnResponseTimeout;
    @UriParam(label = "producer,advanced", defaultValue = "false",
              description = "Also retry a send or a change answered with one of Meta's temporary server errors (such as"
                            + " 131000 Something went wrong, or HTTP 503). Meta asks to try again, but such an answer"
                            + " does not prove that the message was not accepted, so a retry can send it twice. Reads"
                            + " are retried anyway.")
    private boolean retryOnServerError;
    @UriParam(label = "producer", defaultValue = "80",
              description = "Client-side pacing: the most messages per second sent per phone number id (Meta's default"
                            + " throughput is 80, up to 1000 after an upgrade; it counts inbound and all other traffic of"
                            + " the number too). With maxMessagesPerSecond, the starting rate. 0 turns pacing off. Every"
                            + " endpoint sending through one number must use the same rate.")
    private int messagesPerSecond = 80;
    @UriParam(label = "producer", defaultValue = "0",
              description = "Adaptive throughput tier: when set, the rate starts at messagesPerSecond (or at the"
                            + " number's level read from the Graph API, STANDARD = 80, HIGH = 1000, when the token may"
                            + " read it), is raised while Meta accepts every message and sends are waiting for slots,"
                            + " is lowered on error 130429, and never exceeds this maximum. 0 = a fixed rate.")
    private int maxMessagesPerSecond;
    @UriParam(label = "producer", defaultValue = "true",
              description = "Pair pacing: at most one message per 6 seconds from a phone number id to the same"
                            + " recipient (Meta's pair rate limit, error 131056); later ones are scheduled, not sent"
                            + " early. Remembers each recipient for 6 seconds only (bounded memory).")
    private boolean pairPacing = true;
    @UriParam(label = "producer", defaultValue = "1000",
              description = "Backpressure: the most exchanges of one phone number id waiting for a pacing slot. Past it"
                            + " the calling route thread waits (at most responseTimeout) until one is sent; on a thread"
                            + " that must never wait (the component's scheduler, the HTTP client's I/O threads, a Vert.x"
                            + " event loop) the exchange fails at once with WhatsAppMarketingPacingException"
                            + " (TOO_MANY_PENDING), as it does after the wait. Nothing is sent then.")
    private int maxPendingSends = DEFAULT_MAX_PENDING_SENDS;

    // producer: HTTP client

    @UriParam(label = "producer,advanced", defaultValue = "300",
              description = "The most connections of the HTTP client. Over HTTP/2 (TLS, the default with Meta)"
                            + " each connection carries up to 100 requests at once and connections are opened only as"
                            + " the requests in flight need them; over HTTP/1.1 (clear text, a proxy, an"
                            + " httpClientConfigurer, or a server without HTTP/2) each carries one request at a time."
                            + " Requests in flight are about rate x latency: 1000/s at 250 ms needs 250.")
    private int maxConnections = 300;
    @UriParam(label = "producer,proxy", description = "The proxy host to reach the Graph API through.")
    private String proxyHost;
    @UriParam(label = "producer,proxy", description = "The proxy port.")
    private Integer proxyPort;
    @UriParam(label = "producer,security", description = "TLS settings of the HTTP client.")
    private SSLContextParameters sslContextParameters;
    @UriParam(label = "producer,advanced",
              description = "A hook that customises the Apache HttpClient 5 async client builder before it is built."
                            + " With it the component sends through that one pooled client only (HTTP/2 negotiated"
                            + " over TLS, but one request per connection), not over its multiplexed HTTP/2"
                            + " connections.")
    private HttpClientConfigurer httpClientConfigurer;

    // consumer: webhook

    @UriParam(label = "consumer", defaultValue = DEFAULT_WEBHOOK_PATH,
              description = "The HTTP path of the webhook on the platform-http server.")
    private String webhookPath = DEFAULT_WEBHOOK_PATH;
    @UriParam(label = "consumer,security", secret = true,
              description = "The verify token of Meta's GET verification handshake.")
    private String verifyToken;
    @UriParam(label = "consumer,security", secret = true,
              description = "The secret that signs the webhooks: Meta's app secret (X-Hub-Signature-256) or, with"
                            + " provider DIALOG360, 360dialog's platform secret (x-360dialog-signature). Several"
                            + " secrets, comma-separated, are all accepted (key rotation, several apps). Required with"
                            + " provider META unless signatureVerification is false; with DIALOG360 this or"
                            + " webhookHeaderName and webhookHeaderSecret.")
    private String appSecret;
    @UriParam(label = "consumer,security", defaultValue = "true",
              description = "Whether to reject webhook POSTs without a valid signature (X-Hub-Signature-256, or"
                            + " x-360dialog-signature with provider DIALOG360). Turn off only for local testing.")
    private boolean signatureVerification = true;
    @UriParam(label = "consumer,security",
              description = "The name of a header every webhook POST must carry with the value webhookHeaderSecret,"
                            + " e.g. Authorization: the custom header set when registering the webhook URL with"
                            + " 360dialog. Checked whenever set, with any provider and whatever signatureVerification"
                            + " says.")
    private String webhookHeaderName;
    @UriParam(label = "consumer,security", secret = true,
              description = "The value the header webhookHeaderName must have, compared in constant time.")
    private String webhookHeaderSecret;
    @UriParam(label = "consumer,advanced",
              description = "Where the consumer records the (message id, status, recipient) keys it has routed, so"
                            + " that Meta's re-deliveries are routed once. Default: in memory, bounded by"
                            + " deduplicationCacheSize. Use a shared repository (e.g. camel-sql's JDBC one) when"
                            + " several instances receive the webhook or re-deliveries must be recognised after a"
                            + " restart.")
    private IdempotentRepository idempotentRepository;
    @UriParam(label = "consumer,advanced", defaultValue = "100000",
              description = "How many keys the default in-memory deduplication store keeps (the oldest are evicted"
                            + " first) when no idempotentRepository is set. Meta re-delivers for up to 7 days and a"
                            + " message has about 3 statuses: size it to messages per week x 3.")
    private int deduplicationCacheSize = DEFAULT_DEDUPLICATION_CACHE_SIZE;
    @UriParam(label = "consumer", defaultValue = "statuses", enums = "statuses,all",
              description = "statuses routes one exchange per message status; all also routes inbound messages,"
                            + " value-level errors, user actions and the statuses of other webhook fields"
                            + " (field_status). With statuses, the other events are acknowledged and dropped.")
    private WebhookEvents events = WebhookEvents.statuses;
    @UriParam(label = "consumer,advanced", defaultValue = "4194304",
              description = "The largest webhook body accepted, in bytes (Meta's payloads reach 3 MB). A POST"
                            + " announcing a larger Content-Length is answered 413 before its body is read, a chunked"
                            + " one as soon as it passes the limit; a request never holds more body than this (on"
                            + " Spring Boot: with the starter, whose servlet filter enforces it).")
    private int maxBodySize = 4 * 1024 * 1024;
    @UriParam(label = "consumer,advanced", defaultValue = "10s", javaType = "java.time.Duration",
              description = "How long a webhook POST may take to deliver its body; a slower one is answered 408 and"
                            + " its connection closed, so that slow uploads cannot hold the server's threads.")
    private long bodyReadTimeout = 10_000;

    // the message ledger (send and webhook)

    @UriParam(label = "advanced")
    @Metadata(autowired = true,
              description = "The message ledger (a MessageLedger bean: JdbcMessageLedger on PostgreSQL, shared by"
                            + " instances, or the bounded InMemoryMessageLedger). With one, send claims each"
                            + " CamelWhatsAppMarketingSendKey before any request (a key accepted earlier is not sent"
                            + " again), records every outcome, and refuses suppressed recipients; the webhook records each"
                            + " status once (deduplicating re-deliveries across instances) and adds the message's context"
                            + " as headers. Unset: no ledger.")
    private MessageLedger ledger;
    @UriParam(label = "consumer,advanced", defaultValue = "3s", javaType = "java.time.Duration",
              description = "With a ledger: how long a webhook POST waits for each of its two message ledger calls (the"
                            + " lookup before routing, the record after). Past it the POST is answered 500 and Meta"
                            + " re-delivers it, so a database that hangs does not hold Meta's requests.")
    private long webhookLedgerTimeout = 3_000;
    @UriParam(label = "producer",
              description = "The campaign id recorded in the ledger with each send, for getCampaignReport. The header"
                            + " CamelWhatsAppMarketingCampaign overrides it per message.")
    private String campaign;
    @UriParam(label = "producer,advanced", defaultValue = "0", javaType = "java.time.Duration",
              description = "With a ledger: a send key whose earlier send has an unknown outcome (sent, no usable answer)"
                            + " is sent again once this long has passed without any status webhook for it. 0 = never"
                            + " (the send fails with WhatsAppMarketingUnknownOutcomeException).")
    private long resendUnknownOutcomeAfter;
    @UriParam(label = "advanced", defaultValue = "24h", javaType = "java.time.Duration",
              description = "With a ledger: how long a recipient is parked after Meta's per-user marketing limit (131049);"
                            + " Meta asks to wait at least 24 hours, retrying sooner blocks the user for longer.")
    private long parkDuration = 24 * 60 * 60 * 1000L;
    @UriParam(label = "producer", defaultValue = "REJECT", enums = "REJECT,SEND",
              description = "Meta does not deliver marketing templates to US users: REJECT refuses a send to a US phone"
                            + " number (recognised by region: +1 also covers Canada and the Caribbean, which are sent) with"
                            + " a validation error before any request; SEND sends it anyway.")
    private UsRecipients usRecipients = UsRecipients.REJECT;

    // health

    @UriParam(label = "advanced", defaultValue = "false",
              description = "Whether the component's readiness health check also asks the Graph API whether the access"
                            + " token is accepted (GET of the phone number id, or of /me without one). A rejected token"
                            + " (HTTP 401, error code 190) or an inaccessible phone number id reports DOWN; an unreachable"
                            + " Graph API reports UNKNOWN. Each answer is cached for a minute.")
    private boolean healthCheckTokenValidation;

    public WhatsAppMarketingConfiguration copy() {
        try {
            return (WhatsAppMarketingConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    /**
     * Why the provider cannot serve the operation, as a predicate of the operation ("is not available with..."), or
     * null when it can. Checked when an endpoint is created; the first of {@link #configurationProblems}.
     */
    public String providerProblem(WhatsAppMarketingOperation operation) {
        if (provider == null) {
            return "has no provider: the provider option must be META or DIALOG360";
        }
        if (!provider.supports(operation)) {
            return "is not available with provider " + provider + ": its API offers no " + operation + " through this"
                   + " component (only send). Call Meta's Graph API for it instead: provider=META with an accessToken"
                   + " that has whatsapp_business_management";
        }
        return null;
    }

    /**
     * Every reason why this configuration cannot serve the operation, in the order they are checked; empty when it
     * can. The one source of these rules: producers and the webhook consumer refuse to start on the first problem,
     * the health check reports them all. A problem never holds a secret.
     */
    public List<String> configurationProblems(WhatsAppMarketingOperation operation) {
        List<String> problems = new ArrayList<>();
        String providerProblem = providerProblem(operation);
        if (providerProblem != null) {
            problems.add(operation + " " + providerProblem);
            return problems;
        }
        if (operation.isLedgerOperation()) {
            if (ledger == null) {
                problems.add(operation + " needs a message ledger: set the ledger option (a JdbcMessageLedger or"
                             + " InMemoryMessageLedger bean)");
            }
            return problems;
        }
        if (operation == WhatsAppMarketingOperation.webhook) {
            problems.addAll(webhookProblems());
            return problems;
        }
        if (provider == WhatsAppMarketingProvider.DIALOG360 && ObjectHelper.isEmpty(apiKey)) {
            problems.add("apiKey is not set (provider DIALOG360): the 360dialog API key, sent as D360-API-KEY");
        } else if (provider == WhatsAppMarketingProvider.META && ObjectHelper.isEmpty(accessToken)) {
            problems.add("accessToken is not set: a system user token, sent as Authorization: Bearer");
        }
        if (!isHttpUri(effectiveBaseUri())) {
            problems.add("baseUri is not an absolute http(s) URI");
        }
        if (connectionRequestTimeout <= 0) {
            problems.add("connectionRequestTimeout must be positive, was " + connectionRequestTimeout + " ms");
        }
        if (messagesPerSecond > 0) {
            String pacingProblem = pacingSettings().problem();
            if (pacingProblem != null) {
                problems.add(pacingProblem);
            }
        } else if (maxMessagesPerSecond > 0) {
            problems.add("maxMessagesPerSecond needs pacing: messagesPerSecond is " + messagesPerSecond
                         + " (pacing off); set it to the starting rate, e.g. 80");
        }
        return problems;
    }

    /** The pacing of the phone numbers this configuration sends through (when messagesPerSecond is positive). */
    public PacingSettings pacingSettings() {
        return new PacingSettings(messagesPerSecond, maxMessagesPerSecond, pairPacing, maxPendingSends);
    }

    private List<String> webhookProblems() {
        List<String> problems = new ArrayList<>();
        boolean signed = !WebhookSignature.splitSecrets(appSecret).isEmpty();
        boolean secretHeader = !ObjectHelper.isEmpty(webhookHeaderName);
        if (secretHeader == ObjectHelper.isEmpty(webhookHeaderSecret)) {
            problems.add("webhookHeaderName and webhookHeaderSecret go together: set both (the header 360dialog sends"
                         + " with the secret value registered with the webhook URL) or neither");
        }
        if (signatureVerification && !signed && provider == WhatsAppMarketingProvider.META) {
            problems.add("appSecret is not set: the webhook needs appSecret (the app secret that signs Meta's"
                         + " webhooks; several comma-separated during a rotation), or signatureVerification=false"
                         + " for local testing only");
        } else if (signatureVerification && !signed && !secretHeader) {
            problems.add("the webhook with provider DIALOG360 is not authenticated: set appSecret (360dialog's"
                         + " platform secret, checked against x-360dialog-signature) and/or webhookHeaderName and"
                         + " webhookHeaderSecret (the custom header registered with the webhook URL), or"
                         + " signatureVerification=false for local testing only");
        }
        if (maxBodySize <= 0) {
            problems.add("maxBodySize must be positive, was " + maxBodySize);
        }
        if (bodyReadTimeout <= 0) {
            problems.add("bodyReadTimeout must be positive, was " + bodyReadTimeout + " ms");
        }
        if (ledger != null && webhookLedgerTimeout <= 0) {
            problems.add("webhookLedgerTimeout must be positive, was " + webhookLedgerTimeout + " ms");
        }
        if (idempotentRepository == null && deduplicationCacheSize <= 0) {
            problems.add("deduplicationCacheSize must be positive, was " + deduplicationCacheSize);
        }
        return problems;
    }

    private static boolean isHttpUri(String uri) {
        if (ObjectHelper.isEmpty(uri)) {
            return false;
        }
        try {
            URI parsed = URI.create(uri);
            return parsed.getHost() != null
                   && ("http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public WhatsAppMarketingProvider getProvider() {
        return provider;
    }

    public void setProvider(WhatsAppMarketingProvider provider) {
        this.provider = provider;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
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

    /** The base URI in effect: the option, except that with DIALOG360 Meta's default stands for 360dialog's. */
    public String effectiveBaseUri() {
        return provider == null ? baseUri : provider.effectiveBaseUri(baseUri);
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
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

    public long getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(long connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public long getConnectionRequestTimeout() {
        return connectionRequestTimeout;
    }

    public void setConnectionRequestTimeout(long connectionRequestTimeout) {
        this.connectionRequestTimeout = connectionRequestTimeout;
    }

    public long getResponseTimeout() {
        return responseTimeout;
    }

    public void setResponseTimeout(long responseTimeout) {
        this.responseTimeout = responseTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public long getRetryDelay() {
        return retryDelay;
    }

    public void setRetryDelay(long retryDelay) {
        this.retryDelay = retryDelay;
    }

    public long getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(long retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public boolean isRetryOnResponseTimeout() {
        return retryOnResponseTimeout;
    }

    public void setRetryOnResponseTimeout(boolean retryOnResponseTimeout) {
        this.retryOnResponseTimeout = retryOnResponseTimeout;
    }

    public boolean isRetryOnServerError() {
        return retryOnServerError;
    }

    public void setRetryOnServerError(boolean retryOnServerError) {
        this.retryOnServerError = retryOnServerError;
    }

    public int getMaxMessagesPerSecond() {
        return maxMessagesPerSecond;
    }

    public void setMaxMessagesPerSecond(int maxMessagesPerSecond) {
        this.maxMessagesPerSecond = maxMessagesPerSecond;
    }

    public boolean isPairPacing() {
        return pairPacing;
    }

    public void setPairPacing(boolean pairPacing) {
        this.pairPacing = pairPacing;
    }

    public int getMaxPendingSends() {
        return maxPendingSends;
    }

    public void setMaxPendingSends(int maxPendingSends) {
        this.maxPendingSends = maxPendingSends;
    }

    public int getMessagesPerSecond() {
        return messagesPerSecond;
    }

    public void setMessagesPerSecond(int messagesPerSecond) {
        this.messagesPerSecond = messagesPerSecond;
    }

    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
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

    public boolean isSignatureVerification() {
        return signatureVerification;
    }

    public void setSignatureVerification(boolean signatureVerification) {
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

    public int getDeduplicationCacheSize() {
        return deduplicationCacheSize;
    }

    public void setDeduplicationCacheSize(int deduplicationCacheSize) {
        this.deduplicationCacheSize = deduplicationCacheSize;
    }

    public WebhookEvents getEvents() {
        return events;
    }

    public void setEvents(WebhookEvents events) {
        this.events = events;
    }

    public int getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(int maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public MessageLedger getLedger() {
        return ledger;
    }

    public void setLedger(MessageLedger ledger) {
        this.ledger = ledger;
    }

    public long getWebhookLedgerTimeout() {
        return webhookLedgerTimeout;
    }

    public void setWebhookLedgerTimeout(long webhookLedgerTimeout) {
        this.webhookLedgerTimeout = webhookLedgerTimeout;
    }

    public String getCampaign() {
        return campaign;
    }

    public void setCampaign(String campaign) {
        this.campaign = campaign;
    }

    public long getResendUnknownOutcomeAfter() {
        return resendUnknownOutcomeAfter;
    }

    public void setResendUnknownOutcomeAfter(long resendUnknownOutcomeAfter) {
        this.resendUnknownOutcomeAfter = resendUnknownOutcomeAfter;
    }

    public long getParkDuration() {
        return parkDuration;
    }

    public void setParkDuration(long parkDuration) {
        this.parkDuration = parkDuration;
    }

    public UsRecipients getUsRecipients() {
        return usRecipients;
    }

    public void setUsRecipients(UsRecipients usRecipients) {
        this.usRecipients = usRecipients;
    }

    public long getBodyReadTimeout() {
        return bodyReadTimeout;
    }

    public void setBodyReadTimeout(long bodyReadTimeout) {
        this.bodyReadTimeout = bodyReadTimeout;
    }

    public boolean isHealthCheckTokenValidation() {
        return healthCheckTokenValidation;
    }

    public void setHealthCheckTokenValidation(boolean healthCheckTokenValidation) {
        this.healthCheckTokenValidation = healthCheckTokenValidation;
    }
}
