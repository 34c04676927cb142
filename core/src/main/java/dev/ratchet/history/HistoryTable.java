package dev.ratchet.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationVersion;

/**
 * The history table: one row per applied migration. All SQL the engine runs against it is here,
 * with the qualified table name substituted in one place; how a row maps to its columns is
 * {@link HistoryRows}.
 * <p>
 * Over 300 lines on purpose: every statement against the history table (create, upgrade, read,
 * insert with the commit, finish, and repair's deletes and checksum updates) stays here with its
 * reason, so that the table's name, quoting and locking are decided in one file; a third of the
 * lines are that Javadoc.
 */
public final class HistoryTable {

	// Asked before the ALTER TABLE, whose lock would queue readers, is made at all.
	private static final String HAS_UNDO_CHECKSUM = """
			SELECT EXISTS (SELECT FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = 'undo_checksum'
			               AND NOT attisdropped)""";

	private static final String FINISH = """
			UPDATE %TABLE% SET execution_time = ?, success = ?, failure = ? WHERE installed_rank = ?""";

	private static final String UNDEFINED_COLUMN = "42703";

	private static final String UNDEFINED_FUNCTION = "42883";

	private static final String DELETE_FAILED = "DELETE FROM %TABLE% WHERE NOT success";

	private static final String DELETE_FAILED_VERSION = "DELETE FROM %TABLE% WHERE NOT success AND version = ?";

	private static final String UPDATE_CHECKSUM = "UPDATE %TABLE% SET checksum = ? WHERE installed_rank = ?";

	private final String schema;

	private final String table;

	private final String qualifiedName;

	public HistoryTable(String schema, String table) {
		this.schema = schema;
		this.table = table;
		this.qualifiedName = RatchetTable.HISTORY.qualifiedName(schema, table);
	}

	public String getSchema() {
		return this.schema;
	}

	public String getTable() {
		return this.table;
	}

	/**
	 * Returns the quoted, schema-qualified table name.
	 */
	public String getQualifiedName() {
		return this.qualifiedName;
	}

	private String sql(String template) {
		return template.replace("%TABLE%", this.qualifiedName);
	}

	/**
	 * Returns whether the table exists.
	 * @param connection the connection to use
	 * @return whether it exists
	 * @throws SQLException on a database error
	 */
	public boolean exists(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			statement.setString(1, this.qualifiedName);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * Creates the schema and the table unless they exist. Runs in the caller's transaction state;
	 * call it with auto-commit on, under the migration lock.
	 * @param connection the connection to use
	 * @throws SQLException on a database error
	 */
	public void create(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			// CREATE SCHEMA IF NOT EXISTS needs CREATE on the database even when the schema exists, a
			// right a role with rights on its schema only does not have: look first.
			if (!schemaExists(connection)) {
				statement.execute("CREATE SCHEMA IF NOT EXISTS " + RatchetTable.quote(this.schema));
			}
		}
		RatchetTable.HISTORY.create(connection, this.qualifiedName);
		upgrade(connection);
	}

	/**
	 * Creates the table in its schema, both found missing under the migration lock, in one round trip:
	 * made now, it has every column, so there is nothing to upgrade.
	 * @param connection the connection to use
	 * @throws SQLException on a database error
	 */
	public void createMissing(Connection connection) throws SQLException {
		RatchetTable.HISTORY.create(connection, this.qualifiedName);
	}

