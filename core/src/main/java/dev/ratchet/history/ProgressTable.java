package dev.ratchet.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationVersion;

/**
 * The progress table beside the history, {@code <history>_data}: one row per batched data
 * migration that ever started, with its cursor and counters, written in each batch's transaction.
 * Created on demand, under the migration lock. All SQL the engine runs against it is here, with the
 * qualified table name substituted in one place.
 */
public final class ProgressTable {

	private static final String SELECT_PROGRESS = """
			SELECT p.version, p.state, p.last_key, p.processed, p.batches, p.total, p.elapsed_ms, p.started_on,
			       p.updated_on, p.completed_on, p.failure,
			       -- through jsonb, so that a table an earlier version made, without these columns, reads as null
			       to_jsonb(p) ->> 'changed_by' AS changed_by, (to_jsonb(p) ->> 'changed_on')::timestamptz AS changed_on,
			       (SELECT count(*) FROM %FAILURES% f WHERE f.version = p.version) AS failed
			FROM %PROGRESS% p""";

	private static final String INSERT_PROGRESS = """
			INSERT INTO %PROGRESS% (version, description, script, state) VALUES (?, ?, ?, 'RUNNING')
			ON CONFLICT (version) DO NOTHING""";

	private static final String RESUME = """
			UPDATE %PROGRESS% SET state = 'RUNNING', failure = NULL, description = ?, script = ?, updated_on = now()
			WHERE version = ? AND state NOT IN ('PAUSED', 'CANCELLED')""";

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
			WHERE version = ? AND state = 'RUNNING'""";

	private static final String ADD_PROCESSED = """
			UPDATE %PROGRESS% SET processed = processed + ?, updated_on = now() WHERE version = ?""";

	private static final String COMPLETE_CANCELLED = """
			UPDATE %PROGRESS%
			SET state = 'COMPLETED', completed_on = now(), updated_on = now(), changed_by = ?, changed_on = now()
			WHERE version = ? AND state = 'CANCELLED'""";

	private final String qualifiedName;

	private final String failures;

	/**
	 * Names the table after the history table.
	 * @param history the history table
	 */
	public ProgressTable(HistoryTable history) {
		this.qualifiedName = RatchetTable.DATA.qualifiedName(history.getSchema(), history.getTable());
		this.failures = RatchetTable.DATA_FAILURES.qualifiedName(history.getSchema(), history.getTable());
	}

	/**
	 * Returns the quoted, schema-qualified table name.
	 */
	public String getQualifiedName() {
		return this.qualifiedName;
	}

	private String sql(String template) {
		return template.replace("%PROGRESS%", this.qualifiedName).replace("%FAILURES%", this.failures);
	}

	/**
	 * Creates the table unless it exists. Call it with auto-commit on, under the migration lock.
	 * @param connection the connection to use
	 * @throws SQLException on a database error
	 */
	public void create(Connection connection) throws SQLException {
		RatchetTable.DATA.create(connection, this.qualifiedName);
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
				Progress progress = progress(rs, MigrationVersion.parse(rs.getString("version")));
				all.put(progress.version(), progress);
			}
		}
		catch (SQLException ex) {
			if (RatchetTable.UNDEFINED_TABLE.equals(ex.getSQLState()) && connection.getAutoCommit()) {
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
				return progress(rs, version);
			}
		}
	}

	/**
	 * Records that a migration starts for the first time, in state {@code RUNNING}; does nothing if
	 * it has a row (an operator paused or cancelled it before it started).
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
	 * Records that a migration that ran before runs again, in state {@code RUNNING}, unless an
	 * operator paused or cancelled it.
	 * @param connection the connection to use
	 * @param migration the migration
	 * @return whether it may run: {@code false} when it is paused or cancelled
	 * @throws SQLException on a database error
	 */
	public boolean resume(Connection connection, MigrationDescriptor migration) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(RESUME))) {
			statement.setString(1, migration.description());
			statement.setString(2, migration.script());
			statement.setString(3, migration.version().toString());
			return statement.executeUpdate() > 0;
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
		setCount(connection, SET_TOTAL, total, version);
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
	 * left as it is for an interrupted run. Changes only a migration in state {@code RUNNING}: one an
	 * operator paused or cancelled meanwhile stays so.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param state the new state
	 * @param failure why it failed, or {@code null}
	 * @param elapsedMs the time spent since the last batch
	 * @return whether the state was changed
	 * @throws SQLException on a database error
	 */
	public boolean finish(Connection connection, MigrationVersion version, String state, String failure, long elapsedMs)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(FINISH))) {
			statement.setString(1, state);
			statement.setString(2, failure);
			statement.setLong(3, elapsedMs);
			statement.setBoolean(4, "COMPLETED".equals(state));
			statement.setString(5, version.toString());
			return statement.executeUpdate() > 0;
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
		setCount(connection, ADD_PROCESSED, processed, version);
	}

	/**
	 * Runs an update of one count of a migration's row, whose parameters are the count and the version.
	 */
	private void setCount(Connection connection, String template, long count, MigrationVersion version)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(template))) {
			statement.setLong(1, count);
			statement.setString(2, version.toString());
			statement.executeUpdate();
		}
	}

	/**
	 * Records a cancelled migration as completed, for {@code repair}: only one still cancelled.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param by who completes it, for the record
	 * @return whether it was cancelled and is now completed
	 * @throws SQLException on a database error
	 */
	public boolean completeCancelled(Connection connection, MigrationVersion version, String by) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(COMPLETE_CANCELLED))) {
			statement.setString(1, by);
			statement.setString(2, version.toString());
			return statement.executeUpdate() > 0;
		}
	}

	private static Progress progress(ResultSet rs, MigrationVersion version) throws SQLException {
		return new Progress(version, rs.getString("state"), rs.getString("last_key"), rs.getLong("processed"),
				rs.getLong("batches"), (Long) rs.getObject("total"), rs.getLong("elapsed_ms"),
				instant(rs.getTimestamp("started_on")), instant(rs.getTimestamp("updated_on")),
				instant(rs.getTimestamp("completed_on")), rs.getString("failure"), rs.getLong("failed"),
				rs.getString("changed_by"), instant(rs.getTimestamp("changed_on")));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * One row of the progress table.
	 * @param version the migration's version
	 * @param state {@code RUNNING}, {@code FAILED}, {@code COMPLETED}, {@code PAUSED} or {@code CANCELLED}
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
	 * @param changedBy who made the last state change, or {@code null}
	 * @param changedOn when the last state change was made, or {@code null}
	 */
	public record Progress(MigrationVersion version, String state, String lastKey, long processed, long batches,
			Long total, long elapsedMs, Instant startedOn, Instant updatedOn, Instant completedOn, String failure,
			long failed, String changedBy, Instant changedOn) {
	}

}
