package io.github.cwmarketing.whatsapp.examples.cluster;

import java.time.Instant;
import java.util.regex.Matcher;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import io.github.cwmarketing.whatsapp.model.GraphApiError;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingLedgerException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingSuppressedException;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingUnknownOutcomeException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a pass reads the ledger's answers: what is done, what the next pass tries again. */
class PassOutcomesTest {

    @Test
    void aPassIsCompleteOnlyWhenNothingIsLeftToRetryOrInFlight() {
        PassOutcomes pass = new PassOutcomes(false);
        pass.completed(exchange(null, null));
        pass.completed(exchange(true, "wamid.1"));
        pass.failed(new WhatsAppMarketingUnknownOutcomeException("no answer", null, null));
        pass.failed(new WhatsAppMarketingSuppressedException("+4915110000000", "OPTED_OUT", Instant.EPOCH));
        pass.failed(rejection(131026));

        assertThat(pass.complete()).as(pass.describe()).isTrue();
        assertThat(pass.describe()).contains("sent 1,", "accepted earlier 1,", "unknown outcome 1,", "suppressed 1,",
                "rejected 1,", "to retry 0");

        pass.completed(exchange(true, null));
        assertThat(pass.complete()).as("a claim still leased by a dead instance: in flight elsewhere").isFalse();
    }

    @Test
    void aDatabaseOutageLeavesTheSendsToTheNextPass() {
        PassOutcomes pass = new PassOutcomes(false);
        pass.failed(new WhatsAppMarketingLedgerException("database down", null));
        pass.failed(new WhatsAppMarketingPacingException(WhatsAppMarketingPacingException.Reason.STORE_UNAVAILABLE,
                "100000000000001", "database down", null));

        assertThat(pass.complete()).isFalse();
        assertThat(pass.describe()).contains("to retry 2 (of which ledger/pacing failures 2)");
        Matcher failures = PassOutcomes.STORE_FAILURES.matcher(pass.describe());
        assertThat(failures.find()).isTrue();
        assertThat(failures.group(1)).as("what the coordinator reads from the pass line").isEqualTo("2");
    }

    @Test
    void aLimitStillMetAfterTheComponentsRetriesIsTriedAgainByTheNextPass() {
        PassOutcomes pass = new PassOutcomes(false);
        pass.failed(rejection(131056));
        pass.failed(rejection(130429));

        assertThat(pass.complete()).isFalse();
        assertThat(pass.describe()).contains("rejected 0,", "to retry 2 (of which ledger/pacing failures 0)");
    }

    @Test
    void unknownOutcomesAreTriedAgainOnlyWhenTheyMayBeResent() {
        PassOutcomes resending = new PassOutcomes(true);
        resending.failed(new WhatsAppMarketingUnknownOutcomeException("no answer", null, null));

        assertThat(resending.complete()).isFalse();
        assertThat(resending.unknownOutcome()).isEqualTo(1);
    }

    private static Exchange exchange(Boolean duplicate, String messageId) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setHeader(WhatsAppMarketingConstants.DUPLICATE, duplicate);
        exchange.getMessage().setHeader(WhatsAppMarketingConstants.MESSAGE_ID, messageId);
        return exchange;
    }

    private static WhatsAppMarketingApiException rejection(int code) {
        GraphApiError error = new GraphApiError();
        error.setCode(code);
        error.setMessage("(#" + code + ") refused");
        return new WhatsAppMarketingApiException(400, error, null);
    }
}
