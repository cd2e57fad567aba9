package io.github.cwmarketing.whatsapp;

import java.net.URI;
import java.util.HexFormat;
import java.util.Map;

import io.github.cwmarketing.whatsapp.http.GraphApiRequest;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import io.github.cwmarketing.whatsapp.operations.GraphApiCall;
import io.github.cwmarketing.whatsapp.util.Sha256;
import org.apache.camel.util.ObjectHelper;

/**
 * The one place that knows each provider's URLs and authorisation header:
 * <ul>
 * <li>META: {@code {baseUri}/{apiVersion}/{phoneNumberId}/marketing_messages} and
 * {@code {baseUri}/{apiVersion}/{nodeId}[?fields=...]}, with {@code Authorization: Bearer <accessToken>};</li>
 * <li>DIALOG360: {@code {baseUri}/marketing_messages} (no version, no phone number id), with
 * {@code D360-API-KEY: <apiKey>}; the base defaults to {@code https://waba-v2.360dialog.io}.</li>
 * </ul>
 * A message may bring its own access token (the {@code CamelWhatsAppMarketingAccessToken} header), which replaces the
 * endpoint's in that request only. Holds the secret in its headers map: never log a {@link GraphApiRequest}'s headers.
 */
final class GraphApiUrls {

    static final String AUTHORIZATION = "Authorization";
    static final String D360_API_KEY = "D360-API-KEY";

    private final WhatsAppMarketingProvider provider;
    private final String baseUri;
    private final String apiVersion;
    private final Map<String, String> authorization;
    private final String dialog360PacingKey;

    GraphApiUrls(WhatsAppMarketingConfiguration configuration) {
        this.provider = configuration.getProvider();
        this.baseUri = trimSlash(configuration.effectiveBaseUri());
        this.apiVersion = configuration.getApiVersion();
        if (provider == WhatsAppMarketingProvider.DIALOG360) {
            this.authorization = Map.of(D360_API_KEY, configuration.getApiKey());
            this.dialog360PacingKey = "dialog360:" + fingerprint(configuration.getApiKey());
        } else {
            this.authorization = Map.of(AUTHORIZATION, "Bearer " + configuration.getAccessToken());
            this.dialog360PacingKey = null;
        }
    }

    /** The send request: {@code POST .../marketing_messages} with the JSON payload, with a message's own token. */
    GraphApiRequest marketingMessages(String phoneNumberId, byte[] json, String accessToken) {
        String path = provider == WhatsAppMarketingProvider.DIALOG360
                ? "/marketing_messages"
                : '/' + apiVersion + '/' + phoneNumberId + "/marketing_messages";
        return GraphApiRequest.post(URI.create(baseUri + path), authorization(accessToken), json);
    }

    /** An account or template operation's request (META only: the endpoint refuses the others at creation). */
    GraphApiRequest node(GraphApiCall call, String accessToken) {
        URI uri = URI.create(baseUri + '/' + apiVersion + '/' + call.nodeId()
                             + (call.fields() == null ? "" : "?fields=" + call.fields()));
        Map<String, String> headers = authorization(accessToken);
        return "GET".equals(call.method())
                ? GraphApiRequest.get(uri, headers)
                : GraphApiRequest.post(uri, headers, call.json());
    }

    /** The endpoint's authorisation, or a message's own access token (provider META only). */
    private Map<String, String> authorization(String accessToken) {
        if (accessToken == null) {
            return authorization;
        }
        if (provider != WhatsAppMarketingProvider.META) {
            throw new WhatsAppMarketingValidationException(WhatsAppMarketingConstants.ACCESS_TOKEN,
                    "is for provider META: with " + provider + " the apiKey option authenticates");
        }
        return Map.of(AUTHORIZATION, "Bearer " + accessToken);
    }

    /**
     * The key of the pacing bucket of a send: the phone number id for META; for DIALOG360, whose API key stands for
     * one number, the given phone number id if any, else a fingerprint of the key (never the key itself).
     */
    String pacingKey(String phoneNumberId) {
        if (provider == WhatsAppMarketingProvider.DIALOG360) {
            return ObjectHelper.isNotEmpty(phoneNumberId) ? phoneNumberId : dialog360PacingKey;
        }
        return phoneNumberId;
    }

    private static String fingerprint(String secret) {
        return HexFormat.of().formatHex(Sha256.digest(secret), 0, 8);
    }

    private static String trimSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
