package io.github.cwmarketing.whatsapp.spi;

import java.time.Duration;

import io.github.cwmarketing.whatsapp.model.RetryClass;

/**
 * The end of one send (after its retries).
 *
 * @param outcome        how it ended
 * @param phoneNumberId  the sending phone number id (null with 360dialog when none was given)
 * @param templateName   the template's name
 * @param messageId      the message id (wamid) when accepted, else null
 * @param messageStatus  the API's acceptance state when accepted and given (accepted, held_for_quality_assessment,
 *                       paused), else null
 * @param errorCode      Meta's error code when rejected with one, else null
 * @param retryClass     the error's retry class when rejected, else null
 * @param failure        the exception the exchange fails with, null when accepted
 * @param latency        from the moment the producer took the exchange (pacing waits and retries included)
 */
public record SendResult(SendOutcome outcome, String phoneNumberId, String templateName, String messageId,
                         String messageStatus, Integer errorCode, RetryClass retryClass, Throwable failure,
                         Duration latency) {
}
