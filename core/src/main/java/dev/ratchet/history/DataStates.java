package dev.ratchet.history;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationVersion;

/**
 * The stored state of batched data migrations in the progress table, as operators change it and
 * runs read it before each batch. A change is one statement that checks the state it starts from,
 * so concurrent changes from several instances serialise on the row and end consistent.
 */
public final class DataStates {

	// A migration that never started has no row yet: the change inserts one, where allowed.
	private static final String CHANGE_OR_INSERT = """
			INSERT INTO %PROGRESS% AS p (version, description, script, state, changed_by, changed_on)
			VALUES (?, ?, ?, ?, ?, now())
			ON CONFLICT (version) DO UPDATE
			SET state = excluded.state, changed_by = excluded.changed_by, changed_on = now(), updated_on = now()
			WHERE p.state = ANY (?)
			RETURNING p.state""";

	private static final String CHANGE = """
			UPDATE %PROGRESS% SET state = ?, changed_by = ?, changed_on = now(), updated_on = now()
			WHERE version = ? AND state = ANY (?)
			RETURNING state""";

	private static final String READ = "SELECT state FROM %PROGRESS% WHERE version = ?";

	private final ProgressTable progress;

	private final FailedItemsTable ledger;

	/**
	 * Names the progress table after the history table.
	 * @param history the history table
	 */
	public DataStates(HistoryTable history) {
		this.progress = new ProgressTable(history);
		this.ledger = new FailedItemsTable(history);
	}

	/**
	 * Returns the quoted, schema-qualified name of the progress table.
	 */
	public String getQualifiedName() {
		return this.progress.getQualifiedName();
	}

	/**
	 * Changes the stored state of a migration if it is one of {@code from}.
	 * @param connection the connection to use, with auto-commit on
	 * @param migration the migration
	 * @param to the new state
	 * @param from the states the change is allowed from
	 * @param insert whether a migration without a row (never started) may get one in the new state
	 * @param by who changes it, or {@code null}
	 * @return whether the state was changed
	 * @throws SQLException on a database error
	 */
	public boolean change(Connection connection, MigrationDescriptor migration, String to, List<String> from,
			boolean insert, String by) throws SQLException {
		String sql = (insert ? CHANGE_OR_INSERT : CHANGE).replace("%PROGRESS%", this.progress.getQualifiedName());
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			Array allowed = connection.createArrayOf("text", from.toArray());
			int i = 1;
			if (insert) {
				statement.setString(i++, migration.version().toString());
				statement.setString(i++, migration.description());
				statement.setString(i++, migration.script());
				statement.setString(i++, to);
				statement.setString(i++, by);
			}
			else {
				statement.setString(i++, to);
				statement.setString(i++, by);
				statement.setString(i++, migration.version().toString());
			}
			statement.setArray(i, allowed);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next();
			}
		}
	}

	/**
	 * Reads the stored state of a migration.
	 * @param connection the connection to use; the table must exist
	 * @param version the migration's version
	 * @return {@code RUNNING}, {@code FAILED}, {@code COMPLETED}, {@code PAUSED} or {@code CANCELLED}, or
	 * {@code null} if it has no row
	 * @throws SQLException on a database error
	 */
	public String read(Connection connection, MigrationVersion version) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement(READ.replace("%PROGRESS%", this.progress.getQualifiedName()))) {
			statement.setString(1, version.toString());
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	}

	/**
	 * Creates the progress table and the ledger of failed items unless they exist, and adds the
	 * columns of state changes to a progress table made by an earlier version.
	 * @param connection the connection to use, with auto-commit on
	 * @throws SQLException on a database error
	 */
	public void create(Connection connection) throws SQLException {
		this.progress.create(connection);
		this.ledger.create(connection);
	}

}
