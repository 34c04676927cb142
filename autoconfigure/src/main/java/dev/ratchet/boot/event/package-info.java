/**
 * Spring application events for what Ratchet's runs do, for applications' own hooks.
 */
package dev.ratchet.boot.event;
