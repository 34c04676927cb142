/**
 * Micrometer observations (tracing spans) around Ratchet's runs and migrations.
 */
package dev.ratchet.boot.observation;