	/**
	 * Creates the schema, found missing under the migration lock, and the table in it, in one round
	 * trip (and one implicit transaction): what {@link #create(Connection)} does in four. Call it with
	 * auto-commit on, under the migration lock.
	 * @param connection the connection to use
	 * @throws SQLException on a database error
	 */
	public void createWithSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + RatchetTable.quote(this.schema) + ";\n"
					+ RatchetTable.HISTORY.ddl(this.qualifiedName));
		}
	}

	/**
	 * Returns, in one round trip, whether the schema exists and whether the table does.
	 * @param connection the connection to use
	 * @return the answer
	 * @throws SQLException on a database error
	 */
	public Presence presence(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?), to_regclass(?) IS NOT NULL")) {
			statement.setString(1, this.schema);
			statement.setString(2, this.qualifiedName);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return new Presence(rs.getBoolean(1), rs.getBoolean(2));
			}
		}
	}

	/**
	 * Whether the history's schema and table exist.
	 * @param schema whether the schema exists
	 * @param table whether the table exists
	 */
	public record Presence(boolean schema, boolean table) {
	}

	/**
	 * Adds the columns added since the first release to an existing table, unless it has them. Call
	 * it under the migration lock before writing rows that carry them.
	 * @param connection the connection to use
	 * @throws SQLException on a database error
	 */
	public void upgrade(Connection connection) throws SQLException {
		boolean upgraded;
		try (PreparedStatement statement = connection.prepareStatement(HAS_UNDO_CHECKSUM)) {
			statement.setString(1, this.qualifiedName);
			try (ResultSet rs = statement.executeQuery()) {
				upgraded = rs.next() && rs.getBoolean(1);
			}
		}
		if (!upgraded) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql("ALTER TABLE %TABLE% ADD COLUMN IF NOT EXISTS undo_checksum text"));
			}
		}
	}

	private boolean schemaExists(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)")) {
			statement.setString(1, this.schema);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * Reads every row, in order of application. Returns an empty list if the table does not exist.
	 * @param connection the connection to use; in auto-commit mode, the common case costs one round trip
	 * @return the rows
	 * @throws SQLException on a database error
	 */
	public List<AppliedMigration> read(Connection connection) throws SQLException {
		if (!connection.getAutoCommit() && !exists(connection)) {
			// Inside a transaction a failed query would abort it: look before reading.
			return List.of();
		}
		// Reading straight away, rather than first checking that the table exists and has the right
		// columns, makes the common case (a sound history to read) one round trip. The columns' types
		// come with the rows; the catalog is asked only when something looks wrong.
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(selectQuery())) {
			if (!HistoryShape.matches(rs.getMetaData())) {
				HistoryShape.verify(connection, this);
			}
			return rows(rs);
		}
		catch (SQLException ex) {
			if (RatchetTable.UNDEFINED_TABLE.equals(ex.getSQLState())) {
				return List.of();
			}
			if (UNDEFINED_COLUMN.equals(ex.getSQLState()) || UNDEFINED_FUNCTION.equals(ex.getSQLState())) {
				// a column gone, or one of another type than the query can read (installed_on as text)
				HistoryShape.verify(connection, this);
			}
			throw ex;
		}
	}

	/**
	 * Returns the query that reads every row in order of application, for a caller that sends it
	 * together with other queries. It fails with SQLSTATE {@code 42P01} when the table does not exist.
	 * @return the query; read its result with {@link #rows(ResultSet)}
	 */
	public String selectQuery() {
		return sql(HistoryRows.SELECT);
	}

	/**
	 * Reads the result of {@link #selectQuery()}.
	 * @param rs the result
	 * @return the rows
	 * @throws SQLException on a database error, or a row that is not one Ratchet wrote
	 */
	public List<AppliedMigration> rows(ResultSet rs) throws SQLException {
		return HistoryRows.read(rs, this.qualifiedName);
	}

	/**
	 * Records a migration, in the caller's transaction.
	 * @param connection the connection to use
	 * @param migration the migration
	 * @param executionTimeMs how long it took
	 * @param failure {@code null} for success, else what failed
	 * @return the row's {@code installed_rank}
	 * @throws SQLException on a database error
	 */
	public int insert(Connection connection, MigrationDescriptor migration, int executionTimeMs, String failure)
			throws SQLException {
		return insert(connection, migration, null, executionTimeMs, failure);
	}

	/**
	 * Records a migration with the checksum of its undo script, in the caller's transaction.
	 * @param connection the connection to use
	 * @param migration the migration
	 * @param undoChecksum the checksum of its undo script, or {@code null}
	 * @param executionTimeMs how long it took
	 * @param failure {@code null} for success, else what failed
	 * @return the row's {@code installed_rank}
	 * @throws SQLException on a database error
	 */
	public int insert(Connection connection, MigrationDescriptor migration, String undoChecksum, int executionTimeMs,
			String failure) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(HistoryRows.insert(undoChecksum)))) {
			HistoryRows.bind(statement, migration, undoChecksum, executionTimeMs, failure);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getInt("installed_rank");
			}
		}
	}

	/**
	 * Records how a migration recorded earlier ended.
	 * @param connection the connection to use
	 * @param installedRank its row
	 * @param executionTimeMs how long it took
	 * @param failure {@code null} for success, else what failed
	 * @throws SQLException on a database error
	 */
	public void finish(Connection connection, int installedRank, int executionTimeMs, String failure)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(FINISH))) {
			statement.setInt(1, executionTimeMs);
			statement.setBoolean(2, failure == null);
			statement.setString(3, failure);
			statement.setInt(4, installedRank);
			statement.executeUpdate();
		}
	}

	/**
	 * Records a successful migration with the checksum of its undo script and commits the caller's
	 * transaction, in one round trip: the {@code COMMIT} travels with the {@code INSERT}, which
	 * carries a check. If any of them fails, PostgreSQL rolls the whole transaction back (a failed
	 * statement stops what follows it) and the error is thrown.
	 * @param connection the connection to use, with auto-commit off and the migration's transaction open
	 * @param migration the migration
	 * @param undoChecksum the checksum of its undo script, or {@code null}
	 * @param executionTimeMs how long it took
	 * @param before a statement without parameters to run first, or {@code null}
	 * @param guard an integer expression without parameters that is 0 when the row may be written and
	 * fails the insert otherwise (the lock check), or {@code null}
	 * @param flush whether the commit waits for the WAL flush; without, a later commit that waits
	 * makes this one durable too ({@link RatchetTable#NO_FLUSH_AT_COMMIT})
	 * @param rank the row's {@code installed_rank} when the caller knows it (a locked run that wrote
	 * the row before, under the migration lock, which every writer of the history holds), or {@code 0}
	 * to take the one after the newest row's, which costs the server a subquery to plan after every
	 * migration's DDL
	 * @return the row's {@code installed_rank}
	 * @throws SQLException on a database error, or the guard's error
	 */
	public int insertAndCommit(Connection connection, MigrationDescriptor migration, String undoChecksum,
			int executionTimeMs, String before, String guard, boolean flush, int rank) throws SQLException {
		// After the statement before, which may put the session's settings back and so would undo a SET LOCAL.
		String sql = (flush ? "" : RatchetTable.NO_FLUSH_AT_COMMIT + ";\n")
				+ sql(HistoryRows.insert(undoChecksum, rank > 0, guard)) + ";\nCOMMIT";
		int inserted = rank;
		try (PreparedStatement statement = connection.prepareStatement((before != null) ? before + ";\n" + sql : sql)) {
			HistoryRows.bind(statement, rank, migration, undoChecksum, executionTimeMs, null);
			// The results in order: the statement before's (if any), the SET's, the insert's row, the COMMIT's.
			for (boolean rows = statement.execute(); rows || statement.getUpdateCount() != -1;
					rows = statement.getMoreResults()) {
				if (rows) {
					try (ResultSet rs = statement.getResultSet()) {
						if ("installed_rank".equals(rs.getMetaData().getColumnLabel(1)) && rs.next()) {
							inserted = rs.getInt(1);
						}
					}
				}
			}
		}
		// The driver saw the transaction end, so this sends nothing (PgJDBC); it keeps the JDBC
		// bookkeeping of the driver and of any pool in line.
		connection.commit();
		return inserted;
	}

	/**
	 * Deletes every failed row.
	 * @param connection the connection to use
	 * @return how many rows were deleted
	 * @throws SQLException on a database error
	 */
	public int deleteFailed(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			return statement.executeUpdate(sql(DELETE_FAILED));
		}
	}

	/**
	 * Sets the checksum of one row.
	 * @param connection the connection to use
	 * @param installedRank the row
	 * @param checksum the new checksum
	 * @throws SQLException on a database error
	 */
	public void updateChecksum(Connection connection, int installedRank, String checksum) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(UPDATE_CHECKSUM))) {
			statement.setString(1, checksum);
			statement.setInt(2, installedRank);
			statement.executeUpdate();
		}
	}

	/**
	 * Deletes the failed rows of one version, in the caller's transaction.
	 * @param connection the connection to use
	 * @param version the version
	 * @return how many rows were deleted
	 * @throws SQLException on a database error
	 */
	public int deleteFailed(Connection connection, MigrationVersion version) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(DELETE_FAILED_VERSION))) {
			statement.setString(1, version.toString());
			return statement.executeUpdate();
		}
	}

}
