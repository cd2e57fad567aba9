/**
 * What every Graph API request goes through, whichever operation made it: the pacing of each phone number id
 * ({@link io.github.cwmarketing.whatsapp.pipeline.NumberPacing}: pair pacing, one queue in front of the number's
 * {@link io.github.cwmarketing.whatsapp.pipeline.Pacer}, the adaptive tier, the bound on pending sends), safe retries
 * ({@link io.github.cwmarketing.whatsapp.pipeline.RetryPolicy}) and the non-blocking
 * {@link io.github.cwmarketing.whatsapp.pipeline.MessageSender} that schedules them. {@code Pacer},
 * {@code PacerFactory} and {@code PacingSettings} are public API: a pacer shared by several instances implements
 * them (the {@code pacing} package's PostgreSQL one, or Redis...) and is set as the component's {@code pacerFactory}
 * option. Depends on {@code http}, {@code model} and {@code spi}.
 */
package io.github.cwmarketing.whatsapp.pipeline;
