package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.ratchet.drift.internal.DriftTracker;

/**
 * Tells whether a schema already holds objects that Ratchet did not create, so a migration run
 * does not build over an unknown schema.
 */
final class SchemaContents {

	// Relations only, and not those an extension owns (PostGIS puts tables in public).
	private static final String OBJECTS = """
			SELECT count(*), string_agg(name, ', ') FILTER (WHERE n <= 5)
			FROM (SELECT c.relname AS name, row_number() OVER (ORDER BY c.relname) AS n
			      FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
			      WHERE s.nspname = ? AND c.relname NOT IN (?, ?) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
			        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
			                        AND d.objid = c.oid AND d.deptype = 'e')) objects""";

	private SchemaContents() {
	}

	/**
	 * Describes what the schema holds besides the history table and its snapshot table, or returns
	 * {@code null} if nothing.
	 * @param connection the connection
	 * @param schema the schema
	 * @param table the history table
	 * @return for example {@code 12 objects (session, user, …)}, or {@code null}
	 * @throws SQLException on a database error
	 */
	static String describeObjects(Connection connection, String schema, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(OBJECTS)) {
			statement.setString(1, schema);
			statement.setString(2, table);
			statement.setString(3, DriftTracker.tableName(table));
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				int count = rs.getInt(1);
				if (count == 0) {
					return null;
				}
				return count + ((count == 1) ? " object (" : " objects (") + rs.getString(2)
						+ ((count > 5) ? ", …)" : ")");
			}
		}
	}

	static String unknownSchemaProblem(String schema, String table, String objects) {
		return "Schema \"" + schema + "\" already holds " + objects + " but has no migration history (table \"" + table
				+ "\"). Ratchet will not apply migrations over a schema it does not know. If the schema matches your "
				+ "migrations up to some version, baseline it: --ratchet.command=baseline, or ratchet.baseline-on-migrate=true, "
				+ "with ratchet.baseline-version set to that version. Otherwise point Ratchet at an empty schema (ratchet.schema).";
	}

}
