package io.github.cwmarketing.whatsapp;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import io.github.cwmarketing.whatsapp.http.GraphApiResponse;
import io.github.cwmarketing.whatsapp.ledger.AttemptOutcome;
import io.github.cwmarketing.whatsapp.ledger.ClaimStatus;
import io.github.cwmarketing.whatsapp.ledger.MessageLedger;
import io.github.cwmarketing.whatsapp.ledger.SendClaim;
import io.github.cwmarketing.whatsapp.ledger.SendIntent;
import io.github.cwmarketing.whatsapp.ledger.Suppression;
import io.github.cwmarketing.whatsapp.model.MarketingMessageRequest;
import io.github.cwmarketing.whatsapp.model.MarketingMessageResponse;
import io.github.cwmarketing.whatsapp.model.ProductPolicy;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingLedgerException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingSuppressedException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingTransportException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingUnknownOutcomeException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import io.github.cwmarketing.whatsapp.pipeline.HandOver;
import io.github.cwmarketing.whatsapp.pipeline.OutgoingRequest;
import io.github.cwmarketing.whatsapp.send.AssembledMessage;
import io.github.cwmarketing.whatsapp.send.MessageDefaults;
import io.github.cwmarketing.whatsapp.send.PhoneNumbers;
import io.github.cwmarketing.whatsapp.send.RequestAssembler;
import io.github.cwmarketing.whatsapp.send.RequestValidator;
import io.github.cwmarketing.whatsapp.send.SendResponseReader;
import io.github.cwmarketing.whatsapp.spi.LedgerWrite;
import io.github.cwmarketing.whatsapp.spi.SendOutcome;
import io.github.cwmarketing.whatsapp.spi.SendResult;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code send} operation: assembles and validates the marketing message, claims it in the message ledger (when
 * one is set) before any request, then posts it without blocking the route thread, paced per phone number id, records
 * the outcome in the ledger and tells the listeners how it ended.
 */
public class WhatsAppMarketingSendProducer extends GraphApiProducer<WhatsAppMarketingSendProducer.PreparedSend> {

    private static final Logger LOG = LoggerFactory.getLogger(WhatsAppMarketingSendProducer.class);

    /** A validated message ready to send, and what the ledger said of it. */
    protected static final class PreparedSend {

        private final String templateName;
        private final SendIntent intent;
        private OutgoingRequest outgoing;
        private volatile SendClaim claim;
        private volatile Instant handedOverAt;

        PreparedSend(String templateName, SendIntent intent) {
            this.templateName = templateName;
            this.intent = intent;
        }

        String templateName() {
            return templateName;
        }

        OutgoingRequest outgoing() {
            return outgoing;
        }
    }

