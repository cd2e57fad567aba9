/**
 * Micrometer metrics of the component, recorded through the listener seam: {@link
 * io.github.cwmarketing.whatsapp.metrics.WhatsAppMarketingMetrics} is a
 * {@link io.github.cwmarketing.whatsapp.spi.WhatsAppMarketingListener} that turns every send result, retry, pacing
 * wait, webhook event and webhook rejection into meters named in {@link
 * io.github.cwmarketing.whatsapp.metrics.MetricNames}. Public API: {@code WhatsAppMarketingMetrics} and {@code
 * MetricNames}; the rest is internal.
 * <p>
 * Micrometer is an optional dependency: only {@link io.github.cwmarketing.whatsapp.metrics.MetricsBinding} and {@code
 * MetricNames} may be loaded without it, and {@code MetricsBinding} touches the other classes only once it has seen
 * Micrometer on the class path. No tag ever holds a recipient, a message id or a send key. Depends on {@code model}
 * and {@code spi}.
 */
package io.github.cwmarketing.whatsapp.metrics;
