package dev.ratchet.history;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.ratchet.MigrationVersion;

/**
 * The key ranges of batched data migrations run in parallel, {@code <history>_data_claims}: one row
 * per batch a worker claimed, holding the keys the claimer found in it, until the migration
 * completes. The progress table's {@code last_key} is then the shared cursor: how far ranges were
 * handed out. All SQL the engine runs against the claims is here, with the qualified table names
 * substituted in one place.
 * <p>
 * A claim is held by a session-level advisory lock on the claim, taken in the claiming transaction
 * and released once the range's transaction committed or rolled back; PostgreSQL releases it when
 * the session ends, so a dead instance's claims are free at once for another worker to take over.
 * <p>
 * Over 300 lines on purpose: the claim protocol (claim, take over, finish, flush, clean up) is its
 * statements and their locking, kept in one file so that its invariants read in one place.
 */
public final class ClaimsTable {

	private static final String LOCK_CURSOR = "SELECT state, last_key FROM %PROGRESS% WHERE version = ? FOR UPDATE";

	private static final String INSERT_CLAIM = """
			INSERT INTO %CLAIMS% (version, claim, after_key, last_key, item_keys)
			SELECT ?, coalesce(max(claim), 0) + 1, ?, ?, ? FROM %CLAIMS% WHERE version = ?
			RETURNING claim""";

	private static final String ADVANCE_CURSOR = "UPDATE %PROGRESS% SET last_key = ?, updated_on = now() WHERE version = ?";

	private static final String HOLD = "SELECT pg_try_advisory_lock(hashtext(?), ?)";

	private static final String RELEASE = "SELECT pg_advisory_unlock(hashtext(?), ?)";

	private static final String OPEN_CLAIMS = """
			SELECT claim, after_key, last_key FROM %CLAIMS% WHERE version = ? AND NOT done ORDER BY claim""";

	private static final String KEYS = "SELECT item_keys FROM %CLAIMS% WHERE version = ? AND claim = ?";

	private static final String LOCK_CLAIM = "SELECT done FROM %CLAIMS% WHERE version = ? AND claim = ? FOR UPDATE";

	private static final String MARK_DONE = """
			UPDATE %CLAIMS% SET done = true, done_on = now(), item_keys = '{}' WHERE version = ? AND claim = ?""";

	private static final String COUNT_RANGE = """
			UPDATE %PROGRESS%
			SET processed = processed + ?, batches = batches + 1, elapsed_ms = elapsed_ms + ?, updated_on = now()
			WHERE version = ?""";

	private static final String ANY_CLAIM = "SELECT count(*), count(*) FILTER (WHERE NOT done) FROM %CLAIMS% WHERE version = ?";

	private static final String DELETE_CLAIMS = "DELETE FROM %CLAIMS% WHERE version = ?";

	private static final String TAKE_XID = "SELECT pg_current_xact_id()";

	private final String qualifiedName;

	private final String progress;

	/**
	 * Names the table after the history table.
	 * @param history the history table
	 */
	public ClaimsTable(HistoryTable history) {
		this.qualifiedName = RatchetTable.DATA_CLAIMS.qualifiedName(history.getSchema(), history.getTable());
		this.progress = RatchetTable.DATA.qualifiedName(history.getSchema(), history.getTable());
	}

	private String sql(String template) {
		return template.replace("%CLAIMS%", this.qualifiedName).replace("%PROGRESS%", this.progress);
	}

