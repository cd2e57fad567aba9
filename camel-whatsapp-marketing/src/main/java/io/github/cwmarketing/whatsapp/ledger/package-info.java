/**
 * The message ledger: every message accounted for across restarts and instances. The SPI
 * {@link io.github.cwmarketing.whatsapp.ledger.MessageLedger} (claims by send key before any request, their hand-over
 * and outcome, status webhooks moved forward only and deduplicated across instances, suppression of opted-out and
 * parked recipients, campaign reports) and its two implementations:
 * {@link io.github.cwmarketing.whatsapp.ledger.JdbcMessageLedger} (PostgreSQL, shared by instances; schema script under
 * {@code META-INF/whatsapp-marketing/ledger/postgresql}) and
 * {@link io.github.cwmarketing.whatsapp.ledger.InMemoryMessageLedger} (bounded, one JVM). Public API: the interface,
 * both implementations and the value types; the {@code Jdbc*}, {@code Lane*}, {@code Sql} and rule classes are
 * internal. Set as the component's {@code ledger} option. Depends on {@code model} only.
 */
package io.github.cwmarketing.whatsapp.ledger;
