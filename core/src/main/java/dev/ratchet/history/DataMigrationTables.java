package dev.ratchet.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationVersion;
import dev.ratchet.data.FailedItem;

/**
 * The two tables beside the history that batched data migrations keep: {@code <history>_data}, one
 * row of progress per migration (cursor and counters, written in each batch's transaction), and
 * {@code <history>_data_failures}, the ledger of failed items. Created on demand, under the
 * migration lock. All SQL the engine runs against them is here, with the qualified table names
 * substituted in one place.
 */
public final class DataMigrationTables {

	private static final String CREATE_PROGRESS = """
			CREATE TABLE IF NOT EXISTS %PROGRESS% (
			    version text PRIMARY KEY,
			    description text NOT NULL,
			    script text NOT NULL,
			    state text NOT NULL,
			    last_key text,
			    processed bigint NOT NULL DEFAULT 0,
			    batches bigint NOT NULL DEFAULT 0,
			    total bigint,
			    elapsed_ms bigint NOT NULL DEFAULT 0,
			    started_on timestamptz NOT NULL DEFAULT now(),
			    updated_on timestamptz NOT NULL DEFAULT now(),
			    completed_on timestamptz,
			    failure text
			)""";

	private static final String CREATE_FAILURES = """
			CREATE TABLE IF NOT EXISTS %FAILURES% (
			    version text NOT NULL,
			    item_key text NOT NULL,
			    error text NOT NULL,
			    attempts integer NOT NULL DEFAULT 1,
			    failed_on timestamptz NOT NULL DEFAULT now(),
			    last_attempt_on timestamptz NOT NULL DEFAULT now(),
			    PRIMARY KEY (version, item_key)
			)""";

	private static final String SELECT_PROGRESS = """
			SELECT p.version, p.state, p.last_key, p.processed, p.batches, p.total, p.elapsed_ms, p.started_on,
			       p.updated_on, p.completed_on, p.failure,
			       (SELECT count(*) FROM %FAILURES% f WHERE f.version = p.version)
			FROM %PROGRESS% p""";

	private static final String INSERT_PROGRESS = """
			INSERT INTO %PROGRESS% (version, description, script, state) VALUES (?, ?, ?, 'RUNNING')""";

	private static final String RESUME = """
			UPDATE %PROGRESS% SET state = 'RUNNING', failure = NULL, description = ?, script = ?, updated_on = now()
			WHERE version = ?""";

	private static final String SET_TOTAL = "UPDATE %PROGRESS% SET total = ? WHERE version = ?";

	private static final String RECORD_BATCH = """
			UPDATE %PROGRESS%
			SET last_key = ?, processed = processed + ?, batches = batches + 1, elapsed_ms = elapsed_ms + ?,
			    updated_on = now()
			WHERE version = ?""";

	private static final String FINISH = """
			UPDATE %PROGRESS%
			SET state = ?, failure = ?, elapsed_ms = elapsed_ms + ?, updated_on = now(),
			    completed_on = CASE WHEN ? THEN now() END
			WHERE version = ?""";

	private static final String ADD_PROCESSED = """
			UPDATE %PROGRESS% SET processed = processed + ?, updated_on = now() WHERE version = ?""";

	private static final String RECORD_FAILURE = """
			INSERT INTO %FAILURES% AS f (version, item_key, error) VALUES (?, ?, ?)
			ON CONFLICT (version, item_key)
			DO UPDATE SET error = excluded.error, attempts = f.attempts + 1, last_attempt_on = now()""";

	private static final String FAILED_KEYS = """
			SELECT item_key FROM %FAILURES% WHERE version = ? AND (? IS NULL OR item_key > ?)
			ORDER BY item_key LIMIT ?""";

	private static final String FAILED_ITEMS = """
			SELECT item_key, error, attempts, failed_on, last_attempt_on FROM %FAILURES%
			WHERE version = ? ORDER BY failed_on, item_key LIMIT ?""";

	private static final String DELETE_FAILURE = "DELETE FROM %FAILURES% WHERE version = ? AND item_key = ?";

	private static final String VERSIONS_WITH_FAILURES = "SELECT DISTINCT version FROM %FAILURES%";

	private static final String UNDEFINED_TABLE = "42P01";

	private final String progressTable;

	private final String failuresTable;

	/**
	 * Names the tables after the history table: {@code <table>_data} and {@code <table>_data_failures}.
	 * @param history the history table
	 */
	public DataMigrationTables(HistoryTable history) {
		this.progressTable = HistoryTable.quote(history.getSchema()) + "."
				+ HistoryTable.quote(progressTableName(history.getTable()));
		this.failuresTable = HistoryTable.quote(history.getSchema()) + "."
				+ HistoryTable.quote(failuresTableName(history.getTable()));
	}

