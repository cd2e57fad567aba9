package io.github.cwmarketing.whatsapp.ledger;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.camel.Service;

/**
 * Where every message is accounted for, across restarts and instances: sends are claimed by key before any HTTP
 * request (so a re-run or a second instance never sends a key twice), their outcomes and status webhooks are recorded
 * (so a report can say what became of each), Meta's re-deliveries of webhooks are recognised, and suppressed
 * recipients are refused before any request.
 * <p>
 * Every method returns at once; the work happens on the implementation's own threads (never on the caller's, never
 * on HttpClient's I/O threads), and the stage completes on a thread of the implementation that does no database work,
 * so a continuation may send a request but should not block. A stage fails with
 * {@link io.github.cwmarketing.whatsapp.model.WhatsAppMarketingLedgerException} when the store is unavailable, the
 * operation timed out, or the ledger is not started. Operations submitted by one thread are applied in order.
 * <p>
 * The component starts and stops the ledger set as its {@code ledger} option. Implementations:
 * {@link JdbcMessageLedger} (PostgreSQL, shared by instances) and {@link InMemoryMessageLedger} (bounded, one JVM).
 */
public interface MessageLedger extends Service {

    /**
     * Claims a send before any request: with a key, atomically across every instance on the same store. A send to a
     * suppressed recipient is refused (and recorded as such). A PROCEED claim with a key must be followed by
     * {@link #recordOutcome}, also when the send fails before any request.
     */
    CompletionStage<SendClaim> claim(SendIntent intent);

    /**
     * Records, right before the request leaves, that the claimed send is handed to the HTTP client; true when the
     * claim still holds (the request may leave), false when another instance took the key over meanwhile (it must
     * not). A claim without a row completes true at once.
     */
    CompletionStage<Boolean> handOver(SendClaim claim);

    /**
     * Records that the claimed send's last attempt was provably not accepted (Meta refused it, or it never left) and
     * that its retry waits: until {@link #handOver} again, the send counts as never handed over, so that a crash
     * meanwhile leaves it to be sent again rather than an unknown outcome. A ledger that does not implement it keeps
     * the hand-over (the send then counts as an unknown outcome after a crash).
     */
    default CompletionStage<Void> handBack(SendClaim claim) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Records how a PROCEED claim ended; a send without a key gets its row now. The outcome applies only while the
     * row holds the claim and is not accepted already (a status webhook may have resolved it first). 131050 and
     * 131049 rejections suppress or park the recipient.
     */
    CompletionStage<Void> recordOutcome(SendClaim claim, AttemptOutcome outcome);

    /**
     * For the events of one webhook POST, in order: whether each was recorded already, and its message's context.
     * Nothing is written.
     */
    CompletionStage<List<StatusContext>> lookupStatuses(List<StatusUpdate> updates);

    /**
     * Records the events (after they were routed), each at most once: true for each recorded now, false for one
     * recorded already (by this or another instance). A recorded status moves its message forward only (out-of-order
     * and duplicated statuses change nothing); a status carrying a send key as callback data resolves that key's
     * unknown outcome; failed statuses with 131050 or 131049 suppress or park the recipient. Event keys are kept for
     * the retention period (7 days by default, Meta's re-delivery window), then purged.
     */
    CompletionStage<List<Boolean>> recordStatuses(List<StatusUpdate> updates);

    /** Adds or imports suppressions; a suppression until lifted is never shortened by a park. */
    CompletionStage<Void> suppress(Collection<Suppression> suppressions);

    /** Lifts the suppression of a recipient; true when there was one. */
    CompletionStage<Boolean> unsuppress(String recipient);

    /** The suppression in force for a recipient, if any. */
    CompletionStage<Optional<Suppression>> suppression(String recipient);

    /** The suppressions in force, ordered by recipient, from {@code offset}, at most {@code limit}. */
    CompletionStage<List<Suppression>> suppressions(int offset, int limit);

    /** The report of a campaign (null: the messages sent without a campaign id), aggregated in the store. */
    CompletionStage<CampaignReport> campaignReport(String campaign);

    /** Deletes event keys past the retention period and expired parks; completes with how many rows went. */
    CompletionStage<Integer> purge();

    /** Completes once every operation submitted before it is applied and durable. */
    CompletionStage<Void> flush();

    /** How long a 131049 parks a recipient (the component's {@code parkDuration} option); default 24 hours. */
    void setParkDuration(Duration parkDuration);
}
