package io.github.cwmarketing.whatsapp.http;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;

/**
 * Customises the Apache HttpClient 5 async client of the component (interceptors, route planner, metrics...) before
 * it is built. The component's own settings are applied first.
 */
@FunctionalInterface
public interface HttpClientConfigurer {

    void configure(HttpAsyncClientBuilder builder);
}
