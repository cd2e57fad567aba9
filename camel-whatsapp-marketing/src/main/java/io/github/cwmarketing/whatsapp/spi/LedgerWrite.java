package io.github.cwmarketing.whatsapp.spi;

/**
 * A write the component makes to its message ledger, as told to {@link WhatsAppMarketingListener#onLedgerWrite}.
 */
public enum LedgerWrite {
    /** A send claims its send key (and checks the recipient) before any request. */
    CLAIM,
    /** A claimed send is recorded as handed to the HTTP client, right before its request leaves. */
    HAND_OVER,
    /** How a claimed send ended (accepted, rejected, not sent, unknown outcome), after the exchange moved on. */
    OUTCOME,
    /** The status events of one webhook POST are recorded, after the route processed them. */
    STATUSES,
    /** The {@code suppress} operation adds or imports suppressions. */
    SUPPRESS,
    /** The {@code unsuppress} operation lifts a suppression. */
    UNSUPPRESS
}
