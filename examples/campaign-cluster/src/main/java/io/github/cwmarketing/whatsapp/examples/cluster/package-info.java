/**
 * The cluster demo: one campaign sent by several instances of the same Camel application (separate JVMs) that share
 * one PostgreSQL for the message ledger, the webhook deduplication and the pacing of one phone number, with an
 * instance killed and the database restarted mid-run, checked at the end. See docs/scaling.md.
 */
package io.github.cwmarketing.whatsapp.examples.cluster;
