/**
 * The ops surface of Ratchet on Spring Boot Actuator: the {@code migrations} endpoint and health
 * contributor, and the listener that remembers this instance's runs for them.
 */
package dev.ratchet.boot.actuate;
