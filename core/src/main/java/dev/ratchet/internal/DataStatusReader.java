package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationState;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.StatusReport;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.DataMigrationStatus;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.history.ProgressTable;
import dev.ratchet.history.ProgressTable.Progress;
import dev.ratchet.lock.AdvisoryLock;

/**
 * Reads where every batched migration stands, without the lock: the history says which completed
 * or failed, the progress table how far the others got, and the lock whether one is running now.
 */
final class DataStatusReader {

	private final StatusCalculator calculator;

	DataStatusReader(StatusCalculator calculator) {
		this.calculator = calculator;
	}

	List<DataMigrationStatus> read(Connection connection, HistoryTable history, List<ResolvedMigration> resolved)
			throws SQLException {
		StatusReport report = this.calculator
			.calculate(history.getSchema(), history.getTable(), resolved, history.read(connection), null)
			.report();
		return read(connection, history, resolved, report);
	}

	/**
	 * Reads the progress of the batched migrations, given the status report read just before.
	 */
	List<DataMigrationStatus> read(Connection connection, HistoryTable history, List<ResolvedMigration> resolved,
			StatusReport report) throws SQLException {
		Map<MigrationVersion, MigrationInfo> infos = new HashMap<>();
		List<MigrationVersion> pending = new ArrayList<>();
		for (MigrationInfo info : report.migrations()) {
			if (info.version() != null && info.state() != MigrationState.BASELINE) {
				infos.put(info.version(), info);
				if (info.isPending() || (info.state() == MigrationState.FAILED && info.type() == MigrationType.JAVA)) {
					pending.add(info.version());
				}
			}
		}
		Map<MigrationVersion, Progress> progress = new ProgressTable(history).readAll(connection);
		boolean running = progress.values().stream().anyMatch((row) -> "RUNNING".equals(row.state()))
				&& AdvisoryLock.findHolder(connection, AdvisoryLock.keyFor(history.getSchema(), history.getTable())) != null;
		List<DataMigrationStatus> statuses = new ArrayList<>();
		for (ResolvedMigration migration : resolved) {
			if (migration.java() instanceof BatchedMigration<?> batched) {
				MigrationVersion version = migration.descriptor().version();
				statuses.add(status(migration, batched.options().isBackground(), infos.get(version),
						progress.get(version), running, pending));
			}
		}
		return statuses;
	}

	private static DataMigrationStatus status(ResolvedMigration migration, boolean background, MigrationInfo info,
			Progress row, boolean running, List<MigrationVersion> pending) {
		DataMigrationState state = state(info, row, running);
		List<MigrationVersion> waiting = List.of();
		int index = pending.indexOf(migration.descriptor().version());
		if (background && index >= 0 && state != DataMigrationState.COMPLETED) {
			waiting = List.copyOf(pending.subList(index + 1, pending.size()));
		}
		var d = migration.descriptor();
		if (row == null) {
			return new DataMigrationStatus(d.version(), d.description(), d.script(), state, background, 0, 0, null, 0,
					null, 0, null, null, null, null, null, waiting);
		}
		double rate = (row.elapsedMs() > 0) ? (row.processed() + row.failed()) * 1000d / row.elapsedMs() : 0;
		Duration eta = (state == DataMigrationState.COMPLETED) ? null
				: ProgressTracker.eta(row.total(), row.processed() + row.failed(), rate);
		return new DataMigrationStatus(d.version(), d.description(), d.script(), state, background, row.processed(),
				row.failed(), row.total(), row.batches(), row.lastKey(), rate, eta, row.startedOn(), row.updatedOn(),
				row.completedOn(), row.failure(), waiting, row.changedBy(), row.changedOn());
	}

	private static DataMigrationState state(MigrationInfo info, Progress row, boolean running) {
		if (row != null && ("PAUSED".equals(row.state()) || "CANCELLED".equals(row.state()))) {
			return DataMigrationState.valueOf(row.state());
		}
		if (info != null && info.state() == MigrationState.FAILED) {
			return DataMigrationState.FAILED;
		}
		if (info != null && info.installedOn() != null) {
			return DataMigrationState.COMPLETED;
		}
		if (row == null) {
			return DataMigrationState.PENDING;
		}
		return switch (row.state()) {
			case "RUNNING" -> running ? DataMigrationState.RUNNING : DataMigrationState.INTERRUPTED;
			case "FAILED" -> DataMigrationState.FAILED;
			default -> DataMigrationState.INTERRUPTED;
		};
	}

}
