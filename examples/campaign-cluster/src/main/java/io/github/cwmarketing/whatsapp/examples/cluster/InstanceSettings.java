package io.github.cwmarketing.whatsapp.examples.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What one instance of the cluster needs, passed by the coordinator to the child JVM as environment variables (not
 * arguments, so the database URL and the secrets stay out of process listings).
 *
 * @param index             this instance's number, from 0: its partition is every recipient whose position in the
 *                          recipients file modulo {@code count} is {@code index}
 * @param count             how many instances share the campaign
 * @param webhookPort       the port of this instance's webhook (the sandbox's callback URLs point here)
 * @param jdbcUrl           the shared PostgreSQL (ledger, webhook deduplication, pacing)
 * @param graphApiUri       the Graph API base URI (the sandbox)
 * @param phoneNumberId     the one phone number id the campaign sends through
 * @param accessToken       the Graph API token
 * @param appSecret         the key of the webhook signatures
 * @param campaign          the campaign id; send keys are {@code campaign:phone}
 * @param recipientsFile    the recipients CSV ({@code phone,first_name,language})
 * @param messagesPerSecond the number's rate, the same on every instance (pacing=DATABASE shares it)
 * @param lease             the ledger lease: how long the claims of a dead instance stay its own
 * @param resendUnknownAfter the endpoint's {@code resendUnknownOutcomeAfter}; zero = never
 * @param timeout           how long the instance tries to complete its partition
 */
public record InstanceSettings(int index, int count, int webhookPort, String jdbcUrl, URI graphApiUri,
                               String phoneNumberId, String accessToken, String appSecret, String campaign,
                               Path recipientsFile, int messagesPerSecond, Duration lease,
                               Duration resendUnknownAfter, Duration timeout) {

    public static final String WEBHOOK_PATH = "/whatsapp-marketing/webhook";
    public static final String VERIFY_TOKEN = "cluster-verify-token";

    public static InstanceSettings fromEnvironment(Map<String, String> env) {
        return new InstanceSettings(
                Integer.parseInt(required(env, "INSTANCE_INDEX")),
                Integer.parseInt(required(env, "INSTANCE_COUNT")),
                Integer.parseInt(required(env, "INSTANCE_WEBHOOK_PORT")),
                required(env, "INSTANCE_JDBC_URL"),
                URI.create(required(env, "INSTANCE_GRAPH_API_URI")),
                required(env, "INSTANCE_PHONE_NUMBER_ID"),
                required(env, "INSTANCE_ACCESS_TOKEN"),
                required(env, "INSTANCE_APP_SECRET"),
                required(env, "INSTANCE_CAMPAIGN"),
                Path.of(required(env, "INSTANCE_RECIPIENTS_FILE")),
                Integer.parseInt(required(env, "INSTANCE_MESSAGES_PER_SECOND")),
                Duration.ofMillis(Long.parseLong(required(env, "INSTANCE_LEASE_MS"))),
                Duration.ofMillis(Long.parseLong(required(env, "INSTANCE_RESEND_UNKNOWN_AFTER_MS"))),
                Duration.ofMillis(Long.parseLong(required(env, "INSTANCE_TIMEOUT_MS"))));
    }

    /** The environment variables {@link #fromEnvironment(Map)} reads back. */
    public Map<String, String> toEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("INSTANCE_INDEX", Integer.toString(index));
        env.put("INSTANCE_COUNT", Integer.toString(count));
        env.put("INSTANCE_WEBHOOK_PORT", Integer.toString(webhookPort));
        env.put("INSTANCE_JDBC_URL", jdbcUrl);
        env.put("INSTANCE_GRAPH_API_URI", graphApiUri.toString());
        env.put("INSTANCE_PHONE_NUMBER_ID", phoneNumberId);
        env.put("INSTANCE_ACCESS_TOKEN", accessToken);
        env.put("INSTANCE_APP_SECRET", appSecret);
        env.put("INSTANCE_CAMPAIGN", campaign);
        env.put("INSTANCE_RECIPIENTS_FILE", recipientsFile.toAbsolutePath().toString());
        env.put("INSTANCE_MESSAGES_PER_SECOND", Integer.toString(messagesPerSecond));
        env.put("INSTANCE_LEASE_MS", Long.toString(lease.toMillis()));
        env.put("INSTANCE_RESEND_UNKNOWN_AFTER_MS", Long.toString(resendUnknownAfter.toMillis()));
        env.put("INSTANCE_TIMEOUT_MS", Long.toString(timeout.toMillis()));
        return env;
    }

    /** The URL the load balancer (the sandbox) POSTs this instance's share of the status webhooks to. */
    public URI webhookUrl() {
        return webhookUrl(webhookPort);
    }

    /** The webhook URL of an instance listening on {@code port}. */
    public static URI webhookUrl(int port) {
        return URI.create("http://127.0.0.1:" + port + WEBHOOK_PATH);
    }

    /** Whether the recipient at {@code position} (from 0, the header line not counted) is this instance's. */
    public boolean owns(long position) {
        return position % count == index;
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing environment variable " + name);
        }
        return value;
    }
}
