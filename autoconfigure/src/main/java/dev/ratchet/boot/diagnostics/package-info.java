/**
 * Failure analysis that explains a start-up Ratchet failed.
 */
package dev.ratchet.boot.diagnostics;
