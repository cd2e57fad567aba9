package io.github.cwmarketing.whatsapp.examples.campaign;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.cwmarketing.whatsapp.WhatsAppMarketingConstants;
import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingApiException;
import org.apache.camel.Header;

/**
 * Follows every message of the campaign from send to its final status, prints a progress line, and ends the campaign
 * when every message is settled or the timeout passes. A message is settled when it failed (at send or later), was
 * read, or was delivered and no status has arrived for the settle time (some recipients never read).
 */
public class CampaignTracker {

    private final Map<String, CampaignMessage> messages = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> rejectedByCode = new ConcurrentHashMap<>();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger read = new AtomicInteger();
    private final Clock clock;
    private final Duration settleTime;
    private final Duration timeout;
    private final Consumer<String> console;
    private volatile int recipients = -1;
    private volatile Instant startedAt;
    private volatile Instant lastStatusAt;
    private volatile Runnable onFinished = () -> {
    };
    private volatile DeliveryReport report;

    public CampaignTracker(Clock clock, Duration settleTime, Duration timeout, Consumer<String> console) {
        this.clock = clock;
        this.settleTime = settleTime;
        this.timeout = timeout;
        this.console = console;
        this.startedAt = clock.instant();
        this.lastStatusAt = startedAt;
    }

    public void onFinished(Runnable onFinished) {
        this.onFinished = onFinished;
    }

    /** Called once before the first recipient. */
    public void start() {
        this.startedAt = clock.instant();
        this.lastStatusAt = startedAt;
    }

    /** Called for each recipient read from the CSV, as it is read. */
    public void recipient() {
        read.incrementAndGet();
    }

    /** Called once the whole CSV was read: the number of recipients is known from now on. */
    public void allRead() {
        this.recipients = read.get();
    }

    public void accepted(@Header(WhatsAppMarketingConstants.MESSAGE_ID) String messageId) {
        messages.computeIfAbsent(messageId, id -> new CampaignMessage());
    }

    public void rejected(Exception error) {
        rejected.incrementAndGet();
        int code = error instanceof WhatsAppMarketingApiException apiError ? apiError.getCode() : 0;
        rejectedByCode.computeIfAbsent(code, c -> new AtomicInteger()).incrementAndGet();
    }

    public void onStatus(@Header(WhatsAppMarketingConstants.MESSAGE_ID) String messageId,
                         @Header(WhatsAppMarketingConstants.STATUS) String status,
                         @Header(WhatsAppMarketingConstants.ROUTED_VIA) String routedVia,
                         @Header(WhatsAppMarketingConstants.ERROR_CODE) Integer errorCode) {
        lastStatusAt = clock.instant();
        messages.computeIfAbsent(messageId, id -> new CampaignMessage())
                .update(MessageState.ofStatus(status), routedVia, errorCode);
    }

    /** Called every second: prints progress, and finishes the campaign when it is settled or timed out. */
    public void tick() {
        DeliveryReport snapshot = snapshot(false);
        console.accept(snapshot.progressLine());
        boolean timedOut = Duration.between(startedAt, clock.instant()).compareTo(timeout) > 0;
        if (report == null && (isSettled() || timedOut)) {
            report = snapshot(!timedOut);
            onFinished.run();
        }
    }

    private boolean isSettled() {
        if (recipients < 0 || messages.size() + rejected.get() < recipients) {
            return false;
        }
        boolean quiet = Duration.between(lastStatusAt, clock.instant()).compareTo(settleTime) >= 0;
        return messages.values().stream().allMatch(message -> switch (message.state()) {
            case READ, FAILED -> true;
            case DELIVERED -> quiet;
            default -> false;
        });
    }

    private DeliveryReport snapshot(boolean complete) {
        return DeliveryReport.of(Math.max(recipients, 0), messages.values(), rejected.get(), rejectedByCode,
                Duration.between(startedAt, clock.instant()), complete);
    }

    /** The final report, or null while the campaign runs. */
    public DeliveryReport report() {
        return report;
    }

    /** The final report with the ledger's counts, or null while the campaign runs. */
    DeliveryReport report(CampaignReport ledger) {
        DeliveryReport seen = report;
        return seen == null ? null : DeliveryReport.fromLedger(seen.recipients(), ledger, seen.elapsed(), seen.complete());
    }
}
