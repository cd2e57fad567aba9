/**
 * Turning an exchange into a marketing message and reading Meta's answer: assembling the request from the body (a
 * full payload, passed through whole, a map, a list of parameters) and the options or headers, validating it against
 * Meta's rules before any network call, and reading the answer, where only a message id proves acceptance.
 * Internal: used by the send producer. Depends on {@code model} and {@code util}.
 */
package io.github.cwmarketing.whatsapp.send;
