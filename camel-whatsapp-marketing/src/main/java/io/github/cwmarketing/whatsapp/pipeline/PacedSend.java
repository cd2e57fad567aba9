package io.github.cwmarketing.whatsapp.pipeline;

import io.github.cwmarketing.whatsapp.model.WhatsAppMarketingPacingException;

/** A request waiting in a {@link NumberPacing}: told once, either its slot or why it gets none. */
interface PacedSend {

    /** The request may be sent after {@code waitNanos} (0 = now). */
    void granted(long waitNanos);

    /** No slot: the request must not be sent. */
    void refused(WhatsAppMarketingPacingException failure);
}
