package dev.ratchet.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.RatchetException;

/**
 * How a row of the history table maps to its columns, both ways: the query that reads the rows and
 * how its result becomes {@link AppliedMigration}s, the insert and how a migration binds to it. The
 * templates write {@code %TABLE%} for the table, which {@link HistoryTable} substitutes.
 */
final class HistoryRows {

	// installed_on comes as microseconds since the epoch: a start-up reads every row in a JVM where
	// nothing is compiled yet, and the driver's parsing of timestamps took a third of that read
	// (500 rows: 10 ms of 30). The cast is exact where extract gives a numeric (PostgreSQL 14 on).
	static final String SELECT = """
			SELECT installed_rank, version, description, type, script, checksum, installed_by,
			       (extract(epoch FROM installed_on) * 1000000)::int8 AS installed_on,
			       execution_time, success, failure, to_jsonb(h) ->> 'undo_checksum' AS undo_checksum
			FROM %TABLE% h ORDER BY installed_rank""";

	private static final long MICROS = 1_000_000;

	// The next rank read from the primary key's index as the newest row's, which the server plans in
	// a third less time than max(): it plans this again after every migration, after whose DDL PgJDBC
	// prepares its statements anew (flushCacheOnDdl). A run that knows the rank passes it instead,
	// which spares the server planning the subquery at all (see insert(String, boolean, String)).
	private static final String NEXT_RANK = "coalesce((SELECT h.installed_rank FROM %TABLE% h "
			+ "ORDER BY h.installed_rank DESC LIMIT 1), 0) + 1";

	private static final String INSERT = """
			INSERT INTO %TABLE% (installed_rank, version, description, type, script, checksum, installed_by,
			                     execution_time, success, failure%UNDO_COLUMN%)
			VALUES (%RANK%, ?, ?, ?, ?, ?, current_user, ?%GUARD%, ?, ?%UNDO_VALUE%)
			RETURNING installed_rank""";

	private HistoryRows() {
	}

	/**
	 * Returns the insert template for a row with or without an undo checksum: a row without one
	 * leaves the column out, so a table not yet upgraded still takes it.
	 */
	static String insert(String undoChecksum) {
		return insert(undoChecksum, false, null);
	}

	/**
	 * Returns the insert template for a row with or without an undo checksum, whose rank is the next
	 * one after the newest row's or, with {@code rankGiven}, its first parameter.
	 * @param guard an integer expression without parameters added to the execution time (0 when all is
	 * well; it fails the insert otherwise), or {@code null}
	 */
	static String insert(String undoChecksum, boolean rankGiven, String guard) {
		return INSERT.replace("%RANK%", rankGiven ? "?" : NEXT_RANK)
			.replace("%GUARD%", (guard != null) ? " + " + guard : "")
			.replace("%UNDO_COLUMN%", (undoChecksum != null) ? ", undo_checksum" : "")
			.replace("%UNDO_VALUE%", (undoChecksum != null) ? ", ?" : "");
	}

	/**
	 * Binds a row to the statement of {@link #insert(String)} with the same undo checksum.
	 */
	static void bind(PreparedStatement statement, MigrationDescriptor migration, String undoChecksum,
			int executionTimeMs, String failure) throws SQLException {
		bind(statement, 0, migration, undoChecksum, executionTimeMs, failure);
	}

	/**
	 * Binds a row to the statement of {@link #insert(String, boolean, String)} with the same undo checksum,
	 * with the given rank if it is positive (the statement then takes it).
	 */
	static void bind(PreparedStatement statement, int rank, MigrationDescriptor migration, String undoChecksum,
			int executionTimeMs, String failure) throws SQLException {
		int p = 0;
		if (rank > 0) {
			statement.setInt(++p, rank);
		}
		statement.setString(++p, (migration.version() != null) ? migration.version().toString() : null);
		statement.setString(++p, migration.description());
		statement.setString(++p, migration.type().name());
		statement.setString(++p, migration.script());
		statement.setString(++p, migration.checksum());
		statement.setInt(++p, executionTimeMs);
		statement.setBoolean(++p, failure == null);
		statement.setString(++p, failure);
		if (undoChecksum != null) {
			statement.setString(++p, undoChecksum);
		}
	}

	/**
	 * Reads the result of {@link #SELECT}.
	 * @param rs the result
	 * @param qualifiedName the table's name, for the message about a row Ratchet cannot read
	 * @return the rows
	 * @throws SQLException on a database error
	 * @throws RatchetException naming the row if one holds what Ratchet never writes
	 */
	static List<AppliedMigration> read(ResultSet rs, String qualifiedName) throws SQLException {
		List<AppliedMigration> rows = new ArrayList<>();
		while (rs.next()) {
			String version = rs.getString("version");
			String type = rs.getString("type");
			long micros = rs.getLong("installed_on");
			Instant installedOn = rs.wasNull() ? null
					: Instant.ofEpochSecond(Math.floorDiv(micros, MICROS), Math.floorMod(micros, MICROS) * 1000);
			try {
				rows.add(new AppliedMigration(rs.getInt("installed_rank"),
						(version != null) ? MigrationVersion.parse(version) : null, rs.getString("description"),
						MigrationType.valueOf(type), rs.getString("script"), rs.getString("checksum"),
						rs.getString("installed_by"), installedOn,
						rs.getInt("execution_time"), rs.getBoolean("success"), rs.getString("failure"),
						rs.getString("undo_checksum")));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				throw new RatchetException("The history table " + qualifiedName + " has a row Ratchet cannot "
						+ "read (installed_rank " + rs.getInt("installed_rank") + ", version '" + version + "', type '"
						+ type + "'): " + ex.getMessage() + ". It was probably edited by hand: fix or "
						+ "delete that row. Nothing was applied.", ex);
			}
		}
		return rows;
	}

}