    /** The claim was taken over by another instance between claim and hand-over: that instance sends it. */
    private static final class ClaimTakenOver extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ClaimTakenOver() {
            super("The send key was taken over by another instance", null, false, false);
        }
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
        MessageLedger ledger = getEndpoint().ledger();
        String sendKey = ledger == null ? null : sendKey(in);
        // with a ledger, a message without callback data carries its send key there (a status resolves the key)
        AssembledMessage message = assembler.assemble(in.getBody(), defaults(in, sendKey));
        MarketingMessageRequest request = message.request();
        validator.validate(request);
        String recipient = recipient(request);
        String phoneNumberId = header(in, WhatsAppMarketingConstants.PHONE_NUMBER_ID, configuration.getPhoneNumberId());
        if (configuration.getProvider() != WhatsAppMarketingProvider.DIALOG360) {
            // 360dialog's URL has no phone number id: its API key stands for the number
            RequestValidator.validatePhoneNumberId(phoneNumberId);
        }
        SendIntent intent = ledger == null ? null : intent(in, sendKey, request, recipient, phoneNumberId);
        WhatsAppMarketingEndpoint endpoint = getEndpoint();
        PreparedSend prepared = new PreparedSend(request.getTemplate().getName(), intent);
        prepared.outgoing = new OutgoingRequest(WhatsAppMarketingOperation.send.name(), phoneNumberId,
                endpoint.marketingMessagesRequest(phoneNumberId, message.json(), accessToken),
                endpoint.pacing(phoneNumberId), recipient, ledger == null ? null : new LedgerHandOver(ledger, prepared));
        return prepared;
    }

    /**
     * The recipient as the ledger and pair pacing know it (E.164 phone number, else BSUID); refuses a US number unless
     * usRecipients=SEND.
     */
    private String recipient(MarketingMessageRequest request) {
        if (request.getTo() == null) {
            return request.getRecipient();
        }
        PhoneNumber number = PhoneNumbers.parse(request.getTo());
        if (configuration.getUsRecipients() != UsRecipients.SEND && PhoneNumbers.isUnitedStates(number)) {
            throw new WhatsAppMarketingValidationException("to", "is a United States number: Meta does not deliver"
                    + " marketing templates to US users (set usRecipients=SEND to send anyway)");
        }
        return PhoneNumbers.e164(number);
    }

    /** The send key header, checked: it travels as biz_opaque_callback_data, so at most 512 characters. */
    private static String sendKey(Message in) {
        String sendKey = in.getHeader(WhatsAppMarketingConstants.SEND_KEY, String.class);
        if (sendKey != null && (sendKey.isEmpty() || sendKey.length() > SendIntent.SEND_KEY_MAX)) {
            throw new WhatsAppMarketingValidationException(WhatsAppMarketingConstants.SEND_KEY,
                    "must be 1 to " + SendIntent.SEND_KEY_MAX + " characters (it travels as biz_opaque_callback_data)");
        }
        return sendKey;
    }

    private SendIntent intent(Message in, String sendKey, MarketingMessageRequest request, String recipient,
                              String phoneNumberId) {
        String campaign = header(in, WhatsAppMarketingConstants.CAMPAIGN, configuration.getCampaign());
        if (campaign != null && campaign.length() > SendIntent.CAMPAIGN_MAX) {
            throw new WhatsAppMarketingValidationException(WhatsAppMarketingConstants.CAMPAIGN,
                    "must be at most " + SendIntent.CAMPAIGN_MAX + " characters");
        }
        long resendAfter = configuration.getResendUnknownOutcomeAfter();
        boolean keyInCallback = sendKey != null && sendKey.equals(request.getBizOpaqueCallbackData());
        return new SendIntent(sendKey, campaign, phoneNumberId, recipient, request.getTemplate().getName(),
                request.getTemplate().getLanguage().getCode(),
                request.getProductPolicy() == null ? null : request.getProductPolicy().name(), keyInCallback,
                resendAfter > 0 ? Duration.ofMillis(resendAfter) : null);
    }

    /** Claims the send key (and checks the recipient) in the ledger before any request or pacing wait. */
    @Override
    protected CompletionStage<Boolean> admit(Exchange exchange, PreparedSend prepared) {
        if (prepared.intent == null) {
            return super.admit(exchange, prepared);
        }
        MessageLedger ledger = getEndpoint().ledger();
        CompletionStage<SendClaim> claimed = LedgerWrites.timed(LedgerWrite.CLAIM, listener(),
                () -> ledger.claim(prepared.intent));
        return claimed.thenApply(claim -> {
            prepared.claim = claim;
            Message message = exchange.getMessage();
            switch (claim.status()) {
                case PROCEED:
                    return true;
                case DUPLICATE:
                    message.setHeader(WhatsAppMarketingConstants.MESSAGE_ID, claim.messageId());
                    setIfPresent(message, WhatsAppMarketingConstants.MESSAGE_STATUS, claim.messageStatus());
                    message.setHeader(WhatsAppMarketingConstants.DUPLICATE, Boolean.TRUE);
                    return false;
                case IN_FLIGHT:
                    message.setHeader(WhatsAppMarketingConstants.DUPLICATE, Boolean.TRUE);
                    return false;
                case UNKNOWN_OUTCOME:
                    throw new WhatsAppMarketingUnknownOutcomeException("an earlier send with this send key was handed"
                            + " over" + (claim.sentAt() == null ? "" : " at " + claim.sentAt()) + " without a usable"
                            + " answer and no status webhook has resolved it (resendUnknownOutcomeAfter allows a resend)",
                            null, null);
                default:
                    Suppression suppression = claim.suppression();
                    throw new WhatsAppMarketingSuppressedException(suppression.recipient(),
                            suppression.reason().name(), suppression.until());
            }
        });
    }

    /** The ledger's records around a send's attempts. */
    private final class LedgerHandOver implements HandOver {
        private final MessageLedger ledger;
        private final PreparedSend prepared;

        LedgerHandOver(MessageLedger ledger, PreparedSend prepared) {
            this.ledger = ledger;
            this.prepared = prepared;
        }

        /** Right before the request leaves: the ledger records the hand-over; a claim taken over meanwhile stops it. */
        @Override
        public CompletionStage<Void> handOver() {
            prepared.handedOverAt = Instant.now();
            SendClaim claim = prepared.claim;
            CompletionStage<Boolean> handedOver = claim.holdsRow()
                    ? LedgerWrites.timed(LedgerWrite.HAND_OVER, listener(), () -> ledger.handOver(claim))
                    : ledger.handOver(claim);
            return handedOver.thenAccept(held -> {
                if (!held) {
                    throw new ClaimTakenOver();
                }
            });
        }

        /** The attempt was not accepted and its retry waits: until handed over again, the send was never sent. */
        @Override
        public void handBack() {
            prepared.handedOverAt = null;
            SendClaim claim = prepared.claim;
            if (claim.holdsRow()) {
                ledger.handBack(claim).whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.debug("The message ledger did not record a hand-back; the send stays handed over: {}",
                                failure.toString());
                    }
                });
            }
        }
    }

    /**
     * Starts the ledger (its database work never waits for the first message, whichever thread brings it) and paces
     * the configured phone number id from the start: conflicting pacing options fail here, not later.
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().ledger();
        if (configuration.getPhoneNumberId() != null
            || configuration.getProvider() == WhatsAppMarketingProvider.DIALOG360) {
            getEndpoint().pacing(configuration.getPhoneNumberId());
        }
    }

    @Override
    protected OutgoingRequest outgoing(PreparedSend prepared) {
        return prepared.outgoing();
    }

    @Override
    protected void completed(Exchange exchange, PreparedSend prepared, long startedNanos) {
        if (exchange.getException() instanceof ClaimTakenOver) {
            exchange.setException(null);
            exchange.getMessage().setHeader(WhatsAppMarketingConstants.DUPLICATE, Boolean.TRUE);
        }
        recordOutcome(exchange, prepared);
        Duration latency = Duration.ofNanos(System.nanoTime() - startedNanos);
        Message message = exchange.getMessage();
        Exception failure = exchange.getException();
        String phoneNumberId = prepared.outgoing().phoneNumberId();
        SendResult result;
        if (failure == null) {
            SendOutcome outcome = Boolean.TRUE.equals(message.getHeader(WhatsAppMarketingConstants.DUPLICATE))
                    ? SendOutcome.DUPLICATE : SendOutcome.ACCEPTED;
            result = new SendResult(outcome, phoneNumberId, prepared.templateName(),
                    message.getHeader(WhatsAppMarketingConstants.MESSAGE_ID, String.class),
                    message.getHeader(WhatsAppMarketingConstants.MESSAGE_STATUS, String.class), null, null, null,
                    latency);
        } else if (failure instanceof WhatsAppMarketingApiException error) {
            result = new SendResult(SendOutcome.REJECTED, phoneNumberId, prepared.templateName(), null, null,
                    error.getCode() == 0 ? null : error.getCode(), error.getRetryClass(), error, latency);
        } else {
            result = new SendResult(outcomeOf(failure), phoneNumberId, prepared.templateName(), null, null, null, null,
                    failure, latency);
        }
        listener().onSendCompleted(result);
    }

    private WhatsAppMarketingListener listener() {
        return getEndpoint().getComponent().listener();
    }

    /**
     * No pacing slot, a transport failure before sending, or a ledger that could not claim, is NOT_SENT; after
     * sending, or an unreadable answer, UNKNOWN.
     */
    private static SendOutcome outcomeOf(Exception failure) {
        if (failure instanceof WhatsAppMarketingSuppressedException) {
            return SendOutcome.SUPPRESSED;
        }
        boolean notSent = failure instanceof WhatsAppMarketingLedgerException
                          || failure instanceof WhatsAppMarketingPacingException
                          || failure instanceof WhatsAppMarketingTransportException transport && !transport.isRequestSent();
        return notSent ? SendOutcome.NOT_SENT : SendOutcome.UNKNOWN;
    }

    /** Tells the ledger how a claimed send ended; asynchronous, the exchange does not wait for it. */
    private void recordOutcome(Exchange exchange, PreparedSend prepared) {
        SendClaim claim = prepared.claim;
        if (claim == null || claim.status() != ClaimStatus.PROCEED) {
            return;
        }
        AttemptOutcome outcome = attemptOutcome(exchange, prepared.handedOverAt);
        MessageLedger ledger = getEndpoint().ledger();
        LedgerWrites.timed(LedgerWrite.OUTCOME, listener(), () -> ledger.recordOutcome(claim, outcome))
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        LOG.warn("The message ledger did not record a send's outcome ({}): {}", outcome.stage(),
                                failure.getMessage());
                    }
                });
    }

    private static AttemptOutcome attemptOutcome(Exchange exchange, Instant handedOverAt) {
        Exception failure = exchange.getException();
        Message message = exchange.getMessage();
        if (handedOverAt == null || failure instanceof WhatsAppMarketingLedgerException) {
            return AttemptOutcome.notSent();
        }
        if (failure == null) {
            String messageId = message.getHeader(WhatsAppMarketingConstants.MESSAGE_ID, String.class);
            return messageId == null || messageId.isEmpty() ? AttemptOutcome.unknown(handedOverAt)
                    : AttemptOutcome.accepted(messageId,
                            message.getHeader(WhatsAppMarketingConstants.MESSAGE_STATUS, String.class), handedOverAt);
        }
        if (failure instanceof WhatsAppMarketingApiException error) {
            return AttemptOutcome.rejected(error.getCode() == 0 ? null : error.getCode(), error.getErrorMessage(),
                    handedOverAt);
        }
        if (failure instanceof WhatsAppMarketingTransportException transport && !transport.isRequestSent()) {
            return AttemptOutcome.notSent();
        }
        return AttemptOutcome.unknown(handedOverAt);
    }

    /** The callback data header, else (with a ledger) the send key, so that a status webhook names the key. */
    private static String callbackData(Message in, String sendKey) {
        String header = in.getHeader(WhatsAppMarketingConstants.BIZ_OPAQUE_CALLBACK_DATA, String.class);
        return header != null ? header : sendKey;
    }

    private MessageDefaults defaults(Message in, String sendKey) {
        return new MessageDefaults(
                in.getHeader(WhatsAppMarketingConstants.TO, String.class),
                in.getHeader(WhatsAppMarketingConstants.RECIPIENT, String.class),
                header(in, WhatsAppMarketingConstants.TEMPLATE_NAME, configuration.getTemplateName()),
                header(in, WhatsAppMarketingConstants.TEMPLATE_LANGUAGE, configuration.getTemplateLanguage()),
                productPolicy(in),
                messageActivitySharing(in),
                in.getHeader(WhatsAppMarketingConstants.BODY_PARAMETERS),
                callbackData(in, sendKey));
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
