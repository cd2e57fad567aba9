/**
 * Meta's reference material, vendored so that the build reads nothing outside the repository: the OpenAPI spec of
 * the WhatsApp Business Messaging API ({@link io.github.cwmarketing.whatsapp.metareference.MetaOpenApiSpec}, MIT
 * licence beside it) and Meta's webhook samples
 * ({@link io.github.cwmarketing.whatsapp.metareference.WebhookSamples}), read from the classpath.
 * <p>
 * Used by the sandbox (it validates requests against the spec) and, test-scoped, by the component's and the starter's
 * tests. Not part of the component's public API.
 */
package io.github.cwmarketing.whatsapp.metareference;
