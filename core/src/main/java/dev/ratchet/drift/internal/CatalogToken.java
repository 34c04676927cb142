package dev.ratchet.drift.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A cheap fingerprint of the catalog as it stands, kept with the snapshot when the snapshot equals
 * the live schema, so that an unchanged schema is recognised without reading (and deparsing) its
 * objects. It hashes the identity and the creating transaction ({@code xmin}) of every catalog row
 * the drift check reads from, rather than their contents: PostgreSQL writes a new row version, with a
 * new {@code xmin}, for every change DDL makes, so any change the full check could report changes
 * the token, and a removed row is missed from it. Rows no DDL changed keep their {@code xmin}
 * (VACUUM, ANALYZE and freezing keep it). The server version and the {@code search_path}, which the
 * printed definitions depend on, are part of it.
 * <p>
 * Which rows: the schema's own objects, and the objects in other schemas that they refer to. The
 * schema's objects are found from its oid through indexes only: its top-level objects (tables,
 * views, sequences, types, functions, operators...) by their dependency on the schema in
 * {@code pg_depend}, then their columns, defaults, constraints, indexes, triggers and rules by the
 * owning relation. Names a definition prints from other schemas (a column's type, a default's
 * function, the table a foreign key or a view refers to, with its columns) are covered through the
 * dependencies PostgreSQL records for those objects: each referenced row is hashed with its schema's
 * row, so renaming the object, its column or its schema changes the token, wherever it lives
 * (another tenant's schema too). So the token's cost grows with the schema's objects, not the
 * database's: it used to hash every user object of the database (leaving out the other schemas
 * Ratchet manages), and at about 1,600 tenant schemas one token query took over a second, read twice
 * per tenant run (issue 14).
 * <p>
 * What it gives up: a change the catalog does not record as a dependency of this schema's objects.
 * A new object elsewhere that takes a referenced name's place on the {@code search_path} (a type of
 * the same name created in a schema searched earlier), which makes the definition print the name
 * qualified, is not told apart by the token until this schema's own catalog changes; neither is a
 * name written in a function body (PL/pgSQL records no dependencies, and the drift check hashes the
 * body as written, so its printed text does not change either). A change that the check does not
 * report (a GRANT, a TRUNCATE, a referenced table's new column) only changes the token, which costs
 * one full check, after which the token is stored again. Ratchet's own tables, with everything that
 * belongs to them, are left out, as the check leaves them out.
 * <p>
 * The token is read before the snapshot's objects and stored with them as it was read, computed once
 * per snapshot. DDL that another session commits in between can only make the objects newer than the
 * token, never older: the live token then differs from the stored one, and the next check compares
 * in full, finding the change. (Read the other way round, a token newer than the objects would hide
 * that change.)
 */
final class CatalogToken {

	// Parameters: the schema, the names of Ratchet's tables (text[]). Every step is an index lookup
	// from the schema's oid: pg_depend by referenced object (the schema's top-level objects), by
	// dependent object (what they refer to), and the catalogs by oid or by owning relation. OFFSET 0
	// keeps the look-up of each object's dependencies a lookup: joined, the planner (misjudging how
	// few objects there are) hashes the whole of pg_depend, which grows with the database.
	private static final String TOKEN = """
			WITH a AS (SELECT ?::text AS schema, ?::text[] AS tables),
			p AS (SELECT n.oid AS nsp, n.xmin, a.tables FROM a JOIN pg_namespace n ON n.nspname = a.schema),
			top AS (
			    SELECT d.classid, d.objid FROM p JOIN pg_depend d ON d.refclassid = 'pg_namespace'::regclass
			        AND d.refobjid = p.nsp AND d.refobjsubid = 0
			    WHERE NOT (d.classid = 'pg_class'::regclass AND d.objid IN (
			        SELECT c.oid FROM p JOIN pg_class c ON c.relnamespace = p.nsp AND c.relname = ANY (p.tables)))),
			tabs AS (SELECT c.oid, c.xmin FROM top JOIN pg_class c ON c.oid = top.objid
			         WHERE top.classid = 'pg_class'::regclass),
			idx AS (SELECT x.indexrelid AS oid, x.xmin AS ixmin, i.xmin FROM tabs JOIN pg_index x ON x.indrelid = tabs.oid
			        JOIN pg_class i ON i.oid = x.indexrelid),
			rels AS (SELECT oid, xmin FROM tabs UNION ALL SELECT oid, xmin FROM idx),
			cons AS (SELECT k.oid, k.xmin FROM tabs JOIN pg_constraint k ON k.conrelid = tabs.oid
			         UNION ALL SELECT k.oid, k.xmin FROM top JOIN pg_constraint k ON k.contypid = top.objid
			         WHERE top.classid = 'pg_type'::regclass),
			defs AS (SELECT d.oid, d.xmin FROM tabs JOIN pg_attrdef d ON d.adrelid = tabs.oid),
			rules AS (SELECT w.oid, w.xmin FROM tabs JOIN pg_rewrite w ON w.ev_class = tabs.oid),
			trigs AS (SELECT t.oid, t.xmin FROM tabs JOIN pg_trigger t ON t.tgrelid = tabs.oid),
			objs (classid, oid) AS (
			    SELECT classid, objid FROM top
			    UNION ALL SELECT 'pg_class'::regclass::oid, oid FROM idx
			    UNION ALL SELECT 'pg_constraint'::regclass::oid, oid FROM cons
			    UNION ALL SELECT 'pg_attrdef'::regclass::oid, oid FROM defs
			    UNION ALL SELECT 'pg_rewrite'::regclass::oid, oid FROM rules
			    UNION ALL SELECT 'pg_trigger'::regclass::oid, oid FROM trigs),
			deps AS (SELECT d.* FROM objs, LATERAL (SELECT * FROM pg_depend d WHERE d.classid = objs.classid
			                                         AND d.objid = objs.oid OFFSET 0) d),
			refs AS (SELECT DISTINCT refclassid, refobjid, refobjsubid FROM deps WHERE refobjid >= 16384),
			rows (item) AS (
			    SELECT 'n' || nsp || ':' || xmin FROM p
			    UNION ALL SELECT 'c' || oid || ':' || xmin FROM rels
			    UNION ALL SELECT 'a' || a.attrelid || '.' || a.attnum || ':' || a.xmin
			        FROM rels r JOIN pg_attribute a ON a.attrelid = r.oid WHERE a.attnum > 0
			    UNION ALL SELECT 'i' || oid || ':' || ixmin FROM idx
			    UNION ALL SELECT 'k' || oid || ':' || xmin FROM cons
			    UNION ALL SELECT 'd' || oid || ':' || xmin FROM defs
			    UNION ALL SELECT 'w' || oid || ':' || xmin FROM rules
			    UNION ALL SELECT 'g' || oid || ':' || xmin FROM trigs
			    UNION ALL SELECT 's' || s.seqrelid || ':' || s.xmin FROM tabs JOIN pg_sequence s ON s.seqrelid = tabs.oid
			    UNION ALL SELECT 'p' || f.oid || ':' || f.xmin
			        FROM top JOIN pg_proc f ON f.oid = top.objid WHERE top.classid = 'pg_proc'::regclass
			    UNION ALL SELECT 'y' || t.oid || ':' || t.xmin
			        FROM top JOIN pg_type t ON t.oid = top.objid WHERE top.classid = 'pg_type'::regclass
			    UNION ALL SELECT 'o' || classid || '.' || objid FROM top
			    UNION ALL SELECT 'e' || classid || '.' || objid || '.' || objsubid || '>' || refclassid || '.' || refobjid
			        || '.' || refobjsubid || deptype::text FROM deps
			    UNION ALL SELECT 'x' || oid || ':' || xmin FROM pg_extension
			    UNION ALL SELECT 'R' || c.oid || '.' || r.refobjsubid || ':' || c.xmin || ':' || n.xmin
			        || coalesce(':' || a.xmin, '')
			        FROM refs r JOIN pg_class c ON c.oid = r.refobjid JOIN pg_namespace n ON n.oid = c.relnamespace
			        LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = r.refobjsubid AND r.refobjsubid > 0
			        WHERE r.refclassid = 'pg_class'::regclass
			    %REFERENCED%
			    UNION ALL SELECT 'N' || n.oid || ':' || n.xmin
			        FROM refs r JOIN pg_namespace n ON n.oid = r.refobjid WHERE r.refclassid = 'pg_namespace'::regclass)
			SELECT count(*) || '/' || coalesce(sum(hashtextextended(item, 0)), 0) || '/'
			       || current_setting('server_version_num') || '/' || md5(current_setting('search_path'))
			FROM rows""".replace("%REFERENCED%", referenced());

	private CatalogToken() {
	}

	// The referenced objects of the other catalogs whose names a definition prints, each with its
	// schema's row: tag, catalog, namespace column.
	private static String referenced() {
		return Stream
			.of("T pg_type typnamespace", "P pg_proc pronamespace", "O pg_operator oprnamespace",
					"L pg_collation collnamespace", "Q pg_opclass opcnamespace")
			.map((line) -> line.split(" "))
			.map((f) -> "UNION ALL SELECT '" + f[0] + "' || o.oid || ':' || o.xmin || ':' || n.xmin FROM refs r JOIN "
					+ f[1] + " o ON o.oid = r.refobjid JOIN pg_namespace n ON n.oid = o." + f[2]
					+ " WHERE r.refclassid = '" + f[1] + "'::regclass")
			.collect(Collectors.joining("\n"));
	}

	/**
	 * Returns the token query as a scalar subquery, with the schema and Ratchet's tables (a text
	 * array) as its parameters.
	 * @return the expression
	 */
	static String expression() {
		return "(" + TOKEN + ")";
	}

	/**
	 * Reads the token of the catalog as it stands.
	 * @param connection the connection
	 * @param schema the schema
	 * @param excludedTables Ratchet's tables
	 * @return the token
	 * @throws SQLException on a database error
	 */
	static String read(Connection connection, String schema, List<String> excludedTables) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(TOKEN)) {
			CatalogReader.bind(connection, statement, 1, schema, excludedTables);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

}
