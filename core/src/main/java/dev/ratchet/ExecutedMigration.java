package dev.ratchet;

import java.time.Duration;

/**
 * A migration that a run applied.
 * @param migration the migration
 * @param executionTime how long it took, commit included
 * @param transactional whether it ran inside a transaction
 */
public record ExecutedMigration(MigrationDescriptor migration, Duration executionTime, boolean transactional) {
}
