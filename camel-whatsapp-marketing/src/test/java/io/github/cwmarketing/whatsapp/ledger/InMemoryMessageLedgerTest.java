package io.github.cwmarketing.whatsapp.ledger;

import java.time.Duration;

import io.github.cwmarketing.whatsapp.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryMessageLedgerTest extends MessageLedgerContractTest {

    @Override
    protected MessageLedger createLedger(MutableClock clock, Duration parkDuration) {
        InMemoryMessageLedger ledger = new InMemoryMessageLedger();
        ledger.setClock(clock);
        ledger.setParkDuration(parkDuration);
        return ledger;
    }

    @Test
    void itIsBoundedAndForgetsTheOldestMessagesFirst() throws Exception {
        InMemoryMessageLedger small = new InMemoryMessageLedger(3);
        for (int i = 0; i < 5; i++) {
            SendClaim claim = await(small.claim(intent("key" + i, "+491511234000" + i)));
            await(small.recordOutcome(claim, AttemptOutcome.accepted("wamid.m" + i, "accepted", START)));
        }
        assertThat(await(small.campaignReport("autumn")).messages()).isEqualTo(3);
        assertThat(await(small.claim(intent("key0", "+4915112340000"))).status()).as("forgotten")
                .isEqualTo(ClaimStatus.PROCEED);
        assertThat(await(small.claim(intent("key4", "+4915112340004"))).status()).isEqualTo(ClaimStatus.DUPLICATE);
    }
}
