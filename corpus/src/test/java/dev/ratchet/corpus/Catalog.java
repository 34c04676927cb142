package dev.ratchet.corpus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a database holds after a migration set, as sorted lines per kind of object, so two
 * databases migrated by different tools can be compared kind by kind: schemas, relations,
 * columns, constraints, indexes, functions, triggers, views, rules, policies, row security,
 * privileges, types, sequences, comments, and the rows of every table. The tools' own history tables are left out.
 */
final class Catalog {

	/** Relations the migration tools keep for themselves. */
	private static final String TOOL_TABLES = "'^(ratchet_|flyway_schema_history)'";

	private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
			+ "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

	private static final Map<String, String> QUERIES = new LinkedHashMap<>();

	static {
		QUERIES.put("schemas", "SELECT n.nspname FROM pg_namespace n WHERE " + USER_SCHEMA);
		QUERIES.put("relations", """
				SELECT n.nspname || '.' || c.relname || ' kind=' || c.relkind::text || ' persistence=' || c.relpersistence::text
				  || ' partition=' || coalesce(pg_get_expr(c.relpartbound, c.oid), '-')
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE %s AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'c') AND c.relname !~ %s
				""".formatted(USER_SCHEMA, TOOL_TABLES));
		QUERIES.put("columns", """
				SELECT n.nspname || '.' || c.relname || '.' || a.attname || ' #' || a.attnum || ' '
				  || format_type(a.atttypid, a.atttypmod) || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
				  || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '') || ' identity=' || a.attidentity::text
				  || ' generated=' || a.attgenerated::text || coalesce(' collate=' || co.collname, '')
				FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
				LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
				LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 100
				WHERE %s AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
				  AND c.relname !~ %s
				""".formatted(USER_SCHEMA, TOOL_TABLES));
		QUERIES.put("constraints", """
				SELECT coalesce(r.relname, t.typname) || ' ' || co.conname || ' ' || pg_get_constraintdef(co.oid)
				  || ' deferrable=' || co.condeferrable || ' deferred=' || co.condeferred || ' valid=' || co.convalidated
				FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
				LEFT JOIN pg_class r ON r.oid = co.conrelid LEFT JOIN pg_type t ON t.oid = co.contypid
				WHERE %s AND coalesce(r.relname, '') !~ %s
				""".formatted(USER_SCHEMA, TOOL_TABLES));
		QUERIES.put("indexes", """
				SELECT pg_get_indexdef(i.indexrelid) || ' valid=' || i.indisvalid
				FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE %s AND c.relname !~ %s
				""".formatted(USER_SCHEMA, TOOL_TABLES));
		QUERIES.put("functions", """
				SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') kind='
				  || p.prokind::text || CASE WHEN p.prokind IN ('f', 'p') THEN E'\\n' || pg_get_functiondef(p.oid) ELSE '' END
				FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
				WHERE %s AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
				""".formatted(USER_SCHEMA));
		QUERIES.put("triggers", """
				SELECT pg_get_triggerdef(tg.oid) || ' enabled=' || tg.tgenabled::text
				FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE %s AND NOT tg.tgisinternal
				""".formatted(USER_SCHEMA));
		QUERIES.put("views", """
				SELECT n.nspname || '.' || c.relname || ': ' || pg_get_viewdef(c.oid)
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE %s AND c.relkind IN ('v', 'm')
				""".formatted(USER_SCHEMA));
		QUERIES.put("rules", "SELECT schemaname || '.' || tablename || '.' || rulename || ': ' || definition FROM pg_rules "
				+ "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
		QUERIES.put("types", """
				SELECT n.nspname || '.' || t.typname || ' type=' || t.typtype::text || coalesce(' base=' || format_type(t.typbasetype,
				  t.typtypmod), '') || ' notnull=' || t.typnotnull || coalesce(' default=' || t.typdefault, '')
				  || coalesce(' labels=' || (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e
				    WHERE e.enumtypid = t.oid), '')
				FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
				WHERE %s AND t.typtype IN ('e', 'd', 'r', 'm')
				   OR (%s AND t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c'))
				""".formatted(USER_SCHEMA, USER_SCHEMA));
		QUERIES.put("policies", """
				SELECT schemaname || '.' || tablename || ' ' || policyname || ' ' || permissive || ' ' || cmd || ' '
				  || array_to_string(roles, ',') || ' using=' || coalesce(qual, '-') || ' check=' || coalesce(with_check, '-')
				FROM pg_policies
				""");
		QUERIES.put("row security", """
				SELECT n.nspname || '.' || c.relname || ' enabled=' || c.relrowsecurity || ' forced=' || c.relforcerowsecurity
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE %s AND (c.relrowsecurity OR c.relforcerowsecurity)
				""".formatted(USER_SCHEMA));
		QUERIES.put("privileges", """
				SELECT n.nspname || '.' || c.relname || ' ' || coalesce(array_to_string(c.relacl, ','), '-')
				FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE %s AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relname !~ %s
				UNION ALL
				SELECT n.nspname || '.' || p.proname || '() ' || coalesce(array_to_string(p.proacl, ','), '-')
				  || ' definer=' || p.prosecdef || ' config=' || coalesce(array_to_string(p.proconfig, ','), '-')
				FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
				WHERE %s
				""".formatted(USER_SCHEMA, TOOL_TABLES, USER_SCHEMA));
		QUERIES.put("sequences", """
				SELECT schemaname || '.' || sequencename || ' ' || data_type || ' start=' || start_value || ' by='
				  || increment_by || ' cache=' || cache_size || ' cycle=' || cycle || ' last=' || coalesce(last_value::text, '-')
				FROM pg_sequences WHERE sequencename !~ %s
				""".formatted(TOOL_TABLES));
		QUERIES.put("comments", """
				SELECT d.classoid::regclass || ' ' || coalesce(c.relname, p.proname, t.typname, d.objoid::text) || ' #'
				  || d.objsubid || ': ' || d.description
				FROM pg_description d
				LEFT JOIN pg_class c ON d.classoid = 'pg_class'::regclass AND c.oid = d.objoid
				LEFT JOIN pg_proc p ON d.classoid = 'pg_proc'::regclass AND p.oid = d.objoid
				LEFT JOIN pg_type t ON d.classoid = 'pg_type'::regclass AND t.oid = d.objoid
				WHERE d.objoid >= 16384 AND coalesce(c.relname, '') !~ %s
				""".formatted(TOOL_TABLES));
	}

	private final Map<String, List<String>> kinds;

	private Catalog(Map<String, List<String>> kinds) {
		this.kinds = kinds;
	}

	/**
	 * Reads the catalog and the rows of every user table.
	 */
	static Catalog read(Connection connection) throws SQLException {
		return read(connection, Map.of());
	}

	/**
	 * Reads the catalog and the rows of every user table, leaving out the given columns of the given
	 * tables ({@code schema.table}, as the rows' kind names them), whose values come from the clock.
	 */
	static Catalog read(Connection connection, Map<String, List<String>> clockColumns) throws SQLException {
		Map<String, List<String>> kinds = new LinkedHashMap<>();
		for (Map.Entry<String, String> query : QUERIES.entrySet()) {
			kinds.put(query.getKey(), sorted(connection, query.getValue()));
		}
		for (String table : sorted(connection, """
				SELECT format('%%I.%%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE %s AND c.relkind IN ('r', 'p', 'm') AND c.relname !~ %s
				""".formatted(USER_SCHEMA, TOOL_TABLES))) {
			List<String> left = clockColumns.get(table);
			String row = (left == null) ? "t::text" : "(to_jsonb(t) - ARRAY['" + String.join("', '", left) + "'])::text";
			kinds.put("rows of " + table, sorted(connection, "SELECT " + row + " FROM " + table + " t"));
		}
		return new Catalog(kinds);
	}

	Map<String, List<String>> kinds() {
		return this.kinds;
	}

	/**
	 * Returns how many objects of a kind there are.
	 */
	int count(String kind) {
		return this.kinds.getOrDefault(kind, List.of()).size();
	}

	/**
	 * Returns how many objects of each kind there are, and how many rows in all.
	 */
	String summary() {
		StringBuilder summary = new StringBuilder();
		int rows = 0;
		for (Map.Entry<String, List<String>> kind : this.kinds.entrySet()) {
			if (kind.getKey().startsWith("rows of ")) {
				rows += kind.getValue().size();
			}
			else {
				summary.append(kind.getKey()).append('=').append(kind.getValue().size()).append(' ');
			}
		}
		return summary.append("rows=").append(rows).toString();
	}

	private static List<String> sorted(Connection connection, String query) throws SQLException {
		List<String> lines = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
			while (rs.next()) {
				lines.add(rs.getString(1));
			}
		}
		lines.sort(null);
		return lines;
	}

}
