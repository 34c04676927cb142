package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;

import dev.ratchet.MigrationVersion;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.history.DataStates;
import dev.ratchet.history.HistoryTable;

/**
 * Asked by a batched migration's run before each batch: whether an operator paused or cancelled it
 * (on any instance: the state is read from the progress table, in the batch's transaction).
 */
final class BatchGate {

	private final Connection connection;

	private final DataStates states;

	BatchGate(Connection connection, HistoryTable history) {
		this.connection = connection;
		this.states = new DataStates(history);
	}

	/**
	 * Returns the state that stops the run, {@code PAUSED} or {@code CANCELLED}, or {@code null} to go on.
	 */
	DataMigrationState stopState(MigrationVersion version) throws SQLException {
		String state = this.states.read(this.connection, version);
		if (DataMigrationState.PAUSED.name().equals(state)) {
			return DataMigrationState.PAUSED;
		}
		if (DataMigrationState.CANCELLED.name().equals(state)) {
			return DataMigrationState.CANCELLED;
		}
		return null;
	}

}
