package dev.ratchet.drift.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * A cheap fingerprint of the catalog as it stands, kept with the snapshot when the snapshot equals
 * the live schema, so that an unchanged schema is recognised without reading (and deparsing) its
 * objects. It hashes the identity and the creating transaction ({@code xmin}) of every catalog row
 * the drift check reads from, rather than their contents: PostgreSQL writes a new row version, with a
 * new {@code xmin}, for every change DDL makes, so any change the full check could report changes
 * the token, and a removed row is missed from it. Rows no DDL changed keep their {@code xmin}
 * (VACUUM, ANALYZE and freezing keep it). Names that a definition prints from other schemas (types,
 * functions, tables a foreign key or a view refers to) are covered by taking every user object of
 * the database, not only the schema's; so are the server version and the {@code search_path}, which
 * the printed definitions depend on. Ratchet's own tables, temporary objects and TOAST tables are
 * left out, and so are the other schemas Ratchet manages with the same tables (the tenant schemas,
 * the main schema beside them): each has its own snapshot and token, and without leaving them out
 * every tenant's token would read the catalog of every other tenant, a cost that grows with the
 * square of the tenants (the tenants' benchmark measured it). What it gives up: a definition in this
 * schema that prints the name of an object in another Ratchet-managed schema (a view on the main
 * schema's table, renamed there) is not told apart by the token until this schema's own catalog
 * changes. A change that the check does not report (a GRANT, a TRUNCATE, another schema's DDL) only
 * changes the token, which costs one full check, after which the token is stored again.
 * <p>
 * The token of a state is only stored with a snapshot read from that same state: it is read before
 * the objects are, and stored only if it is still the catalog's when the snapshot is written.
 */
final class CatalogToken {

	// Parameters: the schema, the names of Ratchet's tables (text[]).
	private static final String TOKEN = """
			WITH p AS (SELECT ?::text AS schema, ?::text[] AS tables),
			own AS (
			    SELECT c.oid FROM p, pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			    WHERE n.nspname = p.schema AND c.relname = ANY (p.tables)),
			ns AS (
			    SELECT n.oid, n.xmin FROM p, pg_namespace n
			    WHERE n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast%'
			      AND (n.nspname = p.schema
			           OR NOT EXISTS (SELECT 1 FROM pg_class h WHERE h.relnamespace = n.oid AND h.relname = ANY (p.tables)))),
			rels AS (
			    SELECT c.oid, c.xmin FROM pg_class c
			    WHERE c.oid >= 16384 AND c.relkind <> 't' AND c.relnamespace IN (SELECT oid FROM ns)
			      AND c.oid NOT IN (SELECT oid FROM own)
			      AND NOT EXISTS (SELECT 1 FROM pg_index x WHERE x.indexrelid = c.oid
			                      AND x.indrelid IN (SELECT oid FROM own))),
			rows (item) AS (
			    SELECT 'n' || oid || ':' || xmin FROM ns
			    UNION ALL SELECT 'c' || oid || ':' || xmin FROM rels
			    UNION ALL SELECT 'a' || a.attrelid || '.' || a.attnum || ':' || a.xmin
			        FROM pg_attribute a JOIN rels r ON r.oid = a.attrelid WHERE a.attnum > 0
			    UNION ALL SELECT 'd' || d.oid || ':' || d.xmin FROM pg_attrdef d JOIN rels r ON r.oid = d.adrelid
			    UNION ALL SELECT 'k' || k.oid || ':' || k.xmin FROM pg_constraint k
			        WHERE k.oid >= 16384 AND k.connamespace IN (SELECT oid FROM ns)
			          AND (k.conrelid = 0 OR k.conrelid IN (SELECT oid FROM rels))
			    UNION ALL SELECT 'i' || x.indexrelid || ':' || x.xmin FROM pg_index x JOIN rels r ON r.oid = x.indrelid
			    UNION ALL SELECT 'g' || t.oid || ':' || t.xmin FROM pg_trigger t JOIN rels r ON r.oid = t.tgrelid
			    UNION ALL SELECT 'w' || w.oid || ':' || w.xmin FROM pg_rewrite w JOIN rels r ON r.oid = w.ev_class
			    UNION ALL SELECT 's' || s.seqrelid || ':' || s.xmin || ':' || coalesce(d.refobjid || '.' || d.xmin, '')
			        FROM pg_sequence s JOIN rels r ON r.oid = s.seqrelid
			        LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
			                             AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
			    UNION ALL SELECT 'e' || d.classid || '.' || d.objid || '.' || d.refobjid || ':' || d.xmin
			        FROM pg_depend d WHERE d.deptype = 'e'
			    UNION ALL SELECT 'x' || oid || ':' || xmin FROM pg_extension
			    UNION ALL SELECT 'p' || oid || ':' || xmin FROM pg_proc
			        WHERE oid >= 16384 AND pronamespace IN (SELECT oid FROM ns)
			    UNION ALL SELECT 'y' || t.oid || ':' || t.xmin FROM pg_type t
			        WHERE t.oid >= 16384 AND t.typnamespace IN (SELECT oid FROM ns) AND t.typrelid = 0
			          AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.oid = t.typelem AND e.typrelid <> 0)
			    UNION ALL SELECT 'o' || oid || ':' || xmin FROM pg_operator WHERE oid >= 16384
			    UNION ALL SELECT 'l' || oid || ':' || xmin FROM pg_collation WHERE oid >= 16384
			    UNION ALL SELECT 'q' || oid || ':' || xmin FROM pg_opclass WHERE oid >= 16384)
			SELECT count(*) || '/' || coalesce(sum(hashtextextended(item, 0)), 0) || '/'
			       || current_setting('server_version_num') || '/' || md5(current_setting('search_path'))
			FROM rows""";

	private CatalogToken() {
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
