package io.github.cwmarketing.whatsapp.ledger;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingLedgerException;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ledger in a relational database, shared by every instance that uses the same tables: PostgreSQL (12 or later) is
 * the database it is written and tested for; any {@link DataSource} (a pool or not) to it works. The schema is the
 * versioned script {@code META-INF/whatsapp-marketing/ledger/postgresql/V1__message_ledger.sql} in this jar, applied
 * at start when absent ({@code createSchema}, default true).
 * <p>
 * Work is done by lanes, each one thread with one connection: the sending lane (claims, outcomes, suppression
 * changes), the hand-over lane (hand-overs, which a request waits for right before it leaves, and the instance's
 * lease), the webhook lanes (lookups, status records, purges; two by default, taking POSTs in turn) and the read lane
 * (reports and suppression lists, which first wait for what the sending lane had queued, so they see every write
 * submitted before them): five connections by default. Each lane applies
 * whatever queued up while its previous transaction ran as one transaction of set-based statements, so the number of
 * database round trips grows with the number of batches, not of messages. Stages complete on a small
 * completion pool, never on a lane thread. The instance holds a lease (renewed every {@code leaseDuration / 3}); a
 * claim held by an instance whose lease expired counts by how far it got. Event keys are purged after
 * {@code eventRetention} (7 days) every {@code purgeInterval} (1 hour). Times come from the injected clock, so the
 * clocks of instances sharing the database should agree to well within the lease (NTP).
 */
