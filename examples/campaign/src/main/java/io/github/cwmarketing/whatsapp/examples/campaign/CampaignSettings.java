package io.github.cwmarketing.whatsapp.examples.campaign;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How the campaign runs, from environment variables. Without {@code WHATSAPP_ACCESS_TOKEN} it runs on the embedded
 * sandbox; with it, against Meta's Graph API, and then the phone number id, app secret and verify token are needed
 * too, and Meta must reach the webhook port through a public HTTPS URL.
 */
public record CampaignSettings(
        String accessToken,
        String phoneNumberId,
        String appSecret,
        String verifyToken,
        int webhookPort,
        String template,
        String productPolicy,
        String recipients,
        int messagesPerSecond,
        Duration settleTime,
        Duration timeout,
        String campaignId,
        String jdbcUrl,
        Path reportFile) {

    public static CampaignSettings fromEnvironment(Map<String, String> env) {
        return new CampaignSettings(
                env.get("WHATSAPP_ACCESS_TOKEN"),
                env.get("WHATSAPP_PHONE_NUMBER_ID"),
                env.get("WHATSAPP_APP_SECRET"),
                env.get("WHATSAPP_VERIFY_TOKEN"),
                Integer.parseInt(env.getOrDefault("WEBHOOK_PORT", "0")),
                env.getOrDefault("CAMPAIGN_TEMPLATE", "autumn_offer"),
                env.getOrDefault("CAMPAIGN_PRODUCT_POLICY", "STRICT"),
                env.getOrDefault("CAMPAIGN_RECIPIENTS", "classpath:recipients.csv"),
                Integer.parseInt(env.getOrDefault("CAMPAIGN_MESSAGES_PER_SECOND", "80")),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CAMPAIGN_SETTLE_SECONDS", "3"))),
                Duration.ofSeconds(Long.parseLong(env.getOrDefault("CAMPAIGN_TIMEOUT_SECONDS", "120"))),
                env.getOrDefault("CAMPAIGN_ID", "autumn-2026"),
                env.get("CAMPAIGN_JDBC_URL"),
                reportFile(env));
    }

    /** CAMPAIGN_REPORT_FILE, else target/campaign-report-(campaign id, as a file name).html. */
    private static Path reportFile(Map<String, String> env) {
        String configured = env.get("CAMPAIGN_REPORT_FILE");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String name = env.getOrDefault("CAMPAIGN_ID", "autumn-2026").replaceAll("[^A-Za-z0-9._-]", "_");
        return Path.of("target", "campaign-report-" + name + ".html");
    }

    public boolean useSandbox() {
        return accessToken == null || accessToken.isBlank();
    }

    /** The missing settings for a run against Meta; empty when complete. */
    public String missingForMeta() {
        StringBuilder missing = new StringBuilder();
        if (phoneNumberId == null) {
            missing.append(" WHATSAPP_PHONE_NUMBER_ID");
        }
        if (appSecret == null) {
            missing.append(" WHATSAPP_APP_SECRET");
        }
        if (verifyToken == null) {
            missing.append(" WHATSAPP_VERIFY_TOKEN");
        }
        return missing.toString().trim();
    }
}
