package io.github.cwmarketing.whatsapp.examples.cluster;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import io.github.cwmarketing.whatsapp.model.AutomaticRetry;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingSuppressedException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingUnknownOutcomeException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * What one pass over an instance's partition found, send by send, from the ledger's answers: sent now; accepted
 * earlier (a duplicate with its stored message id: sent by this instance's dead predecessor or an earlier pass); in
 * flight (a duplicate without a message id: claimed by an instance whose lease has not expired yet, e.g. the dead
 * predecessor during its lease); unknown outcome (handed over by a dead instance without an answer: reported, then
 * resolved by its status webhook, or sent again after {@code resendUnknownOutcomeAfter} when set); suppressed;
 * rejected by Meta for good; or to be tried again by the next pass (a transient failure: the ledger or the pacing
 * database down, a throttling answer after the retries).
 */
public final class PassOutcomes {

    /** Finds the count of sends that failed because the ledger or pacing database was down, in {@link #describe()}. */
    static final Pattern STORE_FAILURES = Pattern.compile("ledger/pacing failures (\\d+)");

    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger acceptedEarlier = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger unknownOutcome = new AtomicInteger();
    private final AtomicInteger suppressed = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger retry = new AtomicInteger();
    private final AtomicInteger ledgerOrPacingFailures = new AtomicInteger();
    private final boolean unknownOutcomesResent;

    /**
     * @param unknownOutcomesResent whether unknown outcomes are sent again after {@code resendUnknownOutcomeAfter}
     *                              (then a pass that met one is followed by another), or stay reported as such
     */
    public PassOutcomes(boolean unknownOutcomesResent) {
        this.unknownOutcomesResent = unknownOutcomesResent;
    }

    /** A send that completed: sent now, or skipped by the ledger as a duplicate. */
    public void completed(Exchange exchange) {
        Message message = exchange.getMessage();
        if (!Boolean.TRUE.equals(message.getHeader(WhatsAppMarketingConstants.DUPLICATE, Boolean.class))) {
            sent.incrementAndGet();
        } else if (message.getHeader(WhatsAppMarketingConstants.MESSAGE_ID) == null) {
            inFlight.incrementAndGet();
        } else {
            acceptedEarlier.incrementAndGet();
        }
    }

    /** A send that failed with {@code error}. */
    public void failed(Exception error) {
        if (error instanceof WhatsAppMarketingUnknownOutcomeException) {
            unknownOutcome.incrementAndGet();
        } else if (error instanceof WhatsAppMarketingSuppressedException) {
            suppressed.incrementAndGet();
        } else if (error instanceof WhatsAppMarketingApiException api
                   && api.getAutomaticRetry() == AutomaticRetry.NEVER) {
            rejected.incrementAndGet();
        } else {
            // also a limit (130429, 131056) still met after the component's retries: not for good, the next pass
            // sends it again and the ledger decides (refused: sent again; a server error: an unknown outcome)
            if (error instanceof WhatsAppMarketingException && !(error instanceof WhatsAppMarketingApiException)) {
                ledgerOrPacingFailures.incrementAndGet();
            }
            retry.incrementAndGet();
        }
    }

    /** Whether the partition is complete: nothing left to try again, nothing in flight elsewhere. */
    public boolean complete() {
        return retry.get() == 0 && inFlight.get() == 0 && (!unknownOutcomesResent || unknownOutcome.get() == 0);
    }

    public int sent() {
        return sent.get();
    }

    public int unknownOutcome() {
        return unknownOutcome.get();
    }

    /** One line, counts only (no phone numbers). */
    public String describe() {
        return "sent " + sent + ", accepted earlier " + acceptedEarlier + ", in flight elsewhere " + inFlight
               + ", unknown outcome " + unknownOutcome + ", suppressed " + suppressed + ", rejected " + rejected
               + ", to retry " + retry + " (of which ledger/pacing failures " + ledgerOrPacingFailures + ")";
    }
}
