package io.github.cwmarketing.whatsapp;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.github.cwmarketing.whatsapp.spi.LedgerWrite;
import io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener;

/**
 * Times the component's writes to the message ledger for the listener (the {@code whatsapp.marketing.ledger.write}
 * timer): from the call to the ledger to the completion of its stage, measured here so that every ledger
 * implementation is timed alike.
 */
final class LedgerWrites {

    private LedgerWrites() {
    }

    /** Makes the write and, once it succeeded, tells the listener how long it took; returns the write's stage. */
    static <T> CompletionStage<T> timed(LedgerWrite write, WhatsAppMarketingListener listener,
                                        Supplier<CompletionStage<T>> call) {
        long started = System.nanoTime();
        CompletionStage<T> stage = call.get();
        stage.whenComplete((result, failure) -> {
            if (failure == null) {
                listener.onLedgerWrite(write, Duration.ofNanos(System.nanoTime() - started));
            }
        });
        return stage;
    }
}
