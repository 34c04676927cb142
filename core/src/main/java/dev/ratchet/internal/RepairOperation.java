package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationState;
import dev.ratchet.MigrationVersion;
import dev.ratchet.RepairResult;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.drift.internal.DriftTracker;
import dev.ratchet.drift.SchemaDifference;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.history.ProgressTable;
import dev.ratchet.history.ProgressTable.Progress;

/**
 * {@code repair}: under the lock, removes failed history entries, realigns the checksums of changed
 * migrations to their current files, records the cancelled batched data migrations it is told to as
 * completed (and names the others), and accepts drift into a new snapshot.
 */
final class RepairOperation extends LockedOperation<RepairResult> {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private final List<ResolvedMigration> resolved;

	private final StatusCalculator calculator;

	private final Set<MigrationVersion> completeCancelled;

	RepairOperation(List<ResolvedMigration> resolved, StatusCalculator calculator,
			Set<MigrationVersion> completeCancelled) {
		super("repair", "repair the migration history");
		this.resolved = resolved;
		this.calculator = calculator;
		this.completeCancelled = Set.copyOf(completeCancelled);
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
		ProgressTable progress = new ProgressTable(history);
		List<MigrationDescriptor> cancelled = cancelled(progress.readAll(connection), rows);
		List<MigrationDescriptor> complete = toComplete(cancelled);
		try {
			connection.setAutoCommit(false);
			history.deleteFailed(connection);
			for (Map.Entry<Integer, String> entry : realign.entrySet()) {
				history.updateChecksum(connection, entry.getKey(), entry.getValue());
			}
			for (MigrationDescriptor migration : complete) {
				if (progress.completeCancelled(connection, migration.version(), "repair (" + user(connection) + ")")) {
					history.insert(connection, migration, 0, null);
				}
			}
			connection.commit();
		}
		finally {
			Transactions.end(connection);
		}
		List<String> completed = complete.stream().map(MigrationDescriptor::script).toList();
		completed.forEach((script) -> logger.warn("Repair recorded the cancelled data migration {} as completed; the"
				+ " items it did not reach stay unprocessed", script));
		List<String> left = cancelled.stream().filter((migration) -> !complete.contains(migration)).map((migration) -> {
			String note = "Data migration " + migration.script() + " (version " + migration.version()
					+ ") is cancelled and stays so: the versions after it keep waiting. Resume it, or record it as"
					+ " completed with --ratchet.repair.complete-cancelled=" + migration.version();
			logger.warn(note);
			return note;
		}).toList();
		removed.forEach((script) -> logger.warn("Repair removed the failed entry of {}", script));
		realigned.forEach((script) -> logger.warn("Repair realigned the checksum of {} to its current file", script));
		List<SchemaDifference> accepted = new DriftTracker(history.getSchema(), history.getTable()).accept(connection);
		accepted.forEach((difference) -> logger.warn("Repair accepted drift: {}", difference));
		return new RepairResult(removed, realigned, accepted, completed, left);
	}

	private List<MigrationDescriptor> cancelled(Map<MigrationVersion, Progress> progress, List<AppliedMigration> rows) {
		return this.resolved.stream()
			.filter((migration) -> migration.java() instanceof BatchedMigration<?>)
			.map(ResolvedMigration::descriptor)
			.filter((migration) -> progress.containsKey(migration.version())
					&& "CANCELLED".equals(progress.get(migration.version()).state())
					&& rows.stream().noneMatch((row) -> row.success() && migration.version().equals(row.version())))
			.toList();
	}

	// Checked before anything changes, so that a mistyped version changes nothing.
	private List<MigrationDescriptor> toComplete(List<MigrationDescriptor> cancelled) {
		for (MigrationVersion version : this.completeCancelled) {
			if (cancelled.stream().noneMatch((migration) -> migration.version().equals(version))) {
				throw new IllegalArgumentException("ratchet.repair.complete-cancelled names version '" + version
						+ "', which is not a cancelled batched data migration"
						+ (cancelled.isEmpty() ? " (none is cancelled)" : " (cancelled: " + cancelled.stream()
							.map((migration) -> migration.version().toString())
							.collect(Collectors.joining(", ")) + ")")
						+ "; nothing was repaired. Check the version with the status command");
			}
		}
		return cancelled.stream().filter((migration) -> this.completeCancelled.contains(migration.version())).toList();
	}

	private static String user(Connection connection) throws SQLException {
		return connection.getMetaData().getUserName();
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
