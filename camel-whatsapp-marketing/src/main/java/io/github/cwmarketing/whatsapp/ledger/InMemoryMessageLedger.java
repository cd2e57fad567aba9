package io.github.cwmarketing.whatsapp.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.camel.support.service.ServiceSupport;

/**
 * A ledger in this JVM's memory, for tests, the sandbox and the campaign example's zero-setup default. Bounded: past
 * {@code maxMessages} messages (and as many event keys and suppressions) the oldest are forgotten, so a re-run of a
 * larger campaign may send a forgotten key again, and nothing survives a restart. Use {@link JdbcMessageLedger} for
 * real campaigns and for several instances. Stages complete at once, on the calling thread.
 */
public class InMemoryMessageLedger extends ServiceSupport implements MessageLedger {

    public static final int DEFAULT_MAX_MESSAGES = 100_000;

    private final Map<Long, Row> rows;
    private final Map<String, Row> byKey = new HashMap<>();
    private final Map<String, Row> byMessageId = new HashMap<>();
    private final Map<String, StatusState> statuses;
    private final Map<String, Instant> events;
    private final Map<String, Suppression> suppressions;
    private Clock clock = Clock.systemUTC();
    private Duration parkDuration = Duration.ofHours(24);
    private Duration eventRetention = Duration.ofDays(7);
    private long nextId;

    public InMemoryMessageLedger() {
        this(DEFAULT_MAX_MESSAGES);
    }

