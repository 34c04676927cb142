package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.ratchet.BaselineResult;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.RatchetException;
import dev.ratchet.drift.internal.DriftTracker;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.history.HistoryTable;

/**
 * {@code baseline}: under the lock, records the configured baseline version in an empty history
 * and takes the first snapshot; a history that already has that baseline is left as it is.
 */
final class BaselineOperation extends LockedOperation<BaselineResult> {

	BaselineOperation() {
		super("baseline", "baseline");
	}

	@Override
	BaselineResult run(Run run) throws SQLException {
		Connection connection = run.connection();
		HistoryTable history = run.history();
		MigrationVersion version = run.configuration().getBaselineVersion();
		List<AppliedMigration> rows = history.read(connection);
		for (AppliedMigration row : rows) {
			if (row.type() == MigrationType.BASELINE && row.version().equals(version)) {
				return new BaselineResult(row.version(), false);
			}
		}
		if (!rows.isEmpty()) {
			throw new RatchetException("Cannot baseline schema \"" + history.getSchema() + "\": its history "
					+ history.getQualifiedName() + " already has " + rows.size() + " entries. A baseline is for a "
					+ "schema that has none; migrate it instead.");
		}
		history.create(connection);
		HistoryCheck.insertBaseline(connection, history, version);
		new DriftTracker(history.getSchema(), history.getTable()).accept(connection);
		return new BaselineResult(version, true);
	}

}
