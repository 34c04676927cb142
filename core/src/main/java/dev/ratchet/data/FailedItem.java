package dev.ratchet.data;

import java.time.Instant;

import dev.ratchet.MigrationVersion;

/**
 * One item of the ledger of failed items.
 * @param version the version of the migration it belongs to
 * @param key the item's key
 * @param error why it failed, last time it was tried
 * @param attempts how many times it failed
 * @param failedOn when it failed first
 * @param lastAttemptOn when it failed last
 */
public record FailedItem(MigrationVersion version, String key, String error, int attempts, Instant failedOn,
		Instant lastAttemptOn) {
}
