package dev.ratchet.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Small helpers for asserting on a test database.
 */
public final class Sql {

	private Sql() {
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

}