public class JdbcMessageLedger extends ServiceSupport implements MessageLedger {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcMessageLedger.class);

    private final DataSource dataSource;
    private final String instanceId = UUID.randomUUID().toString();
    private final JdbcSendOperations sending = new JdbcSendOperations(this);
    private final JdbcStatusOperations receiving = new JdbcStatusOperations(this);
    private final JdbcReads reads = new JdbcReads(this);
    private Clock clock = Clock.systemUTC();
    private Duration parkDuration = Duration.ofHours(24);
    private Duration eventRetention = Duration.ofDays(7);
    private Duration leaseDuration = Duration.ofSeconds(30);
    private Duration purgeInterval = Duration.ofHours(1);
    private Duration operationTimeout = Duration.ofSeconds(10);
    private boolean createSchema = true;
    private int maxBatchSize = 500;
    private int maxQueueSize = 100_000;

    private ExecutorService completions;
    private ScheduledExecutorService timer;
    private LedgerLane sendLane;
    private LedgerLane handOverLane;
    private LedgerLane[] webhookLanes;
    private final AtomicInteger nextWebhookLane = new AtomicInteger();
    private int webhookLaneCount = 2;
    private LedgerLane readLane;

    public JdbcMessageLedger(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    // configuration

    /** The clock of every time the ledger records and compares (tests inject one). */
    public void setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    /** How long a 131049 parks a recipient; default 24 hours. */
    @Override
    public void setParkDuration(Duration parkDuration) {
        this.parkDuration = Objects.requireNonNull(parkDuration);
    }

    /** How long webhook event keys are kept for deduplication; default 7 days (Meta re-delivers for up to 7). */
    public void setEventRetention(Duration eventRetention) {
        this.eventRetention = Objects.requireNonNull(eventRetention);
    }

    /** How long the claims of an instance that stopped renewing its lease stay its own; default 30 s. */
    public void setLeaseDuration(Duration leaseDuration) {
        this.leaseDuration = Objects.requireNonNull(leaseDuration);
    }

    /** How often event keys past their retention and expired parks are deleted; default 1 hour. */
    public void setPurgeInterval(Duration purgeInterval) {
        this.purgeInterval = Objects.requireNonNull(purgeInterval);
    }

    /** How long a caller waits for an operation before it fails with a ledger exception; default 10 s. */
    public void setOperationTimeout(Duration operationTimeout) {
        this.operationTimeout = Objects.requireNonNull(operationTimeout);
    }

    /** Whether to apply the schema scripts at start when tables or versions are missing; default true. */
    public void setCreateSchema(boolean createSchema) {
        this.createSchema = createSchema;
    }

    /**
     * How many lanes (threads with a connection each) share the webhook's lookups and records; default 2, so that
     * the database works on two POSTs' transactions at once and the lanes get more of the CPU beside the HTTP
     * server's worker threads.
     */
    public void setWebhookLanes(int webhookLanes) {
        if (webhookLanes < 1) {
            throw new IllegalArgumentException("webhookLanes must be at least 1");
        }
        this.webhookLaneCount = webhookLanes;
    }

    /** The webhook lane of the next lookup or record, in turn. */
    private LedgerLane webhookLane() {
        return webhookLanes == null ? null : webhookLanes[Math.floorMod(nextWebhookLane.getAndIncrement(),
                webhookLanes.length)];
    }

    /** The most operations one transaction applies; default 500. */
    public void setMaxBatchSize(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    /** The most operations waiting per lane; past it operations fail at once (bounded memory). Default 100,000. */
    public void setMaxQueueSize(int maxQueueSize) {
        this.maxQueueSize = maxQueueSize;
    }

    // what the operations read

    String instanceId() {
        return instanceId;
    }

    Instant now() {
        return clock.instant();
    }

    Duration parkDuration() {
        return parkDuration;
    }

    Duration eventRetention() {
        return eventRetention;
    }

    Duration leaseDuration() {
        return leaseDuration;
    }

    /** Gives back a claim whose caller gave up waiting, so the key is sent by whoever claims it next. */
    void release(String claimToken) {
        if (isRunAllowed()) {
            sendLane.submit(sending.new ReleaseTask(claimToken));
        }
    }

    // lifecycle

    @Override
    protected void doStart() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            LedgerSchema.ensure(c, createSchema);
        }
        AtomicInteger threads = new AtomicInteger();
        completions = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "WhatsAppMarketingLedgerCompletion-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "WhatsAppMarketingLedgerTimer");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        timer = scheduler;
        sendLane = lane("WhatsAppMarketingLedgerSend");
        handOverLane = lane("WhatsAppMarketingLedgerHandOver");
        webhookLanes = new LedgerLane[webhookLaneCount];
        for (int i = 0; i < webhookLaneCount; i++) {
            webhookLanes[i] = lane("WhatsAppMarketingLedgerWebhook-" + (i + 1));
        }
        readLane = lane("WhatsAppMarketingLedgerRead");
        handOverLane.submitFirst(sending.new LeaseTask()).get(operationTimeout.toMillis(), TimeUnit.MILLISECONDS);
        long renewal = Math.max(1, leaseDuration.toMillis() / 3);
        timer.scheduleAtFixedRate(this::renewLease, renewal, renewal, TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::purgeQuietly, purgeInterval.toMillis(), purgeInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("Message ledger started on {} (instance {})", dataSource.getClass().getSimpleName(), instanceId);
    }

    private LedgerLane lane(String name) {
        LedgerLane lane = new LedgerLane(name, dataSource, maxBatchSize, maxQueueSize, operationTimeout, completions,
                timer);
        lane.start();
        return lane;
    }

    private void renewLease() {
        handOverLane.submitFirst(sending.new LeaseTask()).whenComplete((done, failure) -> {
            if (failure != null) {
                LOG.warn("Message ledger lease not renewed: {}", failure.getMessage());
            }
        });
    }

    private void purgeQuietly() {
        webhookLanes[0].submit(receiving.new PurgeTask()).whenComplete((purged, failure) -> {
            if (failure != null) {
                LOG.warn("Message ledger purge failed: {}", failure.getMessage());
            } else {
                LOG.debug("Message ledger purged {} rows", purged);
            }
        });
    }

    @Override
    protected void doStop() throws Exception {
        try {
            // hand-overs first: the retirement turns what is still handed over into unknown outcomes
            handOverLane.stop(operationTimeout);
            CompletableFuture<Void> retired = sendLane.submit(sending.new RetireTask());
            for (LedgerLane lane : webhookLanes) {
                lane.stop(operationTimeout);
            }
            readLane.stop(operationTimeout);
            sendLane.stop(operationTimeout);
            if (retired.isCompletedExceptionally()) {
                LOG.warn("Message ledger could not hand back its claims at stop; they count as its instance died");
            }
        } finally {
            timer.shutdownNow();
            completions.shutdown();
            completions.awaitTermination(operationTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    // the ledger

    @Override
    public CompletionStage<SendClaim> claim(SendIntent intent) {
        return submit(sendLane, sending.new ClaimTask(intent));
    }

    @Override
    public CompletionStage<Boolean> handOver(SendClaim claim) {
        if (!claim.holdsRow()) {
            return CompletableFuture.completedFuture(Boolean.TRUE);
        }
        return submit(handOverLane, sending.new HandOverTask(claim.claimToken()));
    }

    @Override
    public CompletionStage<Void> handBack(SendClaim claim) {
        if (!claim.holdsRow()) {
            return CompletableFuture.completedFuture(null);
        }
        // the hand-over lane: a hand-back runs before any later hand-over of the same claim
        return submit(handOverLane, sending.new HandBackTask(claim.claimToken()));
    }

    @Override
    public CompletionStage<Void> recordOutcome(SendClaim claim, AttemptOutcome outcome) {
        if (claim.status() != ClaimStatus.PROCEED) {
            return CompletableFuture.completedFuture(null);
        }
        return submit(sendLane, sending.new OutcomeTask(claim, outcome));
    }

    @Override
    public CompletionStage<List<StatusContext>> lookupStatuses(List<StatusUpdate> updates) {
        return submit(webhookLane(), receiving.new LookupTask(List.copyOf(updates)));
    }

    @Override
    public CompletionStage<List<Boolean>> recordStatuses(List<StatusUpdate> updates) {
        return submit(webhookLane(), receiving.new RecordTask(List.copyOf(updates)));
    }

    @Override
    public CompletionStage<Void> suppress(Collection<Suppression> suppressions) {
        return submit(sendLane, reads.suppress(List.copyOf(suppressions)));
    }

    @Override
    public CompletionStage<Boolean> unsuppress(String recipient) {
        return submit(sendLane, reads.unsuppress(Recipients.key(recipient)));
    }

    @Override
    public CompletionStage<Optional<Suppression>> suppression(String recipient) {
        return submit(sendLane, reads.suppression(Recipients.key(recipient)));
    }

    @Override
    public CompletionStage<List<Suppression>> suppressions(int offset, int limit) {
        return afterSendLane(() -> submit(readLane, reads.suppressions(offset, limit)));
    }

    @Override
    public CompletionStage<CampaignReport> campaignReport(String campaign) {
        return afterSendLane(() -> submit(readLane, reads.report(campaign)));
    }

    /** A read on the read lane once what the sending lane had queued is applied (so it sees the writes before it). */
    private <T> CompletionStage<T> afterSendLane(Supplier<CompletableFuture<T>> read) {
        return submit(sendLane, reads.flush()).thenCompose(applied -> read.get());
    }

    @Override
    public CompletionStage<Integer> purge() {
        return submit(webhookLanes == null ? null : webhookLanes[0], receiving.new PurgeTask());
    }

    @Override
    public CompletionStage<Void> flush() {
        List<CompletableFuture<Void>> flushed = new ArrayList<>();
        flushed.add(submit(sendLane, reads.flush()));
        flushed.add(submit(handOverLane, reads.flush()));
        flushed.add(submit(readLane, reads.flush()));
        if (webhookLanes != null) {
            for (LedgerLane lane : webhookLanes) {
                flushed.add(submit(lane, reads.flush()));
            }
        }
        return CompletableFuture.allOf(flushed.toArray(CompletableFuture[]::new));
    }

    private <T> CompletableFuture<T> submit(LedgerLane lane, LaneTask<T> task) {
        if (lane == null || !isRunAllowed()) {
            return CompletableFuture.failedFuture(
                    new WhatsAppMarketingLedgerException("The message ledger is not started", null));
        }
        return lane.submit(task);
    }
}
