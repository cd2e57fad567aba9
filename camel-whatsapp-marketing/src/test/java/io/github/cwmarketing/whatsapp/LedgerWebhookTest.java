package io.github.cwmarketing.whatsapp;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import io.github.cwmarketing.whatsapp.spi.LedgerWrite;
import io.github.cwmarketing.whatsapp.support.GraphApiStub;
import io.github.cwmarketing.whatsapp.support.LedgerDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.cwmarketing.whatsapp.WebhookPayloads.statuses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook consumer on a JDBC ledger whose database hangs (a lock held by another session): the POST is answered
 * 500 within {@code webhookLedgerTimeout}, long before the ledger's own 60 s operation timeout and the client's 10 s,
 * whether the lookup before routing or the record after it hangs; Meta's re-delivery is routed and recorded once.
 * Also: every participant of a group gets its status recorded, the route runs on a Vert.x worker thread (never an
 * event loop), and the listener is told of the ledger's writes.
 */
class LedgerWebhookTest {

    private static final String PATH = WhatsAppMarketingConfiguration.DEFAULT_WEBHOOK_PATH;

    private DataSource database;
    private GraphApiStub graphApi;
    private LedgerInstance instance;

    @BeforeEach
    void start() throws Exception {
        database = LedgerDatabase.freshSchema();
        graphApi = new GraphApiStub();
        // the ledger itself would wait a minute: only the webhook's bound can answer Meta in time
        instance = new LedgerInstance(database, graphApi.baseUri(), LedgerInstance.UNPACED,
                "&webhookLedgerTimeout=500ms", ledger -> ledger.setOperationTimeout(Duration.ofSeconds(60)));
    }

    @AfterEach
    void stop() {
        instance.close();
        graphApi.close();
    }

    private int post(byte[] body) {
        return instance.meta.postSigned(PATH, body, LedgerInstance.APP_SECRET).statusCode();
    }

    /** Another session holds a lock on the ledger's event table until the returned connection is closed. */
    private Connection lockEvents(String mode) throws Exception {
        Connection lock = database.getConnection();
        lock.setAutoCommit(false);
        try (Statement statement = lock.createStatement()) {
            statement.execute("LOCK TABLE whatsapp_webhook_event IN " + mode + " MODE");
        }
        return lock;
    }

    @Test
    void aLookupThatHangsIsAnswered500InTimeAndTheRedeliveryIsRoutedOnce() throws Exception {
        byte[] status = statuses(WebhookPayloads.status("wamid.HUNG_LOOKUP", "delivered"));
        try (Connection lock = lockEvents("ACCESS EXCLUSIVE")) {
            assertThat(post(status)).as("answered while the database still hangs").isEqualTo(500);
            assertThat(instance.routedStatuses.get()).isZero();
            lock.rollback();
        }

        assertThat(post(status)).isEqualTo(200);
        assertThat(post(status)).isEqualTo(200);
        assertThat(instance.routedStatuses.get()).as("routed once").isEqualTo(1);
    }

    @Test
    void aRecordThatHangsIsAnswered500InTimeAndTheLateRecordStillCountsForTheRedelivery() throws Exception {
        byte[] status = statuses(WebhookPayloads.status("wamid.HUNG_RECORD", "delivered"));
        // SHARE lets the lookup read the table but holds every insert
        try (Connection lock = lockEvents("SHARE")) {
            assertThat(post(status)).as("answered while the record still hangs").isEqualTo(500);
            assertThat(instance.routedStatuses.get()).as("routed before the record").isEqualTo(1);
            lock.rollback();
        }
        instance.ledger.flush().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(post(status)).isEqualTo(200);
        assertThat(instance.routedStatuses.get()).as("the late record made the re-delivery a duplicate")
                .isEqualTo(1);
    }

    @Test
    void eachParticipantOfAGroupIsRecordedOnceOnTheRouteThreadOfAVertxWorker() throws Exception {
        byte[] group = statuses(groupStatus("16505550001"), groupStatus("16505550002"));

        assertThat(post(group)).isEqualTo(200);
        assertThat(post(group)).as("a re-delivery").isEqualTo(200);

        assertThat(instance.routedStatuses.get()).as("one per participant").isEqualTo(2);
        assertThat(instance.routeThreads).isNotEmpty()
                .allSatisfy(thread -> assertThat(thread).startsWith("vert.x-worker-thread")
                        .doesNotContain("eventloop"));
        assertThat(instance.ledgerWrites).as("one record per POST that routed something")
                .containsExactly(LedgerWrite.STATUSES);
    }

    private static String groupStatus(String participant) {
        return "{\"id\":\"wamid.GROUP_LEDGER\",\"status\":\"delivered\",\"timestamp\":\"1750030073\","
               + "\"recipient_id\":\"120363040000000000\",\"recipient_type\":\"group\","
               + "\"recipient_participant_id\":\"" + participant + "\"}";
    }
}
