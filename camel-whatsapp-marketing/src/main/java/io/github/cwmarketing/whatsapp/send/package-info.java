/**
 * Turning an exchange into a marketing message: assembling the request from the body (a full payload, a map, a list
 * of parameters) and the options or headers, and validating it against Meta's rules before any network call.
 * Internal: used by the send producer. Depends on {@code model} and {@code util}.
 */
package io.github.cwmarketing.whatsapp.send;
