package io.github.cwmarketing.whatsapp.benchmarks.agent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Meta's status webhooks as the benchmarks send them: the envelope and status object of Meta's "marketing message
 * sent" example (webhook sample {@code status-sent-marketing-cloudapi.json} of camel-whatsapp-marketing-meta-reference),
 * with {@code n} statuses per POST, each with its own message id so that deduplication never short-circuits; signed
 * like Meta signs them.
 * Not thread safe (one Mac, one buffer): one instance per thread.
 */
public final class StatusWebhooks {

    public static final String APP_SECRET = "benchmark-app-secret-0123456789abcdef";

    private static final String HEAD = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                                       + "\"changes\":[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"
                                       + "\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
                                       + "\"statuses\":[";
    private static final String STATUS_START = "{\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQz";
    private static final String STATUS_END = "\",\"status\":\"sent\",\"timestamp\":\"1750030073\","
                                             + "\"recipient_id\":\"16505551234\",\"conversation\":{"
                                             + "\"id\":\"72b14d6bd5407799e66f64d1b338e567\",\"expiration_timestamp\":\"1750116480\","
                                             + "\"origin\":{\"type\":\"marketing\"}},\"pricing\":{\"billable\":true,"
                                             + "\"pricing_model\":\"PMP\",\"type\":\"regular\",\"category\":\"marketing\"}}";
    private static final String TAIL = "]},\"field\":\"messages\"}]}]}";

    private final String idPrefix;
    private final Mac mac;
    private final StringBuilder builder = new StringBuilder(1024);
    private long counter;

    /** {@code idPrefix} keeps ids unique across driver processes. */
    public StatusWebhooks(String idPrefix) {
        this.idPrefix = idPrefix;
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A body with {@code statuses} new statuses. */
    public byte[] next(int statuses) {
        builder.setLength(0);
        builder.append(HEAD);
        for (int i = 0; i < statuses; i++) {
            if (i > 0) {
                builder.append(',');
            }
            builder.append(STATUS_START).append(idPrefix).append(Long.toHexString(++counter).toUpperCase())
                    .append(STATUS_END);
        }
        builder.append(TAIL);
        return builder.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code X-Hub-Signature-256} value of a body. */
    public String sign(byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }
}
