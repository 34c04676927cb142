package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.ratchet.LockHolder;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.history.RatchetTable;
import dev.ratchet.lock.AdvisoryLock;

/**
 * Reads what a status report needs in one round trip: a connection as it comes (no session set-up,
 * no lock), with the lock holder and the history sent together. Health checks and the endpoint read
 * status often, so every round trip counts; a missing history table (nothing migrated yet) is the
 * only case that costs more.
 */
final class StatusReader {

	private static final String CURRENT_SCHEMA = "SELECT current_schema(), current_setting('search_path')";

	private final RatchetConfiguration configuration;

	private volatile String schema;

	StatusReader(RatchetConfiguration configuration) {
		this.configuration = configuration;
		this.schema = configuration.getSchema();
	}

	/**
	 * What was read.
	 * @param history the history table
	 * @param rows its rows, in order of application; empty when it does not exist
	 * @param unknownObjects when there is no history, what else the schema holds, or {@code null}
	 * @param lockHolder the session holding the migration lock, or {@code null}
	 */
	record Reading(HistoryTable history, List<AppliedMigration> rows, String unknownObjects, LockHolder lockHolder) {
	}

	Reading read(boolean withLockHolder) throws SQLException {
		try (Connection connection = Session.connect(this.configuration.getDataSource())) {
			boolean autoCommit = connection.getAutoCommit();
			if (!autoCommit) {
				// A failed statement would leave a transaction aborted; with auto-commit none is opened.
				connection.setAutoCommit(true);
			}
			try {
				HistoryTable history = new HistoryTable(schema(connection), this.configuration.getTable());
				long key = AdvisoryLock.keyFor(history.getSchema(), history.getTable());
				LockHolder holder = null;
				List<AppliedMigration> rows;
				boolean missing = false;
				try (PreparedStatement statement = connection.prepareStatement(withLockHolder
						? AdvisoryLock.holderQuery(key) + ";\n" + history.selectQuery() : history.selectQuery())) {
					statement.execute();
					if (withLockHolder) {
						try (ResultSet rs = statement.getResultSet()) {
							holder = AdvisoryLock.readHolder(rs);
						}
						statement.getMoreResults();
					}
					try (ResultSet rs = statement.getResultSet()) {
						rows = history.rows(rs);
					}
				}
				catch (SQLException ex) {
					if (!RatchetTable.UNDEFINED_TABLE.equals(ex.getSQLState())) {
						throw ex;
					}
					// No history table: the failed batch read no lock holder either.
					rows = List.of();
					missing = true;
					holder = withLockHolder ? AdvisoryLock.findHolder(connection, key) : null;
				}
				// Only a schema without a history table is unknown: an empty history (after a repair, say)
				// means Ratchet has been here.
				String unknownObjects = missing
						? SchemaContents.describeObjects(connection, history.getSchema(), history.getTable()) : null;
				return new Reading(history, rows, unknownObjects, holder);
			}
			finally {
				if (!autoCommit) {
					connection.setAutoCommit(false);
				}
			}
		}
	}

	private String schema(Connection connection) throws SQLException {
		String current = this.schema;
		if (current == null) {
			// Looked up once: the search_path of the application's connections does not change while it runs.
			try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(CURRENT_SCHEMA)) {
				rs.next();
				current = rs.getString(1);
				if (current == null) {
					throw Session.noCurrentSchema(rs.getString(2));
				}
			}
			this.schema = current;
		}
		return current;
	}

}
