/**
 * What every Graph API request goes through, whichever operation made it: pacing per phone number id
 * ({@link io.github.cwmarketing.whatsapp.pipeline.Pacer}, created by a
 * {@link io.github.cwmarketing.whatsapp.pipeline.PacerFactory}), safe retries
 * ({@link io.github.cwmarketing.whatsapp.pipeline.RetryPolicy}) and the non-blocking
 * {@link io.github.cwmarketing.whatsapp.pipeline.MessageSender} that schedules both. {@code Pacer} and
 * {@code PacerFactory} are public API: a pacer shared by several instances (a database, Redis) implements them and is
 * set as the component's {@code pacerFactory} option. Depends on {@code http}, {@code model} and {@code spi}.
 */
package io.github.cwmarketing.whatsapp.pipeline;
