package io.github.cwmarketing.whatsapp.ledger;

import java.time.Duration;

import io.github.cwmarketing.whatsapp.support.LedgerDatabase;
import io.github.cwmarketing.whatsapp.support.MutableClock;

/** The contract on a real PostgreSQL 17, each test on a fresh schema created by the ledger itself. */
class JdbcMessageLedgerTest extends MessageLedgerContractTest {

    @Override
    protected MessageLedger createLedger(MutableClock clock, Duration parkDuration) {
        JdbcMessageLedger ledger = new JdbcMessageLedger(LedgerDatabase.freshSchema());
        ledger.setClock(clock);
        ledger.setParkDuration(parkDuration);
        return ledger;
    }
}
