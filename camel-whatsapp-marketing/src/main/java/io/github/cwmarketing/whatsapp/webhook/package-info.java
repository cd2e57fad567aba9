/**
 * Receiving Meta's webhooks: the verification handshake, reading the body within its limits (as each platform-http
 * engine hands it over), the authentication of a POST (Meta's or 360dialog's signature over the raw bytes, a secret
 * header), parsing a POST into events, and routing each event once (deduplication of Meta's re-deliveries).
 * Internal: used by the webhook consumer, which plugs it into a platform-http consumer; the Spring Boot starter's
 * servlet filter calls {@code WebhookRequestHandler#readBody}. {@code VertxRequestBody} is the only class that
 * touches Vert.x, and only when it is on the classpath. Depends on {@code model}, {@code spi} and {@code util}.
 */
package io.github.cwmarketing.whatsapp.webhook;
