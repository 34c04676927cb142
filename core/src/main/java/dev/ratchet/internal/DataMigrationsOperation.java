package dev.ratchet.internal;

import java.sql.SQLException;
import java.util.List;

import dev.ratchet.MigrationVersion;
import dev.ratchet.StatusReport;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.DataMigrationStatus;
import dev.ratchet.data.FailedItem;
import dev.ratchet.data.FailedItemsPage;
import dev.ratchet.history.FailedItemsTable;

/**
 * Reads the progress of batched data migrations and their failed items, without the lock.
 * @param runner opens sessions
 * @param calculator works out the state of each migration
 */
record DataMigrationsOperation(OperationRunner runner, StatusCalculator calculator) {

	/**
	 * Reads the progress of every batched migration, with {@code status} as read before, or
	 * {@code null} to read it too.
	 */
	List<DataMigrationStatus> progress(List<ResolvedMigration> resolved, StatusReport status) {
		if (resolved.stream().noneMatch((migration) -> migration.java() instanceof BatchedMigration<?>)) {
			return List.of();
		}
		try (Session session = this.runner.open("status")) {
			DataStatusReader reader = new DataStatusReader(this.calculator);
			return (status != null)
					? reader.read(session.connection(), this.runner.target(session).history(), resolved, status)
					: reader.read(session.connection(), this.runner.target(session).history(), resolved);
		}
		catch (SQLException ex) {
			throw OperationRunner.databaseError("read the progress of data migrations", ex);
		}
	}

	List<FailedItem> failedItems(MigrationVersion version, int limit) {
		return failedItems(version, null, 0, limit).items();
	}

	FailedItemsPage failedItems(MigrationVersion version, String keyPrefix, long offset, int limit) {
		try (Session session = this.runner.open("status")) {
			return new FailedItemsTable(this.runner.target(session).history()).page(session.connection(), version,
					keyPrefix, offset, limit);
		}
		catch (SQLException ex) {
			throw OperationRunner.databaseError("read the failed items of data migration " + version, ex);
		}
	}

}
