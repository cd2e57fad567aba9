/**
 * The HTTP transport to the Graph API: one pooled Apache HttpClient 5 async client per distinct client settings, the
 * deadlines of each attempt (waiting for a connection, then for the response) and whether its request was handed to a
 * connection ({@code isRequestSent()}), the mapping of error answers to typed exceptions, and how long Meta asks to
 * wait ({@code x-business-use-case-usage}, {@code Retry-After}). Internal, except
 * {@link io.github.cwmarketing.whatsapp.http.HttpClientConfigurer} (an option). Depends on {@code model} only.
 */
package io.github.cwmarketing.whatsapp.http;
