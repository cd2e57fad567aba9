/**
 * Small shared checks (digit-only ids, SHA-256 of secrets, reading an answer's body as a JSON object with a reason
 * that never quotes it) used by several packages, so each rule exists once. Internal: not public API. Depends on
 * nothing of the component; blank checks use Camel's {@code ObjectHelper}.
 */
package io.github.cwmarketing.whatsapp.util;
