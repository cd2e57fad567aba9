package io.github.cwmarketing.whatsapp.springboot;

import java.util.Locale;
import java.util.Set;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the secrets of the whatsapp-marketing component in actuator's {@code configprops} and {@code env} endpoints,
 * also when {@code management.endpoint.*.show-values} is {@code always}: every key whose last segment is one of
 * {@code accessToken}, {@code appSecret}, {@code verifyToken}, {@code apiKey} or {@code webhookHeaderSecret}, in any
 * spelling ({@code access-token}, {@code ACCESS_TOKEN}, {@code WHATSAPP_ACCESS_TOKEN}, ...). Such a key is masked wherever it
 * comes from, as the same names carry secrets elsewhere too.
 */
public class WhatsAppMarketingSanitizingFunction implements SanitizingFunction {

    private static final Set<String> SECRETS = Set.of("accesstoken", "appsecret", "verifytoken", "apikey", "webhookheadersecret");

    @Override
    public SanitizableData apply(SanitizableData data) {
        return isSecret(data.getKey()) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
    }

    static boolean isSecret(String key) {
        if (key == null) {
            return false;
        }
        int dot = key.lastIndexOf('.');
        String last = (dot >= 0 ? key.substring(dot + 1) : key).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (String secret : SECRETS) {
            if (last.endsWith(secret)) {
                return true;
            }
        }
        return false;
    }
}
