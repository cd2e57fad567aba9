package io.github.cwmarketing.whatsapp.ledger;

import java.time.Instant;

/**
 * What the ledger knows of a status webhook event before it is routed: whether it was recorded already (a
 * re-delivery), and the context of its message's row (null fields when the ledger has no row for it).
 *
 * @param duplicate      whether the event was recorded already
 * @param known          whether the ledger has a row for the message
 * @param sendKey        the row's send key, or null
 * @param campaign       the row's campaign, or null
 * @param templateName   the row's template name, or null
 * @param sentAt         when the message was handed over, or null
 * @param previousStatus the message's status before this event (earlier events of the same POST included), or null
 */
public record StatusContext(boolean duplicate, boolean known, String sendKey, String campaign, String templateName,
                            Instant sentAt, DeliveryStatus previousStatus) {

    static final StatusContext UNKNOWN_MESSAGE = new StatusContext(false, false, null, null, null, null, null);
}
