package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationState;
import dev.ratchet.RepairResult;
import dev.ratchet.drift.internal.DriftTracker;
import dev.ratchet.drift.SchemaDifference;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.history.HistoryTable;

/**
 * {@code repair}: under the lock, removes failed history entries, realigns the checksums of changed
 * migrations to their current files, and accepts drift into a new snapshot.
 */
final class RepairOperation extends LockedOperation<RepairResult> {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private final List<ResolvedMigration> resolved;

	private final StatusCalculator calculator;

	RepairOperation(List<ResolvedMigration> resolved, StatusCalculator calculator) {
		super("repair", "repair the migration history");
		this.resolved = resolved;
		this.calculator = calculator;
	}

	@Override
	RepairResult run(Run run) throws SQLException {
		Connection connection = run.connection();
		HistoryTable history = run.history();
		List<AppliedMigration> rows = history.read(connection);
		List<String> removed = rows.stream().filter((row) -> !row.success()).map(AppliedMigration::script).toList();
		Map<Integer, String> realign = new LinkedHashMap<>();
		List<String> realigned = new ArrayList<>();
		for (MigrationInfo info : changed(history, rows)) {
			for (ResolvedMigration migration : this.resolved) {
				if (info.version().equals(migration.descriptor().version())) {
					realign.put(info.installedRank(), migration.descriptor().checksum());
					realigned.add(info.script());
				}
			}
		}
		try {
			connection.setAutoCommit(false);
			history.deleteFailed(connection);
			for (Map.Entry<Integer, String> entry : realign.entrySet()) {
				history.updateChecksum(connection, entry.getKey(), entry.getValue());
			}
			connection.commit();
		}
		finally {
			Transactions.end(connection);
		}
		removed.forEach((script) -> logger.warn("Repair removed the failed entry of {}", script));
		realigned.forEach((script) -> logger.warn("Repair realigned the checksum of {} to its current file", script));
		List<SchemaDifference> accepted = new DriftTracker(history.getSchema(), history.getTable()).accept(connection);
		accepted.forEach((difference) -> logger.warn("Repair accepted drift: {}", difference));
		return new RepairResult(removed, realigned, accepted);
	}

	private List<MigrationInfo> changed(HistoryTable history, List<AppliedMigration> rows) {
		return this.calculator.calculate(history.getSchema(), history.getTable(), this.resolved, rows, null)
			.report()
			.migrations()
			.stream()
			.filter((info) -> info.state() == MigrationState.CHANGED)
			.toList();
	}

}
