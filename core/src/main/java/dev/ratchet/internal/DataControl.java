package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationVersion;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.DataMigrationControl;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.StateChangeRejectedException;
import dev.ratchet.history.DataStates;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.history.RatchetTable;

/**
 * Pauses, resumes and cancels batched data migrations, without the migration lock: each change is
 * one conditional statement on the progress table (see {@link DataStates}), which a running batch
 * does not block, and which the run reads before its next batch.
 */
final class DataControl implements DataMigrationControl {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private static final String UNDEFINED_COLUMN = "42703";

	private final OperationRunner runner;

	private final MigrationCatalog catalog;

	DataControl(OperationRunner runner, MigrationCatalog catalog) {
		this.runner = runner;
		this.catalog = catalog;
	}

	@Override
	public DataMigrationState pause(String version, String by) {
		return change(Change.PAUSE, version, by);
	}

	@Override
	public DataMigrationState resume(String version, String by) {
		return change(Change.RESUME, version, by);
	}

	@Override
	public DataMigrationState cancel(String version, String by) {
		return change(Change.CANCEL, version, by);
	}

	private DataMigrationState change(Change change, String version, String by) {
		MigrationDescriptor migration = find(MigrationVersion.parse(version));
		try (Session session = this.runner.open("control")) {
			Connection connection = session.connection();
			HistoryTable history = this.runner.target(session).history();
			DataStates states = new DataStates(history);
			if (completed(connection, history, migration.version())) {
				throw rejected(change, migration, DataMigrationState.COMPLETED);
			}
			if (!apply(connection, states, change, migration, by)) {
				throw rejected(change, migration, current(states.read(connection, migration.version())));
			}
		}
		catch (SQLException ex) {
			throw OperationRunner.databaseError(change.verb + " data migration " + version, ex);
		}
		logger.info("Data migration {} (version {}) {} by {}", migration.script(), migration.version(), change.past,
				(by != null) ? by : "an unnamed operator");
		this.runner.events().publish(new MigrationEvent.DataStateChanged(migration, change.verb, change.result, by));
		return change.result;
	}

	private static boolean apply(Connection connection, DataStates states, Change change,
			MigrationDescriptor migration, String by) throws SQLException {
		try {
			return states.change(connection, migration, change.to, change.from, change.insert, by);
		}
		catch (SQLException ex) {
			if (!RatchetTable.UNDEFINED_TABLE.equals(ex.getSQLState()) && !UNDEFINED_COLUMN.equals(ex.getSQLState())) {
				throw ex;
			}
			// No data migration ran yet, or the table is an earlier version's: create or upgrade it.
			try {
				states.create(connection);
			}
			catch (SQLException raced) {
				// Most likely another session created it at the same time (23505, 42P07 or 42710); if not,
				// the change below fails again and says why.
				logger.debug("Creating {} failed; trying the change again", states.getQualifiedName(), raced);
			}
			return states.change(connection, migration, change.to, change.from, change.insert, by);
		}
	}

	private static boolean completed(Connection connection, HistoryTable history, MigrationVersion version)
			throws SQLException {
		if (!history.exists(connection)) {
			return false;
		}
		return history.read(connection)
			.stream()
			.anyMatch((row) -> row.success() && version.equals(row.version()));
	}

	private MigrationDescriptor find(MigrationVersion version) {
		return this.catalog.migrations()
			.stream()
			.filter((migration) -> migration.java() instanceof BatchedMigration<?>
					&& version.equals(migration.descriptor().version()))
			.map(ResolvedMigration::descriptor)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No batched data migration has version '" + version
					+ "'; check the version against the migrations endpoint or dataMigrations()"));
	}

	private static DataMigrationState current(String rowState) {
		if (rowState == null) {
			return DataMigrationState.PENDING;
		}
		return DataMigrationState.valueOf(rowState);
	}

	private static StateChangeRejectedException rejected(Change change, MigrationDescriptor migration,
			DataMigrationState state) {
		return new StateChangeRejectedException("Data migration " + migration.script() + " (version "
				+ migration.version() + ") cannot be " + change.past + ": it is " + state.name().toLowerCase() + "; "
				+ change.verb + " is allowed only when it is " + change.allowed, change.verb, state);
	}

	/**
	 * The allowed state changes: the stored state each one goes to, and the stored states it may
	 * start from ({@code RUNNING} stands for running and interrupted alike).
	 */
	private enum Change {

		PAUSE("pause", "paused", "PAUSED", DataMigrationState.PAUSED, true, "pending, running, interrupted or failed",
				"RUNNING", "FAILED"),

		RESUME("resume", "resumed", "RUNNING", DataMigrationState.INTERRUPTED, false, "paused or cancelled", "PAUSED",
				"CANCELLED"),

		CANCEL("cancel", "cancelled", "CANCELLED", DataMigrationState.CANCELLED, true,
				"pending, running, interrupted, failed or paused", "RUNNING", "FAILED", "PAUSED");

		private final String verb;

		private final String past;

		private final String to;

		private final DataMigrationState result;

		private final boolean insert;

		private final String allowed;

		private final List<String> from;

		Change(String verb, String past, String to, DataMigrationState result, boolean insert, String allowed,
				String... from) {
			this.verb = verb;
			this.past = past;
			this.to = to;
			this.result = result;
			this.insert = insert;
			this.allowed = allowed;
			this.from = List.of(from);
		}

	}

}
