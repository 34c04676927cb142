/**
 * Micrometer meters for Ratchet, recorded from the engine's events.
 */
package dev.ratchet.boot.metrics;
