/**
 * Immutable descriptors of where a schema stands, shared by the one-shot commands' JSON reports
 * and the {@code migrations} endpoint.
 */
package dev.ratchet.boot.report;
