package io.github.cwmarketing.whatsapp.model;

/**
 * The message ledger could not do its work: the database is down or unreachable, an operation timed out, or the
 * ledger is stopped or full. A send that meets it was not sent (the ledger is consulted before any HTTP request); a
 * webhook POST that meets it is answered with an error, so Meta re-delivers it.
 */
public class WhatsAppMarketingLedgerException extends WhatsAppMarketingException {

    private static final long serialVersionUID = 1L;

    public WhatsAppMarketingLedgerException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A database that is down usually comes back: trying again later may succeed. */
    @Override
    public boolean isTransient() {
        return true;
    }
}
