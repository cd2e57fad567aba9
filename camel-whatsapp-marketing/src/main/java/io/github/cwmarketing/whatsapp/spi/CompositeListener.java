package io.github.cwmarketing.whatsapp.spi;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.github.cwmarketing.whatsapp.model.WebhookEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every registered listener, each in isolation: a listener that throws is logged at DEBUG and the others are
 * still told. With no listener, each call costs one empty-list check.
 */
public final class CompositeListener implements WhatsAppMarketingListener {

    private static final Logger LOG = LoggerFactory.getLogger(CompositeListener.class);

    private final List<WhatsAppMarketingListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener unless this very instance is registered already. */
    public void add(WhatsAppMarketingListener listener) {
        if (listener != null && listener != this && listeners.stream().noneMatch(known -> known == listener)) {
            listeners.add(listener);
        }
    }

    public List<WhatsAppMarketingListener> listeners() {
        return List.copyOf(listeners);
    }

    @Override
    public void onSendCompleted(SendResult result) {
        tell(listener -> listener.onSendCompleted(result));
    }

    @Override
    public void onRetry(RetryEvent retry) {
        tell(listener -> listener.onRetry(retry));
    }

    @Override
    public void onPacingWait(String phoneNumberId, Duration wait) {
        tell(listener -> listener.onPacingWait(phoneNumberId, wait));
    }

    @Override
    public void onPacingStarted(PacingStatus status) {
        tell(listener -> listener.onPacingStarted(status));
    }

    @Override
    public void onRateChanged(PacingStatus status, int previousRate, RateChangeReason reason) {
        tell(listener -> listener.onRateChanged(status, previousRate, reason));
    }

    @Override
    public void onWebhookEvent(WebhookEvent event, WebhookEventOutcome outcome) {
        tell(listener -> listener.onWebhookEvent(event, outcome));
    }

    @Override
    public void onWebhookRejected(WebhookRejectionReason reason, int httpStatus) {
        tell(listener -> listener.onWebhookRejected(reason, httpStatus));
    }

    @Override
    public void onLedgerWrite(LedgerWrite write, Duration took) {
        tell(listener -> listener.onLedgerWrite(write, took));
    }

    private void tell(Consumer<WhatsAppMarketingListener> call) {
        if (listeners.isEmpty()) {
            return;
        }
        for (WhatsAppMarketingListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.debug("WhatsAppMarketingListener {} failed; ignored", listener, e);
            }
        }
    }
}
