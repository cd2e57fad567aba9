package io.github.cwmarketing.whatsapp.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingLedgerException;
import io.github.cwmarketing.whatsapp.support.LedgerDatabase;
import io.github.cwmarketing.whatsapp.support.MutableClock;
import io.github.cwmarketing.whatsapp.support.RestartablePostgres;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.cwmarketing.whatsapp.ledger.MessageLedgerContractTest.START;
import static io.github.cwmarketing.whatsapp.ledger.MessageLedgerContractTest.await;
import static io.github.cwmarketing.whatsapp.ledger.MessageLedgerContractTest.intent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What only a shared database shows: two ledgers (two instances) on one PostgreSQL claiming the same keys, an instance
 * that dies holding claims, the schema applied once by instances that start together, and a database that stops.
 */
class JdbcMessageLedgerInstancesTest {

    private final MutableClock clock = new MutableClock(START);
    private final List<JdbcMessageLedger> started = new ArrayList<>();

    @AfterEach
    void stopLedgers() {
        started.forEach(ServiceHelper::stopService);
    }

    private JdbcMessageLedger ledger(DataSource dataSource) {
        JdbcMessageLedger ledger = new JdbcMessageLedger(dataSource);
        ledger.setClock(clock);
        ledger.setOperationTimeout(Duration.ofSeconds(5));
        started.add(ledger);
        ServiceHelper.startService(ledger);
        return ledger;
    }

