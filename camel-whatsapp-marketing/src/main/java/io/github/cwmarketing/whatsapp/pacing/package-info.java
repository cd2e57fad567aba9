/**
 * Pacing shared by several instances: {@link io.github.cwmarketing.whatsapp.pacing.PostgresPacerFactory}, one
 * Bucket4j token bucket per phone number id in a PostgreSQL table, leased in small batches by a thread of its own
 * (the option {@code pacing=DATABASE}). Public API: the factory. Depends on {@code pipeline} (the pacer seam) and
 * {@code model}.
 */
package io.github.cwmarketing.whatsapp.pacing;
