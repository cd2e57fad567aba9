package io.github.cwmarketing.whatsapp.webhook;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import io.github.cwmarketing.whatsapp.spi.WebhookRejectionReason;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor of the platform-http consumer that receives Meta's requests. GET is the verification handshake;
 * POST is checked (size, content type and encoding, signature over the raw bytes, secret header, JSON), its events are
 * routed one by one, and it is acknowledged with 200 only when every event was processed, otherwise 500 so that Meta
 * re-delivers it. The route never sees GETs or rejected POSTs.
 */
public final class WebhookRequestHandler implements Processor {

    private static final String CONTENT_LENGTH = "Content-Length";
    private static final String CONTENT_ENCODING = "Content-Encoding";
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRequestHandler.class);

    private final WebhookHandshake handshake;
    private final WebhookAuthentication authentication;
    private final WebhookBodyLimits bodyLimits;
    private final WebhookParser parser;
    private final EventDispatcher dispatcher;
    private final WhatsAppMarketingListener listener;

    /** The listener is told of every refused request. */
    public WebhookRequestHandler(WebhookHandshake handshake, WebhookAuthentication authentication,
                                 WebhookBodyLimits bodyLimits, WebhookParser parser, EventDispatcher dispatcher,
                                 WhatsAppMarketingListener listener) {
        this.handshake = handshake;
        this.authentication = authentication;
        this.bodyLimits = bodyLimits;
        this.parser = parser;
        this.dispatcher = dispatcher;
        this.listener = listener;
    }

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        String method = message.getHeader(Exchange.HTTP_METHOD, String.class);
        WebhookResponse response;
        try {
            response = switch (method == null ? "" : method) {
                case "GET" -> handshake(message);
                case "POST" -> receive(message);
                default -> throw new WebhookRejection(WebhookResponse.METHOD_NOT_ALLOWED, "Method not allowed");
            };
        } catch (WebhookRejection rejection) {
            refused(rejection);
            response = rejection.toResponse();
        } catch (RuntimeException e) {
            LOG.warn("Webhook request failed; Meta will re-deliver it: {}", e.getMessage(), e);
            response = WebhookResponse.error(WebhookResponse.INTERNAL_SERVER_ERROR, "Internal error");
        }
        write(message, response);
    }

    /**
     * For servers that read a request body before the consumer is asked (the Spring Boot starter's servlet filter):
     * reads a POST body within this webhook's limits, refusing it as the consumer would (a refusal is logged and the
     * listener told). The stream is closed.
     *
     * @param declaredLength  the Content-Length, -1 when unknown
     * @param contentEncoding the Content-Encoding header, null when none
     */
    public byte[] readBody(InputStream body, long declaredLength, String contentEncoding) throws WebhookRejection {
        try {
            bodyLimits.checkHeaders(declaredLength, contentEncoding);
            return bodyLimits.read(body, declaredLength);
        } catch (WebhookRejection rejection) {
            refused(rejection);
            throw rejection;
        }
    }

    private WebhookResponse handshake(Message message) {
        WebhookResponse response = handshake.answer(queryParameter(message, "hub.mode"),
                queryParameter(message, "hub.verify_token"), queryParameter(message, "hub.challenge"));
        if (response.status() != WebhookResponse.OK) {
            LOG.debug("Webhook verification handshake refused with {}", response.status());
            listener.onWebhookRejected(WebhookRejectionReason.HANDSHAKE, response.status());
        }
        return response;
    }

    /** A single query parameter; repeated ones arrive as a list and are refused like missing ones. */
    private static String queryParameter(Message message, String name) {
        Object value = message.getHeader(name);
        return value instanceof String text ? text : null;
    }

    private WebhookResponse receive(Message message) throws WebhookRejection {
        byte[] body = readBody(message);
        authentication.check(message, body);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Webhook POST body: {}", new String(body, StandardCharsets.UTF_8));
        }
        List<WebhookEvent> events = parser.parse(body);
        if (dispatcher.dispatchAll(events)) {
            return WebhookResponse.acknowledged();
        }
        return WebhookResponse.error(WebhookResponse.INTERNAL_SERVER_ERROR, "Not every event was processed");
    }

    /** The body within the limits; one refused before or while it is read is discarded by the engine, not kept. */
    private byte[] readBody(Message message) throws WebhookRejection {
        long declaredLength = declaredLength(message);
        try {
            bodyLimits.checkHeaders(declaredLength, message.getHeader(CONTENT_ENCODING, String.class));
            checkContentType(message);
            return RawBody.read(message, bodyLimits, declaredLength);
        } catch (WebhookRejection unread) {
            RawBody.discard(message, bodyLimits.drainTime(unread));
            throw unread;
        }
    }

    /** The announced Content-Length, or -1 when absent or unreadable (the server framed the body anyway). */
    private static long declaredLength(Message message) {
        Object declared = message.getHeader(CONTENT_LENGTH);
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.toString().trim());
        } catch (NumberFormatException unreadable) {
            return -1;
        }
    }

    private static void checkContentType(Message message) throws WebhookRejection {
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!JSON.equals(mediaType)) {
            throw new WebhookRejection(WebhookResponse.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be " + JSON);
        }
    }

    /** Logs a refusal and tells the listener. */
    private void refused(WebhookRejection rejection) {
        if (rejection.getStatus() == WebhookResponse.UNAUTHORIZED) {
            // actionable when it is Meta or 360dialog: the configured secret does not match theirs
            LOG.warn("Webhook POST rejected with 401: {}", rejection.getMessage());
        } else {
            LOG.debug("Webhook POST rejected with {}: {}", rejection.getStatus(), rejection.getMessage(),
                    rejection.getCause());
        }
        listener.onWebhookRejected(rejection.reason(), rejection.getStatus());
    }

    /** The response replaces every request header, which the engine would otherwise echo back. */
    private static void write(Message message, WebhookResponse response) {
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, response.status());
        if (response.body() != null) {
            message.setHeader(Exchange.CONTENT_TYPE, TEXT);
        }
        message.setBody(response.body());
    }
}
