package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.cwmarketing.whatsapp.http.GraphApiResponse;
import io.github.cwmarketing.whatsapp.model.MarketingMessageRequest;
import io.github.cwmarketing.whatsapp.model.MarketingMessageResponse;
import io.github.cwmarketing.whatsapp.model.ProductPolicy;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import io.github.cwmarketing.whatsapp.send.MessageDefaults;
import io.github.cwmarketing.whatsapp.send.RequestAssembler;
import io.github.cwmarketing.whatsapp.send.RequestValidator;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The {@code send} operation: assembles and validates the marketing message, then posts it without blocking the route
 * thread. The exchange continues on the HTTP client's I/O thread once Meta answers (or the last retry fails).
 */
public class WhatsAppMarketingProducer extends DefaultAsyncProducer {

    private final WhatsAppMarketingConfiguration configuration;
    private final RequestAssembler assembler;
    private final RequestValidator validator = new RequestValidator();
    private final ObjectWriter requestWriter;
    private final ObjectReader responseReader;

    public WhatsAppMarketingProducer(WhatsAppMarketingEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.assembler = new RequestAssembler(endpoint.getComponent().objectMapper());
        this.requestWriter = endpoint.getComponent().objectMapper().writerFor(MarketingMessageRequest.class);
        this.responseReader = endpoint.getComponent().objectMapper().readerFor(MarketingMessageResponse.class);
    }

    @Override
    public WhatsAppMarketingEndpoint getEndpoint() {
        return (WhatsAppMarketingEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().sender();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        String phoneNumberId;
        byte[] json;
        try {
            Message in = exchange.getMessage();
            MarketingMessageRequest request = assembler.assemble(in.getBody(), defaults(in));
            validator.validate(request);
            phoneNumberId = header(in, WhatsAppMarketingConstants.PHONE_NUMBER_ID, configuration.getPhoneNumberId());
            if (configuration.getProvider() != WhatsAppMarketingProvider.DIALOG360) {
                // 360dialog's URL has no phone number id: its API key stands for the number
                RequestValidator.validatePhoneNumberId(phoneNumberId);
            }
            json = requestWriter.writeValueAsBytes(request);
        } catch (Exception e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        WhatsAppMarketingEndpoint endpoint = getEndpoint();
        endpoint.sender().send(endpoint.marketingMessagesRequest(phoneNumberId, json), endpoint.pacer(phoneNumberId))
                .whenComplete((response, failure) -> complete(exchange, response, failure, callback));
        return false;
    }

    private void complete(Exchange exchange, GraphApiResponse response, Throwable failure, AsyncCallback callback) {
        try {
            if (failure != null) {
                exchange.setException(failure);
            } else {
                setResponse(exchange.getMessage(), response);
            }
        } catch (IOException | RuntimeException e) {
            exchange.setException(new IllegalStateException("Unreadable Graph API response: " + e.getMessage(), e));
        } finally {
            callback.done(false);
        }
    }

    private MessageDefaults defaults(Message in) {
        return new MessageDefaults(
                in.getHeader(WhatsAppMarketingConstants.TO, String.class),
                in.getHeader(WhatsAppMarketingConstants.RECIPIENT, String.class),
                header(in, WhatsAppMarketingConstants.TEMPLATE_NAME, configuration.getTemplateName()),
                header(in, WhatsAppMarketingConstants.TEMPLATE_LANGUAGE, configuration.getTemplateLanguage()),
                productPolicy(in),
                messageActivitySharing(in));
    }

    private static String header(Message in, String name, String fallback) {
        String value = in.getHeader(name, String.class);
        return value != null ? value : fallback;
    }

    private ProductPolicy productPolicy(Message in) {
        Object value = in.getHeader(WhatsAppMarketingConstants.PRODUCT_POLICY);
        if (value == null) {
            return configuration.getProductPolicy();
        }
        if (value instanceof ProductPolicy policy) {
            return policy;
        }
        try {
            return ProductPolicy.valueOf(value.toString().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new WhatsAppMarketingValidationException(WhatsAppMarketingConstants.PRODUCT_POLICY,
                    "must be STRICT or CLOUD_API_FALLBACK, was '" + value + "'");
        }
    }

    private Boolean messageActivitySharing(Message in) {
        Object value = in.getHeader(WhatsAppMarketingConstants.MESSAGE_ACTIVITY_SHARING);
        if (value == null) {
            return configuration.getMessageActivitySharing();
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = value.toString().trim();
        if ("true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)) {
            return Boolean.valueOf(text);
        }
        throw new WhatsAppMarketingValidationException(WhatsAppMarketingConstants.MESSAGE_ACTIVITY_SHARING,
                "must be true or false, was '" + value + "'");
    }

    private void setResponse(Message message, GraphApiResponse response) throws IOException {
        MarketingMessageResponse body = responseReader.readValue(response.body());
        message.setBody(body);
        MarketingMessageResponse.SentMessage sent = body.firstMessage();
        if (sent != null) {
            message.setHeader(WhatsAppMarketingConstants.MESSAGE_ID, sent.getId());
            setIfPresent(message, WhatsAppMarketingConstants.MESSAGE_STATUS, sent.getMessageStatus());
        }
        MarketingMessageResponse.Contact contact = body.firstContact();
        if (contact != null) {
            setIfPresent(message, WhatsAppMarketingConstants.INPUT, contact.getInput());
            setIfPresent(message, WhatsAppMarketingConstants.WA_ID, contact.getWaId());
            setIfPresent(message, WhatsAppMarketingConstants.USER_ID, contact.getUserId());
        }
    }

    private static void setIfPresent(Message message, String header, String value) {
        if (value != null) {
            message.setHeader(header, value);
        }
    }
}
