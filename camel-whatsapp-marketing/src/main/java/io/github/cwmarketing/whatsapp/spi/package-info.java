/**
 * Extension points that watch the component: {@link io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener}
 * and the events it is told (send results, retries, pacing waits, the live pacing status and rate changes of each
 * phone number id, webhook events and rejections, message ledger writes). Public API: a metrics binding (Micrometer),
 * an audit log or a ledger that records outcomes implements the listener and is set as the component's
 * {@code listener} option or bound in the registry. Depends on {@code model} only.
 */
package io.github.cwmarketing.whatsapp.spi;
