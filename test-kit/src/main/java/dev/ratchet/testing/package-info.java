/**
 * Ratchet's test kit: check a service's own migrations in its CI on real PostgreSQL.
 * {@link dev.ratchet.testing.PostgresServer} provides the server, {@link dev.ratchet.testing.FreshDatabase}
 * a new database per test, {@link dev.ratchet.testing.MigrationCheck} applies and lints every migration,
 * and {@link dev.ratchet.testing.MigrationsTest} is a Spring Boot test slice that migrates at start-up.
 */
package dev.ratchet.testing;
