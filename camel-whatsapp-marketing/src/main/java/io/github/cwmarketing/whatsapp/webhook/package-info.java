/**
 * Receiving Meta's webhooks: the verification handshake, the signature check over the raw bytes, size limits,
 * parsing a POST into events, and routing each event once (deduplication of Meta's re-deliveries). Internal: used by
 * the webhook consumer, which plugs it into a platform-http consumer. Depends on {@code model}, {@code spi} and
 * {@code util}.
 */
package io.github.cwmarketing.whatsapp.webhook;
