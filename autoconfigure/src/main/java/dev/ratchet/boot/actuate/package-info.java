/**
 * The ops surface of Ratchet on Spring Boot Actuator: the {@code migrations} endpoint and health
 * contributor.
 */
package dev.ratchet.boot.actuate;
