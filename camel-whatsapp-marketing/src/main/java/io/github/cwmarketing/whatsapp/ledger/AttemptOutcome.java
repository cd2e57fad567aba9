package io.github.cwmarketing.whatsapp.ledger;

import java.time.Instant;

/**
 * How a claimed send ended.
 *
 * @param stage         ACCEPTED, REJECTED, NOT_SENT or UNKNOWN
 * @param messageId     the message id (wamid) when accepted
 * @param messageStatus the API's acceptance state when given (accepted, held_for_quality_assessment, paused)
 * @param errorCode     Meta's error code of a rejection, or null
 * @param errorTitle    Meta's message of a rejection, or null (at most 512 characters are kept)
 * @param sentAt        when the request was handed to the HTTP client, or null when it never was
 */
public record AttemptOutcome(MessageStage stage, String messageId, String messageStatus, Integer errorCode,
                             String errorTitle, Instant sentAt) {

    public static final int ERROR_TITLE_MAX = 512;

    public AttemptOutcome {
        if (stage != MessageStage.ACCEPTED && stage != MessageStage.REJECTED && stage != MessageStage.NOT_SENT
                && stage != MessageStage.UNKNOWN) {
            throw new IllegalArgumentException("An attempt ends ACCEPTED, REJECTED, NOT_SENT or UNKNOWN, not " + stage);
        }
        if (stage == MessageStage.ACCEPTED && (messageId == null || messageId.isEmpty())) {
            throw new IllegalArgumentException("An accepted message has a message id");
        }
        if (errorTitle != null && errorTitle.length() > ERROR_TITLE_MAX) {
            errorTitle = errorTitle.substring(0, ERROR_TITLE_MAX);
        }
    }

    public static AttemptOutcome accepted(String messageId, String messageStatus, Instant sentAt) {
        return new AttemptOutcome(MessageStage.ACCEPTED, messageId, messageStatus, null, null, sentAt);
    }

    public static AttemptOutcome rejected(Integer errorCode, String errorTitle, Instant sentAt) {
        return new AttemptOutcome(MessageStage.REJECTED, null, null, errorCode, errorTitle, sentAt);
    }

    public static AttemptOutcome notSent() {
        return new AttemptOutcome(MessageStage.NOT_SENT, null, null, null, null, null);
    }

    public static AttemptOutcome unknown(Instant sentAt) {
        return new AttemptOutcome(MessageStage.UNKNOWN, null, null, null, null, sentAt);
    }
}
