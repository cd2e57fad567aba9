/**
 * The HTTP transport to the Graph API: one pooled Apache HttpClient 5 async client per distinct client settings, the
 * per-attempt deadline, and the mapping of error answers to typed exceptions. Internal, except
 * {@link io.github.cwmarketing.whatsapp.http.HttpClientConfigurer} (an option). Depends on {@code model} only.
 */
package io.github.cwmarketing.whatsapp.http;
