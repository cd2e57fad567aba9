/**
 * The account and template operations of the Marketing Messages API (onboarding status, creative optimizations,
 * marketing on Cloud API, template time-to-live): their input validation, the Graph API calls they make and the
 * reading of their answers. Internal: used by the operations producer. Depends on {@code model} and {@code util}.
 */
package io.github.cwmarketing.whatsapp.operations;
