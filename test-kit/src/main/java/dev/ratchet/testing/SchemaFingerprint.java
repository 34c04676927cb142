package dev.ratchet.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * A catalog fingerprint of one schema: its tables, views and sequences, columns with types,
 * nullability and defaults, constraints, indexes, view definitions, functions, triggers and enum
 * types, one sorted line each. Ratchet's own tables (the history table and those named after it)
 * are left out. Column order is not part of it, so a column dropped and added again matches.
 */
record SchemaFingerprint(TreeSet<String> lines) {

	private static final String QUERY = """
			WITH ns AS (SELECT oid FROM pg_namespace WHERE nspname = coalesce(?::text, current_schema())),
			rel AS (
				SELECT c.oid, c.relname, c.relkind FROM pg_class c JOIN ns ON c.relnamespace = ns.oid
				WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
				AND c.relname <> ? AND c.relname NOT LIKE ?::text || '\\_%'
			)
			SELECT 'relation ' || relname || ' kind ' || relkind::text FROM rel
			UNION ALL
			SELECT 'column ' || r.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
				|| CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
				|| coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
			FROM rel r JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
			LEFT JOIN pg_attrdef d ON d.adrelid = r.oid AND d.adnum = a.attnum
			UNION ALL
			SELECT 'constraint ' || r.relname || ' ' || co.conname || ' ' || pg_get_constraintdef(co.oid)
			FROM rel r JOIN pg_constraint co ON co.conrelid = r.oid
			UNION ALL
			SELECT 'index ' || r.relname || ' ' || pg_get_indexdef(i.indexrelid)
				|| CASE WHEN i.indisvalid THEN '' ELSE ' (invalid)' END
			FROM rel r JOIN pg_index i ON i.indrelid = r.oid
			UNION ALL
			SELECT 'view ' || r.relname || ' ' || pg_get_viewdef(r.oid) FROM rel r WHERE r.relkind IN ('v', 'm')
			UNION ALL
			SELECT 'trigger ' || r.relname || ' ' || pg_get_triggerdef(t.oid)
			FROM rel r JOIN pg_trigger t ON t.tgrelid = r.oid AND NOT t.tgisinternal
			UNION ALL
			SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') returns '
				|| format_type(p.prorettype, NULL) || ' body md5 ' || md5(coalesce(p.prosrc, ''))
			FROM pg_proc p JOIN ns ON p.pronamespace = ns.oid
			UNION ALL
			SELECT 'type ' || t.typname || ' enum ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
			FROM pg_type t JOIN ns ON t.typnamespace = ns.oid JOIN pg_enum e ON e.enumtypid = t.oid
			GROUP BY t.typname
			UNION ALL
			SELECT 'domain ' || t.typname || ' ' || format_type(t.typbasetype, t.typtypmod)
			FROM pg_type t JOIN ns ON t.typnamespace = ns.oid WHERE t.typtype = 'd'
			""";

	/**
	 * Reads the fingerprint of a schema.
	 * @param dataSource the database
	 * @param schema the schema, or {@code null} for the connection's current schema
	 * @param table the history table, left out with every table named {@code <table>_...}
	 */
	static SchemaFingerprint read(DataSource dataSource, String schema, String table) {
		TreeSet<String> lines = new TreeSet<>();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement(QUERY)) {
			statement.setString(1, schema);
			statement.setString(2, table);
			statement.setString(3, table);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					lines.add(result.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the schema's catalog: " + ex.getMessage(), ex);
		}
		return new SchemaFingerprint(lines);
	}

	/**
	 * Describes how the schema differs from an expected fingerprint, or returns an empty string
	 * when it does not.
	 * @param expected the expected fingerprint
	 * @return one line per difference: {@code missing} for what is expected and absent,
	 * {@code extra} for what is there and not expected
	 */
	String differenceFrom(SchemaFingerprint expected) {
		List<String> differences = new ArrayList<>();
		for (String line : expected.lines) {
			if (!this.lines.contains(line)) {
				differences.add("\n  missing: " + line);
			}
		}
		for (String line : this.lines) {
			if (!expected.lines.contains(line)) {
				differences.add("\n  extra:   " + line);
			}
		}
		return String.join("", differences);
	}

}
