/**
 * The Graph API's payloads and answers as Java types: the marketing message request and response, template
 * components and parameters, webhook events (statuses, inbound messages, errors, user actions), Graph API errors with
 * the one table of Meta's error codes ({@link io.github.cwmarketing.whatsapp.model.MetaErrorCodes}), and the
 * component's exceptions. Public API. Imports nothing of the component; every other package may use it.
 */
package io.github.cwmarketing.whatsapp.model;
