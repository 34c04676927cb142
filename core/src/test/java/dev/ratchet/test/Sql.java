package dev.ratchet.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Small helpers for asserting on a test database.
 */
public final class Sql {

	// Everything a migration could leave behind outside of row data, in every schema but the system ones.
	private static final String CATALOG = """
			SELECT 'schema ' || nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'
			UNION ALL
			SELECT c.relkind::text || ' ' || n.nspname || '.' || c.relname
			       || coalesce(' ' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || a.attnotnull::text, '')
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
			WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			UNION ALL
			SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(k.oid) FROM pg_constraint k
			JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname NOT LIKE 'pg\\_%'
			UNION ALL
			SELECT 'type ' || typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			UNION ALL
			SELECT 'function ' || p.oid::regprocedure FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			UNION ALL
			SELECT 'extension ' || extname FROM pg_extension
			ORDER BY 1""";

	private Sql() {
	}

	/**
	 * Returns what a migration could leave behind besides row data (schemas, relations, columns,
	 * constraints, types, functions, extensions), one line each, to compare before and after.
	 */
	public static List<String> catalog(Database db) {
		return column(db, CATALOG);
	}

	/**
	 * Runs a query and returns its first column as strings.
	 * @param db the database
	 * @param query the query
	 * @return the values, in order
	 */
	public static List<String> column(Database db, String query) {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(query)) {
			List<String> values = new ArrayList<>();
			while (rs.next()) {
				values.add(rs.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(query + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs a query returning one number.
	 */
	public static long number(Database db, String query) {
		return Long.parseLong(column(db, query).get(0));
	}

	/**
	 * Returns whether a table (or view) exists, by possibly-qualified name.
	 */
	public static boolean exists(Database db, String relation) {
		return "t".equals(column(db, "SELECT to_regclass('" + relation + "') IS NOT NULL").get(0));
	}

	/**
	 * Runs statements.
	 */
	public static void execute(Database db, String sql) {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Borrows connections of a pool all at once, so that each is a different session, and runs a
	 * query on each.
	 * @param pool the pool
	 * @param size how many connections to borrow: the pool's size, to see every session
	 * @param query a query whose first row's first column describes the session
	 * @return one value a connection
	 * @throws SQLException on failure
	 */
	public static List<String> onEachPooledConnection(DataSource pool, int size, String query) throws SQLException {
		List<Connection> borrowed = new ArrayList<>();
		List<String> values = new ArrayList<>();
		try {
			for (int i = 0; i < size; i++) {
				Connection connection = pool.getConnection();
				borrowed.add(connection);
				try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
					rs.next();
					values.add(rs.getString(1));
				}
			}
		}
		finally {
			for (Connection connection : borrowed) {
				connection.close();
			}
		}
		return values;
	}

}
