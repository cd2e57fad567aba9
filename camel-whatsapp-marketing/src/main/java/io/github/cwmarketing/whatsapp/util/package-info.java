/**
 * Small shared checks (digit-only ids, SHA-256 of secrets) used by several packages, so each rule exists once.
 * Internal: not public API. Depends on nothing of the component; blank checks use Camel's {@code ObjectHelper}.
 */
package io.github.cwmarketing.whatsapp.util;
