/**
 * Auto-configuration for Ratchet: properties, the engine bean, migration during start-up, and the
 * extension points a Spring application uses to adapt it.
 */
package dev.ratchet.boot.autoconfigure;
