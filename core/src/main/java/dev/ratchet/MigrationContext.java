package dev.ratchet;

import java.sql.Connection;

/**
 * What a {@link JavaMigration} gets to work with.
 * @param connection the migration connection, inside the migration's transaction
 * @param schema the migration schema
 */
public record MigrationContext(Connection connection, String schema) {
}
