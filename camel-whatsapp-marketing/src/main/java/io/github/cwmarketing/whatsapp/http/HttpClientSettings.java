package io.github.cwmarketing.whatsapp.http;

import java.time.Duration;

import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What makes two HTTP clients different. Endpoints with equal settings share one pooled client.
 */
public record HttpClientSettings(
        Duration connectTimeout,
        int maxConnections,
        String proxyHost,
        Integer proxyPort,
        SSLContextParameters sslContextParameters,
        HttpClientConfigurer configurer) {
}
