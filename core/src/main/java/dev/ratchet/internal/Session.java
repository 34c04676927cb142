package dev.ratchet.internal;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import dev.ratchet.DatabaseConnectionException;
import dev.ratchet.RatchetException;
import dev.ratchet.history.RatchetTable;

/**
 * One of Ratchet's connections, set up for migrating and put back as it was on close (it may be a
 * pooled connection of the application's). It carries an {@code application_name} that says
 * Ratchet and which process, and asks the server to notice a vanished client quickly, so a crashed
 * instance's lock is released soon.
 */
final class Session implements AutoCloseable {

	// One round trip: read what the connection had (the OFFSET 0 subquery is evaluated before the
	// set_config calls), then set Ratchet's values. The search_path gets the configured schema in front
	// unless it is already the current schema.
	private static final String OPEN = """
			SELECT name, path, schema, version, pid,
			       set_config('application_name', ?, false),
			       set_config('search_path', CASE WHEN ?::text IS NULL OR ?::text = schema::text THEN path
			                                      WHEN btrim(path) = '' THEN ? ELSE ? || ', ' || path END, false),
			       set_config('tcp_keepalives_idle', '30', false), set_config('tcp_keepalives_interval', '10', false),
			       set_config('tcp_keepalives_count', '3', false),
			       CASE WHEN version >= 140000 THEN set_config('client_connection_check_interval', '5s', false) END
			FROM (SELECT current_setting('application_name') AS name, current_setting('search_path') AS path,
			             current_schema() AS schema, current_setting('server_version_num')::int AS version,
			             pg_backend_pid() AS pid
			      OFFSET 0) original""";

	private static final String PROCESS = processName();

	private final Connection connection;

	private final boolean autoCommit;

	private final String searchPath;

	private final String schema;

	private final int backendPid;

	private SessionState original;

	private Session(Connection connection, boolean autoCommit, String searchPath, String schema, int backendPid) {
		this.connection = connection;
		this.autoCommit = autoCommit;
		this.searchPath = searchPath;
		this.schema = schema;
		this.backendPid = backendPid;
	}

	/**
	 * Opens and sets up a connection.
	 * @param dataSource where to get it
	 * @param role what it is for, shown in {@code application_name} ({@code lock} or {@code migrate})
	 * @param schema the configured schema, or {@code null} to use the connection's current one
	 * @return the session
	 */
	static Session open(DataSource dataSource, String role, String schema) {
		Connection connection = connect(dataSource);
		try {
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(true);
			SessionState original;
			Session session;
			// The session's state as it came, read before the settings below change it: one round trip.
			try (PreparedStatement statement = connection.prepareStatement(SessionState.query() + ";\n" + OPEN)) {
				String quoted = (schema != null) ? RatchetTable.quote(schema) : null;
				statement.setString(1, truncate("ratchet " + role + " " + PROCESS));
				statement.setString(2, schema);
				statement.setString(3, schema);
				statement.setString(4, quoted);
				statement.setString(5, quoted);
				statement.execute();
				try (ResultSet rs = statement.getResultSet()) {
					original = SessionState.read(rs);
				}
				statement.getMoreResults();
				try (ResultSet rs = statement.getResultSet()) {
					rs.next();
					String currentSchema = rs.getString(3);
					session = new Session(connection, autoCommit, rs.getString(2), (schema != null) ? schema : currentSchema,
							rs.getInt(5));
				}
				session.original = original;
			}
			if (session.schema == null) {
				session.close();
				throw noCurrentSchema(session.searchPath);
			}
			return session;
		}
		catch (Error ex) {
			// Perhaps after the server took Ratchet's settings: the pool must not hand this one out again.
			abort(connection);
			throw ex;
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(connection);
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new DatabaseConnectionException("Ratchet could not set up its database session: " + ex.getMessage()
					+ " (SQLSTATE " + ((SQLException) ex).getSQLState() + ")", ex);
		}
	}

	/**
	 * Gets a connection as it comes, without setting it up: for reads that need nothing more.
	 * @param dataSource where to get it
	 * @return the connection
	 * @throws DatabaseConnectionException when none can be had
	 */
	static Connection connect(DataSource dataSource) {
		try {
			return dataSource.getConnection();
		}
		catch (SQLException | RuntimeException ex) {
			// Pools may wrap the driver's SQLException in a runtime exception of their own.
			SQLException sql = (ex instanceof SQLException direct) ? direct : null;
			String state = (sql != null) ? " (SQLSTATE " + sql.getSQLState() + ")" : "";
			String hint = (sql != null) ? ErrorHints.hint(sql.getSQLState(), sql.getMessage()) : null;
			throw new DatabaseConnectionException("Ratchet could not connect to the database: " + ex.getMessage() + state
					+ ". " + ((hint != null) ? hint : "Check that the server is running and that the URL, user and "
							+ "password (ratchet.url/username/password or spring.datasource.*) are right."), ex);
		}
	}

	static RatchetException noCurrentSchema(String searchPath) {
		return new RatchetException("The connection has no current schema: no schema on its search_path (" + searchPath
				+ ") exists. Set ratchet.schema to the schema Ratchet should manage.");
	}

	private static String processName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			host = "unknown-host";
		}
		return host + ":" + ProcessHandle.current().pid();
	}

	private static String truncate(String name) {
		// PostgreSQL keeps 63 bytes of application_name; keep it ASCII-safe and within that.
		String ascii = name.replaceAll("[^\\x20-\\x7e]", "?");
		return (ascii.length() > 63) ? ascii.substring(0, 63) : ascii;
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			// Already failing; the original problem is the one to report.
		}
	}

	Connection connection() {
		return this.connection;
	}

	/**
	 * Returns the schema Ratchet manages through this session.
	 */
	String schema() {
		return this.schema;
	}

	/**
	 * Returns the server process the session reached when it was opened.
	 */
	int backendPid() {
		return this.backendPid;
	}

	/**
	 * Changes a server setting for the rest of the session; {@link #close()} puts back the value the
	 * connection came with.
	 * @param name the setting, one of Ratchet's own names (it is not quoted)
	 * @param value its value
	 * @throws SQLException on a database error
	 */
	void set(String name, String value) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT set_config(?, ?, false)")) {
			statement.setString(1, name);
			statement.setString(2, value);
			statement.execute();
		}
	}

	/**
	 * Puts the connection back as it was (its role and every setting, as {@link SessionState} reads
	 * them, whoever changed them: Ratchet or a migration) and closes (returns) it. A connection that cannot be put
	 * back is aborted, so that a pool never hands it out again with Ratchet's settings (its
	 * {@code search_path}, say) or an open transaction.
	 */
	@Override
	public void close() {
		try {
			if (!this.connection.isClosed()) {
				if (!this.connection.getAutoCommit()) {
					this.connection.rollback();
					this.connection.setAutoCommit(true);
				}
				this.original.restore(this.connection);
				this.connection.setAutoCommit(this.autoCommit);
			}
		}
		catch (SQLException | RuntimeException ex) {
			abort(this.connection);
		}
		finally {
			closeQuietly(this.connection);
		}
	}

	/**
	 * Ends the physical connection: a pool discards a connection its user aborted.
	 */
	private static void abort(Connection connection) {
		try {
			connection.abort(Runnable::run);
		}
		catch (SQLException | RuntimeException ex) {
			// Closing it is all that is left.
		}
	}

}
