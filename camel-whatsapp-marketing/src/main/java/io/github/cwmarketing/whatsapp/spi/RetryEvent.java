package io.github.cwmarketing.whatsapp.spi;

import java.time.Duration;

/**
 * A retry about to be scheduled.
 *
 * @param operation     the component operation (send, getOnboardingStatus...)
 * @param phoneNumberId the sending phone number id of a send, else null
 * @param retry         which retry this is: 1 for the first
 * @param delay         how long until it is sent
 * @param reason        why the previous attempt failed
 * @param errorCode     Meta's error code when the reason is {@link RetryReason#API_ERROR} and it had one, else null
 */
public record RetryEvent(String operation, String phoneNumberId, int retry, Duration delay, RetryReason reason,
                         Integer errorCode) {
}
