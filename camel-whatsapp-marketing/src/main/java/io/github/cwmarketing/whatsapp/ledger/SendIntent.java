package io.github.cwmarketing.whatsapp.ledger;

import java.time.Duration;

/**
 * A message about to be sent, as the ledger records it.
 *
 * @param sendKey                   the user's idempotency key of this one intended message (at most
 *                                  {@value #SEND_KEY_MAX} characters), or null: then the message is still recorded
 *                                  once its outcome is known, but a re-run cannot recognise it
 * @param campaign                  the campaign id for reports, or null
 * @param phoneNumberId             the sending phone number id (null with 360dialog)
 * @param recipient                 the recipient key ({@link Recipients#key}): phone number or BSUID
 * @param templateName              the template's name
 * @param templateLanguage          the template's language code
 * @param productPolicy             STRICT, CLOUD_API_FALLBACK, or null when unset
 * @param keyInCallback             whether the send key travels as {@code biz_opaque_callback_data}, so a status
 *                                  webhook carrying it can resolve an unknown outcome
 * @param resendUnknownOutcomeAfter with a key whose outcome is unknown: send it again once this long has passed since
 *                                  it was handed over without any status webhook; null = never
 */
public record SendIntent(String sendKey, String campaign, String phoneNumberId, String recipient, String templateName,
                         String templateLanguage, String productPolicy, boolean keyInCallback,
                         Duration resendUnknownOutcomeAfter) {

    public static final int SEND_KEY_MAX = 512;
    public static final int CAMPAIGN_MAX = 256;

    public SendIntent {
        if (sendKey != null && (sendKey.isEmpty() || sendKey.length() > SEND_KEY_MAX)) {
            throw new IllegalArgumentException("A send key must be 1 to " + SEND_KEY_MAX + " characters");
        }
        if (campaign != null && campaign.length() > CAMPAIGN_MAX) {
            throw new IllegalArgumentException("A campaign id is at most " + CAMPAIGN_MAX + " characters");
        }
        recipient = Recipients.key(recipient);
        keyInCallback = keyInCallback && sendKey != null;
    }
}
