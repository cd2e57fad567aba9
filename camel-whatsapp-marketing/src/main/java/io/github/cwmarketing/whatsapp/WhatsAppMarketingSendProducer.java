package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import io.github.cwmarketing.whatsapp.http.GraphApiResponse;
import io.github.cwmarketing.whatsapp.model.MarketingMessageRequest;
import io.github.cwmarketing.whatsapp.model.MarketingMessageResponse;
import io.github.cwmarketing.whatsapp.model.ProductPolicy;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import io.github.cwmarketing.whatsapp.pipeline.OutgoingRequest;
import io.github.cwmarketing.whatsapp.send.AssembledMessage;
import io.github.cwmarketing.whatsapp.send.MessageDefaults;
import io.github.cwmarketing.whatsapp.send.RequestAssembler;
import io.github.cwmarketing.whatsapp.send.RequestValidator;
import io.github.cwmarketing.whatsapp.send.SendResponseReader;
import io.github.cwmarketing.whatsapp.spi.SendOutcome;
import io.github.cwmarketing.whatsapp.spi.SendResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The {@code send} operation: assembles and validates the marketing message, then posts it without blocking the route
 * thread, paced per phone number id, and tells the listeners how it ended.
 */
public class WhatsAppMarketingSendProducer extends GraphApiProducer<WhatsAppMarketingSendProducer.PreparedSend> {

    /** A validated message ready to send. */
    protected record PreparedSend(String templateName, OutgoingRequest outgoing) {
    }

    private final WhatsAppMarketingConfiguration configuration;
    private final RequestAssembler assembler;
    private final RequestValidator validator = new RequestValidator();
    private final SendResponseReader responseReader;

    public WhatsAppMarketingSendProducer(WhatsAppMarketingEndpoint endpoint) {
        super(endpoint);
        this.configuration = endpoint.getConfiguration();
        this.assembler = new RequestAssembler(endpoint.getComponent().objectMapper());
        this.responseReader = new SendResponseReader(endpoint.getComponent().objectMapper());
    }

    @Override
    protected PreparedSend prepare(Message in, String accessToken) throws Exception {
        AssembledMessage message = assembler.assemble(in.getBody(), defaults(in));
        MarketingMessageRequest request = message.request();
        validator.validate(request);
        String phoneNumberId = header(in, WhatsAppMarketingConstants.PHONE_NUMBER_ID, configuration.getPhoneNumberId());
        if (configuration.getProvider() != WhatsAppMarketingProvider.DIALOG360) {
            // 360dialog's URL has no phone number id: its API key stands for the number
            RequestValidator.validatePhoneNumberId(phoneNumberId);
        }
        WhatsAppMarketingEndpoint endpoint = getEndpoint();
        OutgoingRequest outgoing = new OutgoingRequest(WhatsAppMarketingOperation.send.name(), phoneNumberId,
                endpoint.marketingMessagesRequest(phoneNumberId, message.json(), accessToken),
                endpoint.pacing(phoneNumberId), pairKey(request));
        return new PreparedSend(request.getTemplate().getName(), outgoing);
    }

    /** Paces the configured phone number id from the start: conflicting pacing options fail here, not later. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (configuration.getPhoneNumberId() != null
            || configuration.getProvider() == WhatsAppMarketingProvider.DIALOG360) {
            getEndpoint().pacing(configuration.getPhoneNumberId());
        }
    }

    /** The recipient for pair pacing: the phone number's digits (so formatting does not matter), or the BSUID. */
    private static String pairKey(MarketingMessageRequest request) {
        String to = request.getTo();
        if (to == null) {
            return request.getRecipient();
        }
        StringBuilder digits = new StringBuilder(to.length());
        for (int i = 0; i < to.length(); i++) {
            char c = to.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }

    @Override
    protected OutgoingRequest outgoing(PreparedSend prepared) {
        return prepared.outgoing();
    }

    @Override
    protected void completed(Exchange exchange, PreparedSend prepared, long startedNanos) {
        Duration latency = Duration.ofNanos(System.nanoTime() - startedNanos);
        Message message = exchange.getMessage();
        Exception failure = exchange.getException();
        String phoneNumberId = prepared.outgoing().phoneNumberId();
        SendResult result;
        if (failure == null) {
            result = new SendResult(SendOutcome.ACCEPTED, phoneNumberId, prepared.templateName(),
                    message.getHeader(WhatsAppMarketingConstants.MESSAGE_ID, String.class),
                    message.getHeader(WhatsAppMarketingConstants.MESSAGE_STATUS, String.class), null, null, null,
                    latency);
        } else if (failure instanceof WhatsAppMarketingApiException error) {
            result = new SendResult(SendOutcome.REJECTED, phoneNumberId, prepared.templateName(), null, null,
                    error.getCode() == 0 ? null : error.getCode(), error.getRetryClass(), error, latency);
        } else {
            // no pacing slot, or a transport failure before sending, is NOT_SENT; after sending, or an unreadable
            // answer, UNKNOWN
            boolean notSent = failure instanceof WhatsAppMarketingPacingException
                              || failure instanceof WhatsAppMarketingTransportException transport
                                 && !transport.isRequestSent();
            SendOutcome outcome = notSent ? SendOutcome.NOT_SENT : SendOutcome.UNKNOWN;
            result = new SendResult(outcome, phoneNumberId, prepared.templateName(), null, null, null, null, failure,
                    latency);
        }
        getEndpoint().getComponent().listener().onSendCompleted(result);
    }

    private MessageDefaults defaults(Message in) {
        return new MessageDefaults(
                in.getHeader(WhatsAppMarketingConstants.TO, String.class),
                in.getHeader(WhatsAppMarketingConstants.RECIPIENT, String.class),
                header(in, WhatsAppMarketingConstants.TEMPLATE_NAME, configuration.getTemplateName()),
                header(in, WhatsAppMarketingConstants.TEMPLATE_LANGUAGE, configuration.getTemplateLanguage()),
                productPolicy(in),
                messageActivitySharing(in),
                in.getHeader(WhatsAppMarketingConstants.BODY_PARAMETERS),
                in.getHeader(WhatsAppMarketingConstants.BIZ_OPAQUE_CALLBACK_DATA, String.class));
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

    /** Only a message id proves acceptance: an answer without one is an unknown outcome (see GraphApiProducer). */
    @Override
    protected void setResult(Message message, GraphApiResponse response) throws IOException {
        MarketingMessageResponse body = responseReader.read(response.body());
        message.setBody(body);
        MarketingMessageResponse.SentMessage sent = body.firstMessage();
        message.setHeader(WhatsAppMarketingConstants.MESSAGE_ID, sent.getId());
        setIfPresent(message, WhatsAppMarketingConstants.MESSAGE_STATUS, sent.getMessageStatus());
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