    @Test
    void twoInstancesClaimingTheSame1000KeysConcurrentlyClaimEachOnce() throws Exception {
        DataSource database = LedgerDatabase.freshSchema();
        JdbcMessageLedger a = ledger(database);
        JdbcMessageLedger b = ledger(database);
        List<CompletionStage<SendClaim>> claims = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            SendIntent intent = intent("autumn-2026:" + i, "+49151" + (10_000_000 + i));
            claims.add(a.claim(intent));
            claims.add(b.claim(intent));
        }
        Map<String, Integer> proceeding = new HashMap<>();
        for (CompletionStage<SendClaim> stage : claims) {
            SendClaim claim = await(stage);
            if (claim.status() == ClaimStatus.PROCEED) {
                proceeding.merge(claim.intent().sendKey(), 1, Integer::sum);
            } else {
                assertThat(claim.status()).isEqualTo(ClaimStatus.IN_FLIGHT);
            }
        }
        assertThat(proceeding).hasSize(1000).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
        assertThat(await(a.campaignReport("autumn")).count(FinalStatus.IN_FLIGHT)).isEqualTo(1000);
        assertThat(await(b.campaignReport("autumn")).duplicatesSkipped()).isEqualTo(1000);
    }

    @Test
    void aClaimOfAnInstanceWhoseLeaseExpiredCountsByHowFarItGot() throws Exception {
        DataSource database = LedgerDatabase.freshSchema();
        JdbcMessageLedger dying = ledger(database);
        JdbcMessageLedger survivor = ledger(database);
        SendClaim claimedOnly = await(dying.claim(intent("claimed-only", "+4915112340101")));
        SendClaim handedOver = await(dying.claim(intent("handed-over", "+4915112340102")));
        assertThat(await(dying.handOver(handedOver))).isTrue();
        assertThat(await(survivor.claim(intent("claimed-only", "+4915112340101"))).status())
                .as("the instance is alive").isEqualTo(ClaimStatus.IN_FLIGHT);

        clock.advance(Duration.ofSeconds(31));

        SendClaim takenOver = await(survivor.claim(intent("claimed-only", "+4915112340101")));
        assertThat(takenOver.status()).as("never handed over: sent again").isEqualTo(ClaimStatus.PROCEED);
        assertThat(await(survivor.claim(intent("handed-over", "+4915112340102"))).status())
                .as("handed over: the outcome is unknown").isEqualTo(ClaimStatus.UNKNOWN_OUTCOME);
        assertThat(await(dying.handOver(claimedOnly))).as("the old claim is fenced off").isFalse();
        await(dying.recordOutcome(claimedOnly, AttemptOutcome.notSent()));
        assertThat(await(survivor.handOver(takenOver))).isTrue();
        CampaignReport report = await(survivor.campaignReport("autumn"));
        assertThat(report.unknownOutcomes()).isEqualTo(1);
        assertThat(report.count(FinalStatus.IN_FLIGHT)).isEqualTo(1);
    }

    @Test
    void aSendHandedBackWhileItsRetryWaitsIsSentAgainOnceItsInstanceDied() throws Exception {
        DataSource database = LedgerDatabase.freshSchema();
        JdbcMessageLedger dying = ledger(database);
        JdbcMessageLedger survivor = ledger(database);
        SendClaim refused = await(dying.claim(intent("refused-once", "+4915112340103")));
        assertThat(await(dying.handOver(refused))).isTrue();
        await(dying.handBack(refused));

        clock.advance(Duration.ofSeconds(31));

        SendClaim takenOver = await(survivor.claim(intent("refused-once", "+4915112340103")));
        assertThat(takenOver.status()).as("refused and handed back: sent again, not unknown")
                .isEqualTo(ClaimStatus.PROCEED);
        assertThat(await(dying.handOver(refused))).as("the dead instance's retry is fenced off").isFalse();
        assertThat(await(survivor.campaignReport("autumn")).unknownOutcomes()).isZero();
    }

    @Test
    void instancesStartingTogetherApplyTheSchemaOnceAndWithoutItAStartFailsClearly() throws Exception {
        DataSource database = LedgerDatabase.freshSchema();
        JdbcMessageLedger checking = new JdbcMessageLedger(database);
        checking.setCreateSchema(false);
        assertThatThrownBy(() -> ServiceHelper.startService(checking)).hasMessageContaining("schema is at version 0")
                .hasMessageContaining("V1");

        List<CompletableFuture<JdbcMessageLedger>> starting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starting.add(CompletableFuture.supplyAsync(() -> ledger(database)));
        }
        for (CompletableFuture<JdbcMessageLedger> ledger : starting) {
            ledger.get(30, TimeUnit.SECONDS);
        }
        try (Connection c = database.getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM whatsapp_ledger_schema")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
        JdbcMessageLedger afterwards = new JdbcMessageLedger(database);
        afterwards.setCreateSchema(false);
        started.add(afterwards);
        ServiceHelper.startService(afterwards);
    }

    @Test
    void aStoppedDatabaseFailsOperationsTypedAndTheLedgerRecoversWhenItIsBack() throws Exception {
        try (RestartablePostgres postgres = new RestartablePostgres()) {
            try (Connection c = postgres.dataSource("public").getConnection()) {
                c.createStatement().execute("CREATE SCHEMA restart");
            }
            JdbcMessageLedger ledger = ledger(postgres.dataSource("restart"));
            SendClaim before = await(ledger.claim(intent("before", "+4915112340201")));
            assertThat(before.status()).isEqualTo(ClaimStatus.PROCEED);

            postgres.stop();
            assertThatThrownBy(() -> await(ledger.claim(intent("during", "+4915112340202"))))
                    .isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(WhatsAppMarketingLedgerException.class).hasMessageContaining("unavailable");
            assertThatThrownBy(() -> await(ledger.recordStatuses(List.of(MessageLedgerContractTest.status("wamid.r",
                    "sent", "4915112340202"))))).cause().isInstanceOf(WhatsAppMarketingLedgerException.class);

            postgres.start();
            assertThat(await(ledger.claim(intent("during", "+4915112340202"))).status()).isEqualTo(ClaimStatus.PROCEED);
            assertThat(await(ledger.claim(intent("before", "+4915112340201"))).status())
                    .isEqualTo(ClaimStatus.IN_FLIGHT);
        }
    }
}