	/**
	 * Creates the table unless it exists. Call it with auto-commit on, under the migration lock.
	 * @param connection the connection to use
	 * @throws SQLException on a database error
	 */
	public void create(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(RatchetTable.DATA_CLAIMS.ddl(this.qualifiedName));
		}
	}

	/**
	 * Locks a migration's progress row, so claimers take turns, and reads its state and cursor.
	 * @param connection the connection to use, in the claiming transaction
	 * @param version the migration's version
	 * @return the cursor, or {@code null} if the migration has no progress row
	 * @throws SQLException on a database error
	 */
	public Cursor lockCursor(Connection connection, MigrationVersion version) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(LOCK_CURSOR))) {
			statement.setString(1, version.toString());
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? new Cursor(rs.getString(1), rs.getString(2)) : null;
			}
		}
	}

	/**
	 * Records a claim of the range after the cursor up to {@code last}, advances the cursor to it,
	 * and holds the claim for this session. Call it in the transaction that locked the cursor; if that
	 * transaction does not commit, {@link #release} the claim.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param after the cursor, or {@code null} at the start
	 * @param keys the keys of the range's items, in key order
	 * @return the claim's number
	 * @throws SQLException on a database error
	 */
	public int claim(Connection connection, MigrationVersion version, String after, List<String> keys)
			throws SQLException {
		int claim;
		String last = keys.get(keys.size() - 1);
		try (PreparedStatement statement = connection.prepareStatement(sql(INSERT_CLAIM))) {
			statement.setString(1, version.toString());
			statement.setString(2, after);
			statement.setString(3, last);
			statement.setArray(4, connection.createArrayOf("text", keys.toArray()));
			statement.setString(5, version.toString());
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				claim = rs.getInt(1);
			}
		}
		try (PreparedStatement statement = connection.prepareStatement(sql(ADVANCE_CURSOR))) {
			statement.setString(1, last);
			statement.setString(2, version.toString());
			statement.executeUpdate();
		}
		if (!hold(connection, version, claim)) {
			throw new SQLException("Claim " + claim + " of version " + version + " in " + this.qualifiedName
					+ " is held by another session although it was just created");
		}
		return claim;
	}

	/** Tries to hold a claim for this session, without waiting; returns whether it holds it now. */
	public boolean hold(Connection connection, MigrationVersion version, int claim) throws SQLException {
		return advisory(connection, HOLD, version, claim);
	}

	/** Stops holding a claim, whether or not its range was done. */
	public void release(Connection connection, MigrationVersion version, int claim) throws SQLException {
		advisory(connection, RELEASE, version, claim);
	}

	private boolean advisory(Connection connection, String sql, MigrationVersion version, int claim)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, this.qualifiedName + " " + version);
			statement.setInt(2, claim);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * Reads the claims whose range is not done, held or not, in claim order.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @return the claims
	 * @throws SQLException on a database error
	 */
	public List<Claim> open(Connection connection, MigrationVersion version) throws SQLException {
		List<Claim> claims = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql(OPEN_CLAIMS))) {
			statement.setString(1, version.toString());
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					claims.add(new Claim(rs.getInt(1), rs.getString(2), rs.getString(3)));
				}
			}
		}
		return claims;
	}

	/**
	 * Reads the keys the claimer found in a claim's range.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param claim the claim
	 * @return the keys, in key order; empty once the range is done
	 * @throws SQLException on a database error
	 */
	public List<String> keys(Connection connection, MigrationVersion version, int claim) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(KEYS))) {
			statement.setString(1, version.toString());
			statement.setInt(2, claim);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return List.of();
				}
				Array keys = rs.getArray(1);
				return Arrays.asList((String[]) keys.getArray());
			}
		}
	}

	/**
	 * Locks a held claim's row in the range's transaction and tells whether its range is still to do:
	 * it may have been done between reading it and holding it.
	 * @return whether the range is still to do
	 */
	public boolean lockUndone(Connection connection, MigrationVersion version, int claim) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(LOCK_CLAIM))) {
			statement.setString(1, version.toString());
			statement.setInt(2, claim);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && !rs.getBoolean(1);
			}
		}
	}

	/**
	 * Marks a range done and counts its items, in the transaction that processed them.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param claim the claim
	 * @param processed how many of its items were processed successfully
	 * @param elapsedMs the time this worker spent on it
	 * @throws SQLException on a database error
	 */
	public void done(Connection connection, MigrationVersion version, int claim, long processed, long elapsedMs)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(MARK_DONE))) {
			statement.setString(1, version.toString());
			statement.setInt(2, claim);
			statement.executeUpdate();
		}
		try (PreparedStatement statement = connection.prepareStatement(sql(COUNT_RANGE))) {
			statement.setLong(1, processed);
			statement.setLong(2, elapsedMs);
			statement.setString(3, version.toString());
			statement.executeUpdate();
		}
	}

	/**
	 * Lets the open transaction commit without waiting for its WAL to reach disk (or a synchronous
	 * replica), so that the progress row it locked is free for the other workers at once rather than
	 * after the flush. Safe for a claiming transaction: losing it in a server crash loses only an
	 * unprocessed claim, and the range's own transaction, committed later, flushes it. A range's
	 * transaction made so must be followed by {@link #flush} before anything is reported.
	 * @param connection the connection, in the transaction
	 * @throws SQLException on a database error
	 */
	public void deferFlush(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(RatchetTable.NO_FLUSH_AT_COMMIT);
		}
	}

	/**
	 * Waits until every transaction this session committed is as durable as the session's
	 * {@code synchronous_commit} setting makes a commit: commits a transaction that writes nothing
	 * but its commit record, which waits for the WAL up to it, the earlier commits' included.
	 * @param connection the connection, in no transaction, auto-commit off
	 * @throws SQLException on a database error
	 */
	public void flush(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(TAKE_XID);
		}
		connection.commit();
	}

	/**
	 * Counts a migration's claims. Returns no claims when the table does not exist yet and the
	 * connection is in auto-commit mode.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @return all claims, and those whose range is not done
	 * @throws SQLException on a database error
	 */
	public Count count(Connection connection, MigrationVersion version) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(ANY_CLAIM))) {
			statement.setString(1, version.toString());
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return new Count(rs.getLong(1), rs.getLong(2));
			}
		}
		catch (SQLException ex) {
			if (RatchetTable.UNDEFINED_TABLE.equals(ex.getSQLState()) && connection.getAutoCommit()) {
				return new Count(0, 0);
			}
			throw ex;
		}
	}

	/** Deletes a completed migration's claims, in the transaction that records its completion. */
	public void delete(Connection connection, MigrationVersion version) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(DELETE_CLAIMS))) {
			statement.setString(1, version.toString());
			statement.executeUpdate();
		}
	}

	/**
	 * A migration's state and shared cursor.
	 * @param state its state in the progress table
	 * @param lastKey the last key handed out in a claim, or {@code null}
	 */
	public record Cursor(String state, String lastKey) {
	}

	/**
	 * A claimed range.
	 * @param claim its number, from 1
	 * @param afterKey the cursor it was claimed after, or {@code null}
	 * @param lastKey its last key
	 */
	public record Claim(int claim, String afterKey, String lastKey) {
	}

	/**
	 * How many claims a migration has.
	 * @param all all claims
	 * @param undone claims whose range is not done
	 */
	public record Count(long all, long undone) {
	}

}
