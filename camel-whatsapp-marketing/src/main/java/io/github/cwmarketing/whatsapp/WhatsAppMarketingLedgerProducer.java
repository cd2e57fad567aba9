package io.github.cwmarketing.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.github.cwmarketing.whatsapp.ledger.MessageLedger;
import io.github.cwmarketing.whatsapp.ledger.Recipients;
import io.github.cwmarketing.whatsapp.ledger.Suppression;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingValidationException;
import io.github.cwmarketing.whatsapp.spi.LedgerWrite;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultAsyncProducer;

/**
 * The message ledger's operations, answered without any Graph API call: {@code getCampaignReport} (body: the
 * {@link io.github.cwmarketing.whatsapp.ledger.CampaignReport} of the campaign option or header), {@code suppress}
 * (recipients from the body, a String or a collection of them, else the To or Recipient header; body: how many) and
 * {@code unsuppress} (one recipient, likewise; body: whether it was suppressed).
 */
public class WhatsAppMarketingLedgerProducer extends DefaultAsyncProducer {

    private static final String IMPORTED = "suppress operation";

    public WhatsAppMarketingLedgerProducer(WhatsAppMarketingEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public WhatsAppMarketingEndpoint getEndpoint() {
        return (WhatsAppMarketingEndpoint) super.getEndpoint();
    }

    /** Starts the ledger with the route, not on the first message's thread. */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getEndpoint().ledger();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        Message in = exchange.getMessage();
        CompletionStage<?> result;
        try {
            MessageLedger ledger = getEndpoint().ledger();
            result = switch (getEndpoint().getOperation()) {
                case getCampaignReport -> ledger.campaignReport(campaign(in));
                case suppress -> suppress(ledger, recipients(in));
                case unsuppress -> unsuppress(ledger, single(recipients(in)));
                default -> throw new IllegalStateException("Not a ledger operation: " + getEndpoint().getOperation());
            };
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        result.whenComplete((body, failure) -> {
            if (failure != null) {
                exchange.setException(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            } else {
                exchange.getMessage().setBody(body);
            }
            callback.done(false);
        });
        return false;
    }

    private String campaign(Message in) {
        String campaign = in.getHeader(WhatsAppMarketingConstants.CAMPAIGN, String.class);
        return campaign != null ? campaign : getEndpoint().getConfiguration().getCampaign();
    }

    private CompletionStage<Integer> suppress(MessageLedger ledger, List<String> recipients) {
        Instant now = Instant.now();
        List<Suppression> suppressions = recipients.stream().map(r -> Suppression.manual(r, IMPORTED, now)).toList();
        return LedgerWrites.timed(LedgerWrite.SUPPRESS, getEndpoint().getComponent().listener(),
                () -> ledger.suppress(suppressions)).thenApply(done -> suppressions.size());
    }

    private CompletionStage<Boolean> unsuppress(MessageLedger ledger, String recipient) {
        return LedgerWrites.timed(LedgerWrite.UNSUPPRESS, getEndpoint().getComponent().listener(),
                () -> ledger.unsuppress(recipient));
    }

    private static List<String> recipients(Message in) {
        Object body = in.getBody();
        List<String> recipients = new ArrayList<>();
        if (body instanceof Collection<?> collection) {
            collection.forEach(item -> add(recipients, item == null ? null : item.toString()));
        } else if (body instanceof String text && !text.isBlank()) {
            add(recipients, text);
        } else {
            String to = in.getHeader(WhatsAppMarketingConstants.TO, String.class);
            add(recipients, to != null ? to : in.getHeader(WhatsAppMarketingConstants.RECIPIENT, String.class));
        }
        if (recipients.isEmpty()) {
            throw new WhatsAppMarketingValidationException("body",
                    "needs the recipients: a phone number or BSUID (or a collection of them) in the body, or the"
                    + " CamelWhatsAppMarketingTo or CamelWhatsAppMarketingRecipient header");
        }
        return recipients;
    }

    private static void add(List<String> recipients, String recipient) {
        String key = Recipients.key(recipient);
        if (key != null) {
            recipients.add(key);
        }
    }

    private static String single(List<String> recipients) {
        if (recipients.size() != 1) {
            throw new WhatsAppMarketingValidationException("body", "unsuppress takes one recipient, got "
                                                                   + recipients.size());
        }
        return recipients.get(0);
    }
}
