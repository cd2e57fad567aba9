package io.github.cwmarketing.whatsapp.webhook;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;

import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes each key at most once successfully. The repository records a key only after its processing succeeded,
 * so a failed event is processed again when Meta re-delivers it. Within this instance, a delivery that meets a key
 * another delivery is processing waits for that outcome instead of processing the key a second time.
 */
public final class Deduplicator {

    public enum Outcome {
        /** Processed now, successfully, and recorded. */
        PROCESSED,
        /** Already recorded: not processed again. */
        DUPLICATE,
        /** Processing or recording failed: not recorded, so a re-delivery processes it again. */
        FAILED
    }

    private static final Logger LOG = LoggerFactory.getLogger(Deduplicator.class);

    private final IdempotentRepository repository;
    private final ConcurrentMap<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    public Deduplicator(IdempotentRepository repository) {
        this.repository = repository;
    }

    /** Runs the processing unless the key is recorded already; a null key is always processed, never recorded. */
    public Outcome once(String key, BooleanSupplier processing) {
        if (key == null) {
            return processing.getAsBoolean() ? Outcome.PROCESSED : Outcome.FAILED;
        }
        CompletableFuture<Void> claim = new CompletableFuture<>();
        try {
            if (!awaitClaim(key, claim)) {
                return Outcome.FAILED;
            }
            return processClaimed(key, processing);
        } finally {
            inFlight.remove(key, claim);
            claim.complete(null);
        }
    }

    /** Takes the key for this thread, waiting while another delivery is processing it; false when interrupted. */
    private boolean awaitClaim(String key, CompletableFuture<Void> claim) {
        CompletableFuture<Void> other;
        while ((other = inFlight.putIfAbsent(key, claim)) != null) {
            try {
                other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (ExecutionException cannotHappen) {
                // claims are only ever completed normally
            }
        }
        return true;
    }

    private Outcome processClaimed(String key, BooleanSupplier processing) {
        try {
            if (repository.contains(key)) {
                return Outcome.DUPLICATE;
            }
        } catch (RuntimeException e) {
            LOG.warn("Idempotent repository lookup failed; event not processed: {}", e.getMessage(), e);
            return Outcome.FAILED;
        }
        if (!processing.getAsBoolean()) {
            return Outcome.FAILED;
        }
        try {
            repository.add(key);
            repository.confirm(key);
            return Outcome.PROCESSED;
        } catch (RuntimeException e) {
            LOG.warn("Event processed but not recorded in the idempotent repository; a re-delivery will process it"
                     + " again: {}", e.getMessage(), e);
            return Outcome.FAILED;
        }
    }
}