	/**
	 * Returns the name of the progress table kept beside a history table.
	 * @param historyTable the history table's name
	 * @return {@code <historyTable>_data}
	 */
	public static String progressTableName(String historyTable) {
		return historyTable + "_data";
	}

	/**
	 * Returns the name of the ledger of failed items kept beside a history table.
	 * @param historyTable the history table's name
	 * @return {@code <historyTable>_data_failures}
	 */
	public static String failuresTableName(String historyTable) {
		return historyTable + "_data_failures";
	}

	/**
	 * Returns the quoted, schema-qualified name of the progress table.
	 */
	public String getProgressTable() {
		return this.progressTable;
	}

	/**
	 * Returns the quoted, schema-qualified name of the ledger of failed items.
	 */
	public String getFailuresTable() {
		return this.failuresTable;
	}

	private String sql(String template) {
		return template.replace("%PROGRESS%", this.progressTable).replace("%FAILURES%", this.failuresTable);
	}

	/**
	 * Creates both tables unless they exist. Call it with auto-commit on, under the migration lock.
	 * @param connection the connection to use
	 * @throws SQLException on a database error
	 */
	public void create(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql(CREATE_PROGRESS));
			statement.execute(sql(CREATE_FAILURES));
		}
	}

	/**
	 * Reads the progress of every migration that ever started, with its number of failed items.
	 * Returns an empty map when the tables do not exist yet; on a connection in a transaction, call
	 * it only once the tables exist.
	 * @param connection the connection to use
	 * @return the progress by version
	 * @throws SQLException on a database error
	 */
	public Map<MigrationVersion, Progress> readAll(Connection connection) throws SQLException {
		Map<MigrationVersion, Progress> all = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql(SELECT_PROGRESS))) {
			while (rs.next()) {
				Progress progress = new Progress(MigrationVersion.parse(rs.getString(1)), rs.getString(2),
						rs.getString(3), rs.getLong(4), rs.getLong(5), (Long) rs.getObject(6), rs.getLong(7),
						instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)),
						rs.getString(11), rs.getLong(12));
				all.put(progress.version(), progress);
			}
		}
		catch (SQLException ex) {
			if (UNDEFINED_TABLE.equals(ex.getSQLState()) && connection.getAutoCommit()) {
				return Map.of();
			}
			throw ex;
		}
		return all;
	}

	/**
	 * Reads the progress of one migration.
	 * @param connection the connection to use; the tables must exist
	 * @param version the migration's version
	 * @return the progress, or {@code null} if it never started
	 * @throws SQLException on a database error
	 */
	public Progress read(Connection connection, MigrationVersion version) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(SELECT_PROGRESS + " WHERE p.version = ?"))) {
			statement.setString(1, version.toString());
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				return new Progress(version, rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
						(Long) rs.getObject(6), rs.getLong(7), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9)),
						instant(rs.getTimestamp(10)), rs.getString(11), rs.getLong(12));
			}
		}
	}

	/**
	 * Records that a migration starts for the first time, in state {@code RUNNING}.
	 * @param connection the connection to use
	 * @param migration the migration
	 * @throws SQLException on a database error
	 */
	public void start(Connection connection, MigrationDescriptor migration) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(INSERT_PROGRESS))) {
			statement.setString(1, migration.version().toString());
			statement.setString(2, migration.description());
			statement.setString(3, migration.script());
			statement.executeUpdate();
		}
	}

	/**
	 * Records that a migration that ran before runs again, in state {@code RUNNING}.
	 * @param connection the connection to use
	 * @param migration the migration
	 * @throws SQLException on a database error
	 */
	public void resume(Connection connection, MigrationDescriptor migration) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(RESUME))) {
			statement.setString(1, migration.description());
			statement.setString(2, migration.script());
			statement.setString(3, migration.version().toString());
			statement.executeUpdate();
		}
	}

	/**
	 * Records the total number of items of a migration.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param total the total
	 * @throws SQLException on a database error
	 */
	public void setTotal(Connection connection, MigrationVersion version, long total) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(SET_TOTAL))) {
			statement.setLong(1, total);
			statement.setString(2, version.toString());
			statement.executeUpdate();
		}
	}

	/**
	 * Records a committed batch: the new cursor and counters. Call it in the batch's transaction.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param lastKey the key of the batch's last item
	 * @param processed how many of its items were processed successfully
	 * @param elapsedMs the time spent since the previous batch
	 * @throws SQLException on a database error
	 */
	public void recordBatch(Connection connection, MigrationVersion version, String lastKey, long processed,
			long elapsedMs) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(RECORD_BATCH))) {
			statement.setString(1, lastKey);
			statement.setLong(2, processed);
			statement.setLong(3, elapsedMs);
			statement.setString(4, version.toString());
			statement.executeUpdate();
		}
	}

	/**
	 * Records the end of a run: {@code COMPLETED}, {@code FAILED} (with the failure) or {@code RUNNING}
	 * left as it is for an interrupted run.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param state the new state
	 * @param failure why it failed, or {@code null}
	 * @param elapsedMs the time spent since the last batch
	 * @throws SQLException on a database error
	 */
	public void finish(Connection connection, MigrationVersion version, String state, String failure, long elapsedMs)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(FINISH))) {
			statement.setString(1, state);
			statement.setString(2, failure);
			statement.setLong(3, elapsedMs);
			statement.setBoolean(4, "COMPLETED".equals(state));
			statement.setString(5, version.toString());
			statement.executeUpdate();
		}
	}

	/**
	 * Adds to the count of processed items, for ledger items that succeed on a retry.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param processed how many items now succeed
	 * @throws SQLException on a database error
	 */
	public void addProcessed(Connection connection, MigrationVersion version, long processed) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(ADD_PROCESSED))) {
			statement.setLong(1, processed);
			statement.setString(2, version.toString());
			statement.executeUpdate();
		}
	}

	/**
	 * Records failed items in the ledger, or their new error and one more attempt if they are there already.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param errors error message by item key
	 * @throws SQLException on a database error
	 */
	public void recordFailures(Connection connection, MigrationVersion version, Map<String, String> errors)
			throws SQLException {
		if (errors.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(sql(RECORD_FAILURE))) {
			for (Map.Entry<String, String> error : errors.entrySet()) {
				statement.setString(1, version.toString());
				statement.setString(2, error.getKey());
				statement.setString(3, error.getValue());
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * Removes items from the ledger.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param keys the items' keys
	 * @throws SQLException on a database error
	 */
	public void deleteFailures(Connection connection, MigrationVersion version, List<String> keys) throws SQLException {
		if (keys.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(sql(DELETE_FAILURE))) {
			for (String key : keys) {
				statement.setString(1, version.toString());
				statement.setString(2, key);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * Reads keys of failed items in key order, a page at a time.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param after the last key of the previous page, or {@code null} for the first
	 * @param limit the page size
	 * @return the keys
	 * @throws SQLException on a database error
	 */
	public List<String> failedKeys(Connection connection, MigrationVersion version, String after, int limit)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(FAILED_KEYS))) {
			statement.setString(1, version.toString());
			statement.setString(2, after);
			statement.setString(3, after);
			statement.setInt(4, limit);
			List<String> keys = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					keys.add(rs.getString(1));
				}
			}
			return keys;
		}
	}

	/**
	 * Reads failed items of one migration, oldest failure first. Returns an empty list when the
	 * tables do not exist yet.
	 * @param connection the connection to use, in auto-commit mode
	 * @param version the migration's version
	 * @param limit how many at most
	 * @return the items
	 * @throws SQLException on a database error
	 */
	public List<FailedItem> failedItems(Connection connection, MigrationVersion version, int limit)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(FAILED_ITEMS))) {
			statement.setString(1, version.toString());
			statement.setInt(2, limit);
			List<FailedItem> items = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					items.add(new FailedItem(version, rs.getString(1), rs.getString(2), rs.getInt(3),
							instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))));
				}
			}
			return items;
		}
		catch (SQLException ex) {
			if (UNDEFINED_TABLE.equals(ex.getSQLState()) && connection.getAutoCommit()) {
				return List.of();
			}
			throw ex;
		}
	}

	/**
	 * Returns the versions that have items in the ledger. Returns an empty list when the tables do
	 * not exist yet.
	 * @param connection the connection to use, in auto-commit mode
	 * @return the versions, in version order
	 * @throws SQLException on a database error
	 */
	public List<MigrationVersion> versionsWithFailures(Connection connection) throws SQLException {
		List<MigrationVersion> versions = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql(VERSIONS_WITH_FAILURES))) {
			while (rs.next()) {
				versions.add(MigrationVersion.parse(rs.getString(1)));
			}
		}
		catch (SQLException ex) {
			if (UNDEFINED_TABLE.equals(ex.getSQLState()) && connection.getAutoCommit()) {
				return List.of();
			}
			throw ex;
		}
		versions.sort(null);
		return versions;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * One row of the progress table.
	 * @param version the migration's version
	 * @param state {@code RUNNING}, {@code FAILED} or {@code COMPLETED}
	 * @param lastKey the cursor: the key of the last item of the last committed batch, or {@code null}
	 * @param processed items processed successfully
	 * @param batches batches committed
	 * @param total the total, or {@code null}
	 * @param elapsedMs time spent running, over all runs
	 * @param startedOn when it first started
	 * @param updatedOn when it was last updated
	 * @param completedOn when it completed, or {@code null}
	 * @param failure why the last run failed, or {@code null}
	 * @param failed items in the ledger
	 */
	public record Progress(MigrationVersion version, String state, String lastKey, long processed, long batches,
			Long total, long elapsedMs, Instant startedOn, Instant updatedOn, Instant completedOn, String failure,
			long failed) {
	}

}