    /** A ledger that remembers at most {@code maxMessages} messages, event keys and suppressions (each). */
    public InMemoryMessageLedger(int maxMessages) {
        if (maxMessages <= 0) {
            throw new IllegalArgumentException("maxMessages must be positive");
        }
        rows = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Row> eldest) {
                if (size() <= maxMessages) {
                    return false;
                }
                forget(eldest.getValue());
                return true;
            }
        };
        statuses = bounded(maxMessages);
        events = bounded(maxMessages);
        suppressions = bounded(maxMessages);
    }

    private static <V> Map<String, V> bounded(int max) {
        return new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    /** The clock of every time the ledger records and compares (tests inject one). */
    public void setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    /** How long a 131049 parks a recipient; default 24 hours. */
    @Override
    public void setParkDuration(Duration parkDuration) {
        this.parkDuration = Objects.requireNonNull(parkDuration);
    }

    /** How long webhook event keys are kept for deduplication; default 7 days. */
    public void setEventRetention(Duration eventRetention) {
        this.eventRetention = Objects.requireNonNull(eventRetention);
    }

    @Override
    public synchronized CompletionStage<SendClaim> claim(SendIntent intent) {
        Instant now = clock.instant();
        Suppression suppression = active(intent.recipient(), now);
        if (intent.sendKey() == null) {
            if (suppression != null) {
                newRow(intent, now).stage = MessageStage.SUPPRESSED;
                return done(SendClaim.suppressed(intent, suppression));
            }
            return done(SendClaim.proceed(intent, null));
        }
        Row row = byKey.get(intent.sendKey());
        if (row == null) {
            row = newRow(intent, now);
            byKey.put(intent.sendKey(), row);
            return done(suppression != null ? suppress(row, suppression) : claimRow(row, now));
        }
        Instant sentAt = row.sentAt != null ? row.sentAt : row.claimedAt;
        ClaimRules.Decision decision = ClaimRules.decide(row.stage, true, hasStatus(row), sentAt, now,
                intent.resendUnknownOutcomeAfter());
        if (decision.markUnknown()) {
            row.stage = MessageStage.UNKNOWN;
        }
        if (!decision.reclaim()) {
            if (decision.answer() == ClaimStatus.DUPLICATE || decision.answer() == ClaimStatus.IN_FLIGHT) {
                row.duplicates++;
            }
            return done(SendClaim.of(intent, decision.answer(), row.messageId, row.messageStatus, row.sentAt));
        }
        row.context(intent);
        return done(suppression != null ? suppress(row, suppression) : claimRow(row, now));
    }

    private SendClaim suppress(Row row, Suppression suppression) {
        row.stage = MessageStage.SUPPRESSED;
        return SendClaim.suppressed(row.intent, suppression);
    }

    private static SendClaim claimRow(Row row, Instant now) {
        row.stage = MessageStage.CLAIMED;
        row.claimToken = UUID.randomUUID().toString();
        row.attempts++;
        row.claimedAt = now;
        row.sentAt = null;
        row.errorCode = null;
        row.errorTitle = null;
        return SendClaim.proceed(row.intent, row.claimToken);
    }

    @Override
    public synchronized CompletionStage<Boolean> handOver(SendClaim claim) {
        if (!claim.holdsRow()) {
            return done(Boolean.TRUE);
        }
        Row row = byKey.get(claim.intent().sendKey());
        if (row == null || !claim.claimToken().equals(row.claimToken)
                || row.stage != MessageStage.CLAIMED && row.stage != MessageStage.SENDING) {
            return done(Boolean.FALSE);
        }
        if (row.stage == MessageStage.CLAIMED) {
            row.stage = MessageStage.SENDING;
            row.sentAt = clock.instant();
        }
        return done(Boolean.TRUE);
    }

    @Override
    public synchronized CompletionStage<Void> handBack(SendClaim claim) {
        Row row = claim.holdsRow() ? byKey.get(claim.intent().sendKey()) : null;
        if (row != null && claim.claimToken().equals(row.claimToken) && row.stage == MessageStage.SENDING) {
            row.stage = MessageStage.CLAIMED;
        }
        return done(null);
    }

    @Override
    public synchronized CompletionStage<Void> recordOutcome(SendClaim claim, AttemptOutcome outcome) {
        if (claim.status() != ClaimStatus.PROCEED) {
            return done(null);
        }
        Instant now = clock.instant();
        Row row;
        if (claim.holdsRow()) {
            row = byKey.get(claim.intent().sendKey());
            if (row == null || !claim.claimToken().equals(row.claimToken) || !outcomeApplies(row.stage, outcome)) {
                return done(null);
            }
        } else {
            if (outcome.messageId() != null && byMessageId.containsKey(outcome.messageId())) {
                return done(null);
            }
            row = newRow(claim.intent(), now);
        }
        row.stage = outcome.stage();
        if (outcome.messageId() != null) {
            row.messageId = outcome.messageId();
            byMessageId.put(outcome.messageId(), row);
        }
        row.messageStatus = outcome.messageStatus();
        row.errorCode = outcome.errorCode();
        row.errorTitle = outcome.errorTitle();
        row.sentAt = row.sentAt != null ? row.sentAt : outcome.sentAt();
        upsert(SuppressionReason.forError(row.recipient(), outcome.errorCode(), now, parkDuration));
        return done(null);
    }

    /** The outcome of a claim applies until the message is accepted (by this outcome or a status webhook). */
    static boolean outcomeApplies(MessageStage current, AttemptOutcome outcome) {
        return current == MessageStage.CLAIMED || current == MessageStage.SENDING || current == MessageStage.UNKNOWN
               || current == MessageStage.ACCEPTED && outcome.stage() == MessageStage.ACCEPTED;
    }

    @Override
    public synchronized CompletionStage<List<StatusContext>> lookupStatuses(List<StatusUpdate> updates) {
        List<StatusContext> contexts = new ArrayList<>(updates.size());
        Set<String> seen = new HashSet<>();
        Map<String, DeliveryStatus> running = new HashMap<>();
        for (StatusUpdate update : updates) {
            boolean duplicate = update.eventKey() != null
                                && (events.containsKey(update.eventKey()) || !seen.add(update.eventKey()));
            Row row = rowOf(update);
            DeliveryStatus previous = running.computeIfAbsent(String.valueOf(update.messageId()), id -> {
                StatusState state = statuses.get(update.messageId());
                return state == null ? null : state.status;
            });
            DeliveryStatus next = update.deliveryStatus();
            if (!duplicate && next != null && next.advances(previous)) {
                running.put(String.valueOf(update.messageId()), next);
            }
            contexts.add(row == null
                    ? new StatusContext(duplicate, false, null, null, null, null, previous)
                    : new StatusContext(duplicate, true, row.intent.sendKey(), row.intent.campaign(),
                            row.intent.templateName(), row.sentAt, previous));
        }
        return done(contexts);
    }

    @Override
    public synchronized CompletionStage<List<Boolean>> recordStatuses(List<StatusUpdate> updates) {
        Instant now = clock.instant();
        List<Boolean> recorded = new ArrayList<>(updates.size());
        for (StatusUpdate update : updates) {
            if (update.eventKey() != null && events.containsKey(update.eventKey())) {
                recorded.add(Boolean.FALSE);
                continue;
            }
            if (update.eventKey() != null) {
                events.put(update.eventKey(), now);
            }
            apply(update, now);
            recorded.add(Boolean.TRUE);
        }
        return done(recorded);
    }

    private void apply(StatusUpdate update, Instant now) {
        if (update.messageId() == null || update.deliveryStatus() == null) {
            return;
        }
        Row row = byMessageId.get(update.messageId());
        if (row == null && update.callbackData() != null) {
            Row keyed = byKey.get(update.callbackData());
            if (keyed != null && keyed.intent.keyInCallback() && keyed.messageId == null) {
                keyed.messageId = update.messageId();
                keyed.stage = MessageStage.ACCEPTED;
                byMessageId.put(update.messageId(), keyed);
                row = keyed;
            }
        }
        statuses.computeIfAbsent(update.messageId(), id -> new StatusState()).apply(update);
        if (update.deliveryStatus() == DeliveryStatus.FAILED) {
            upsert(SuppressionReason.forError(update.recipient(), update.errorCode(), now, parkDuration));
            if (row != null && !Objects.equals(row.recipient(), update.recipient())) {
                upsert(SuppressionReason.forError(row.recipient(), update.errorCode(), now, parkDuration));
            }
        }
    }

    private Row rowOf(StatusUpdate update) {
        Row row = update.messageId() == null ? null : byMessageId.get(update.messageId());
        if (row == null && update.callbackData() != null) {
            Row keyed = byKey.get(update.callbackData());
            if (keyed != null && keyed.intent.keyInCallback() && keyed.messageId == null) {
                row = keyed;
            }
        }
        return row;
    }

    @Override
    public synchronized CompletionStage<Void> suppress(Collection<Suppression> additions) {
        additions.forEach(this::upsert);
        return done(null);
    }

    private void upsert(Suppression incoming) {
        if (incoming == null) {
            return;
        }
        Suppression stored = suppressions.get(incoming.recipient());
        if (stored == null || !stored.keepsOver(incoming)) {
            suppressions.put(incoming.recipient(), incoming);
        }
    }

    @Override
    public synchronized CompletionStage<Boolean> unsuppress(String recipient) {
        return done(suppressions.remove(Recipients.key(recipient)) != null);
    }

    @Override
    public synchronized CompletionStage<Optional<Suppression>> suppression(String recipient) {
        return done(Optional.ofNullable(active(Recipients.key(recipient), clock.instant())));
    }

    @Override
    public synchronized CompletionStage<List<Suppression>> suppressions(int offset, int limit) {
        Instant now = clock.instant();
        return done(new TreeMap<>(suppressions).values().stream().filter(s -> s.isActive(now)).skip(offset)
                .limit(limit).toList());
    }

    private Suppression active(String recipient, Instant now) {
        Suppression suppression = recipient == null ? null : suppressions.get(recipient);
        return suppression != null && suppression.isActive(now) ? suppression : null;
    }

    @Override
    public synchronized CompletionStage<CampaignReport> campaignReport(String campaign) {
        CampaignReport.Builder report = new CampaignReport.Builder(campaign);
        List<Row> campaignRows = rows.values().stream().filter(row -> Objects.equals(row.intent.campaign(), campaign))
                .toList();
        for (Row row : campaignRows) {
            StatusState state = row.messageId == null ? null : statuses.get(row.messageId);
            boolean statusError = state != null && state.errorCode != null;
            report.add(FinalStatus.of(row.stage, true, state == null ? null : state.status),
                    state == null ? null : state.routedVia, state == null ? null : state.pricingCategory,
                    statusError ? state.errorCode : row.errorCode, statusError ? state.errorTitle : row.errorTitle,
                    1, row.duplicates, row.sentAt, row.sentAt);
        }
        SendTimeline.Builder timeline = report.timeline();
        campaignRows.forEach(row -> timeline.add(row.sentAt, 1));
        return done(report.build(timeline.build()));
    }

    @Override
    public synchronized CompletionStage<Integer> purge() {
        Instant now = clock.instant();
        Instant horizon = now.minus(eventRetention);
        int before = events.size() + suppressions.size();
        events.values().removeIf(receivedAt -> receivedAt.isBefore(horizon));
        suppressions.values().removeIf(suppression -> !suppression.isActive(now));
        return done(before - events.size() - suppressions.size());
    }

    @Override
    public CompletionStage<Void> flush() {
        return done(null);
    }

    private boolean hasStatus(Row row) {
        return row.messageId != null && statuses.containsKey(row.messageId);
    }

    private Row newRow(SendIntent intent, Instant now) {
        Row row = new Row(nextId++, intent, now);
        rows.put(row.id, row);
        return row;
    }

    private void forget(Row row) {
        if (row.intent.sendKey() != null) {
            byKey.remove(row.intent.sendKey(), row);
        }
        if (row.messageId != null) {
            byMessageId.remove(row.messageId, row);
        }
    }

    private static <T> CompletionStage<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    @Override
    protected void doStop() throws Exception {
        // nothing to release: the ledger lives as long as the object
    }

    /** One message: its intent (the latest claim's), how far it got, and its outcome. */
    private static final class Row {

        final long id;
        SendIntent intent;
        MessageStage stage = MessageStage.CLAIMED;
        String claimToken;
        int attempts;
        long duplicates;
        String messageId;
        String messageStatus;
        Integer errorCode;
        String errorTitle;
        Instant claimedAt;
        Instant sentAt;

        Row(long id, SendIntent intent, Instant now) {
            this.id = id;
            this.intent = intent;
            this.claimedAt = now;
        }

        void context(SendIntent latest) {
            this.intent = latest;
        }

        String recipient() {
            return intent.recipient();
        }
    }
}
