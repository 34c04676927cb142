/**
 * What this instance knows about migrations beyond one query, and works without Actuator: its
 * own runs, and drift from Ratchet's snapshot. The endpoint and the health contributor read it.
 */
package dev.ratchet.boot.monitor;
