package io.github.cwmarketing.whatsapp.webhook;

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
 * POST is checked (size, content type, signature over the raw bytes, JSON), its events are routed one by one, and it
 * is acknowledged with 200 only when every event was processed, otherwise 500 so that Meta re-delivers it. The route
 * never sees GETs or rejected POSTs.
 */
public final class WebhookRequestHandler implements Processor {

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final String CONTENT_LENGTH = "Content-Length";
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain";

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRequestHandler.class);

    private final WebhookHandshake handshake;
    private final WebhookSignature signature;
    private final int maxBodySize;
    private final WebhookParser parser;
    private final EventDispatcher dispatcher;
    private final WhatsAppMarketingListener listener;

    /** {@code signature} null turns verification off; the listener is told of every refused request. */
    public WebhookRequestHandler(WebhookHandshake handshake, WebhookSignature signature, int maxBodySize,
                                 WebhookParser parser, EventDispatcher dispatcher, WhatsAppMarketingListener listener) {
        this.handshake = handshake;
        this.signature = signature;
        this.maxBodySize = maxBodySize;
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
            logRejection(rejection);
            listener.onWebhookRejected(rejection.reason(), rejection.getStatus());
            response = rejection.toResponse();
        } catch (RuntimeException e) {
            LOG.warn("Webhook request failed; Meta will re-deliver it: {}", e.getMessage(), e);
            response = WebhookResponse.error(WebhookResponse.INTERNAL_SERVER_ERROR, "Internal error");
        }
        write(message, response);
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
        checkDeclaredLength(message);
        checkContentType(message);
        byte[] body = RawBody.read(message, maxBodySize);
        checkSignature(message, body);
        if (LOG.isDebugEnabled()) {
            LOG.debug("Webhook POST body: {}", new String(body, StandardCharsets.UTF_8));
        }
        List<WebhookEvent> events = parser.parse(body);
        if (dispatcher.dispatchAll(events)) {
            return WebhookResponse.acknowledged();
        }
        return WebhookResponse.error(WebhookResponse.INTERNAL_SERVER_ERROR, "Not every event was processed");
    }

    /** Refuses a body announced too large before touching it; the actual size is checked again when read. */
    private void checkDeclaredLength(Message message) throws WebhookRejection {
        Object declared = message.getHeader(CONTENT_LENGTH);
        if (declared == null) {
            return;
        }
        try {
            if (Long.parseLong(declared.toString().trim()) > maxBodySize) {
                throw RawBody.tooLarge(maxBodySize);
            }
        } catch (NumberFormatException ignored) {
            // the server already framed the body; its real size is checked when read
        }
    }

    private static void checkContentType(Message message) throws WebhookRejection {
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!JSON.equals(mediaType)) {
            throw new WebhookRejection(WebhookResponse.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be " + JSON);
        }
    }

    private void checkSignature(Message message, byte[] body) throws WebhookRejection {
        if (signature == null) {
            return;
        }
        String header = message.getHeader(SIGNATURE_HEADER, String.class);
        if (header == null) {
            throw new WebhookRejection(WebhookResponse.UNAUTHORIZED, "Missing " + SIGNATURE_HEADER);
        }
        if (!signature.verify(body, header)) {
            throw new WebhookRejection(WebhookResponse.UNAUTHORIZED, "Invalid " + SIGNATURE_HEADER);
        }
    }

    private static void logRejection(WebhookRejection rejection) {
        if (rejection.getStatus() == WebhookResponse.UNAUTHORIZED) {
            // actionable when it is Meta: the configured appSecret does not match the app
            LOG.warn("Webhook POST rejected with 401: {}", rejection.getMessage());
        } else {
            LOG.debug("Webhook POST rejected with {}: {}", rejection.getStatus(), rejection.getMessage(),
                    rejection.getCause());
        }
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
