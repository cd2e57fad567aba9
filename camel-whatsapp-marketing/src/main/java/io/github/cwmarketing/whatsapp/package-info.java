/**
 * The whatsapp-marketing Camel component: what Camel and routes see. Component, Endpoint, Configuration (the
 * options), Constants (the headers), the producers ({@code send} and the account and template operations), the webhook
 * Consumer, the health check, and the glue that turns options into the sub-packages' objects (provider URLs, headers
 * of routed events). Public API.
 * <p>
 * Dependencies flow one way: this package uses every sub-package; no sub-package imports this one.
 * <table>
 * <caption>Where a new feature goes</caption>
 * <tr><th>Feature</th><th>Package</th></tr>
 * <tr><td>a new option or header</td><td>here (Configuration, Constants), used by the sub-package that needs it</td></tr>
 * <tr><td>a Graph API payload or answer type</td><td>{@code model}</td></tr>
 * <tr><td>building or validating a marketing message</td><td>{@code send}</td></tr>
 * <tr><td>pacing, retries, anything every request goes through</td><td>{@code pipeline}</td></tr>
 * <tr><td>a pacer shared by instances (database, Redis)</td><td>an implementation of {@code pipeline.PacerFactory}</td></tr>
 * <tr><td>metrics, audit, anything that watches sends and statuses</td><td>an implementation of
 * {@code spi.WhatsAppMarketingListener} (the Micrometer one is in {@code metrics})</td></tr>
 * <tr><td>HTTP client behaviour</td><td>{@code http}</td></tr>
 * <tr><td>receiving webhooks</td><td>{@code webhook}</td></tr>
 * <tr><td>account and template operations</td><td>{@code operations}</td></tr>
 * </table>
 */
package io.github.cwmarketing.whatsapp;
