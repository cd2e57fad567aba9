package io.github.cwmarketing.whatsapp.http;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;

/**
 * Customises the Apache HttpClient 5 async client of the component (interceptors, route planner, metrics...) before
 * it is built. The component's own settings are applied first. With a configurer, every request goes through that one
 * pooled client (over TLS it negotiates HTTP/2, but carries one request per connection), not over the component's
 * multiplexed HTTP/2 connections.
 */
@FunctionalInterface
public interface HttpClientConfigurer {

    void configure(HttpAsyncClientBuilder builder);
}
