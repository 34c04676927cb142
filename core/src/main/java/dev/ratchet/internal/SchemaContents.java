package dev.ratchet.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.ratchet.history.RatchetTable;

/**
 * Tells whether a schema already holds objects that Ratchet did not create, so a migration run
 * does not build over an unknown schema.
 */
final class SchemaContents {

	// Relations only, and not those an extension owns (PostGIS puts tables in public), nor Ratchet's own
	// tables and their sequences (a data migration paused before the first run creates its table).
	// Parameters: the schema, Ratchet's table names (text[]) twice.
	private static final String OBJECTS = """
			SELECT count(*), string_agg(name, ', ') FILTER (WHERE n <= 5)
			FROM (SELECT c.relname AS name, row_number() OVER (ORDER BY c.relname) AS n
			      FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
			      WHERE s.nspname = ? AND c.relname <> ALL (?) AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
			        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
			                        AND d.objid = c.oid AND d.deptype = 'e')
			        AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_class o ON o.oid = d.refobjid
			                        WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
			                          AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
			                          AND o.relnamespace = s.oid AND o.relname = ANY (?))) objects""";

	private SchemaContents() {
	}

	/**
	 * Describes what the schema holds besides Ratchet's own tables, or returns
	 * {@code null} if nothing.
	 * @param connection the connection
	 * @param schema the schema
	 * @param table the history table
	 * @return for example {@code 12 objects (session, user, …)}, or {@code null}
	 * @throws SQLException on a database error
	 */
	static String describeObjects(Connection connection, String schema, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(OBJECTS)) {
			Array ratchetTables = connection.createArrayOf("text", RatchetTable.tableNames(table).toArray());
			statement.setString(1, schema);
			statement.setArray(2, ratchetTables);
			statement.setArray(3, ratchetTables);
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
