package dev.ratchet.drift.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.drift.SchemaObjectKind;
import dev.ratchet.history.RatchetTable;

/**
 * The table beside the history that keeps the schema snapshot of the last run: one row, the
 * objects as a {@code jsonb} array, readable with plain SQL. Created on first write, under the
 * migration lock.
 */
final class SnapshotTable {

	private static final String SELECT = """
			SELECT s.taken_on, o->>'kind' AS kind, o->>'name' AS name, o->>'parent' AS parent,
			       o->>'definition' AS definition
			FROM %TABLE% s LEFT JOIN LATERAL jsonb_array_elements(s.objects) o ON true""";

	// The token read before the objects, stored with them (see CatalogToken).
	private static final String INSERT = """
			INSERT INTO %TABLE% (objects, catalog_token)
			SELECT coalesce(jsonb_agg(jsonb_build_object('kind', k, 'name', n, 'parent', p, 'definition', d)), '[]'), ?::text
			FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS o(k, n, p, d)""";

	// The live schema as the snapshot, with the catalog's token, read and written by the server in one
	// statement: nothing goes over the wire, and the token and the objects come from the same catalog
	// state. The token's two parameters come first, then the objects'.
	private static final String INSERT_LIVE = """
			INSERT INTO %TABLE% (objects, catalog_token)
			SELECT coalesce(jsonb_agg(jsonb_build_object('kind', l.kind, 'name', l.name, 'parent', l.parent,
			                                             'definition', l.definition)), '[]'), %LIVE_TOKEN%
			FROM (%OBJECTS%) l (kind, name, parent, definition)""";

	private static final String PROBE = "SELECT s.taken_on, s.catalog_token, %LIVE_TOKEN% AS live FROM %TABLE% s";

	private static final String SHAPE = """
			SELECT to_regclass(?) IS NOT NULL,
			       EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(?)
			               AND attname = 'catalog_token' AND NOT attisdropped)""";

	private static final String KEEP_TOKEN = """
			UPDATE %TABLE% SET catalog_token = ? WHERE taken_on = ? AND ?::text = %LIVE_TOKEN%""";

	private static final Logger logger = LoggerFactory.getLogger(SnapshotTable.class);

	private final String qualifiedName;

	/**
	 * Creates the table's handle.
	 * @param qualifiedName the quoted, schema-qualified name
	 */
	SnapshotTable(String qualifiedName) {
		this.qualifiedName = qualifiedName;
	}

	/**
	 * A snapshot as stored.
	 * @param takenOn when it was taken
	 * @param snapshot the objects
	 */
	record Stored(Instant takenOn, SchemaSnapshot snapshot) {
	}

	/**
	 * What the table is like.
	 * @param exists whether the table exists
	 * @param keepsToken whether it has the catalog token's column (tables made by older versions do not)
	 */
	record Shape(boolean exists, boolean keepsToken) {
	}

	/**
	 * The stored snapshot's time and token with the live catalog's token.
	 * @param takenOn when the snapshot was taken
	 * @param stored the token stored with it, or {@code null}
	 * @param live the live catalog's token
	 */
	record Probe(Instant takenOn, String stored, String live) {

		/**
		 * Returns whether the catalog is in the state the snapshot was read from, so that the snapshot
		 * equals the live schema.
		 * @return whether it is
		 */
		boolean unchanged() {
			return this.stored != null && this.stored.equals(this.live);
		}

	}

	/**
	 * Reads the stored snapshot.
	 * @return the snapshot, or {@code null} when none was stored yet
	 * @throws SQLException on a database error
	 */
	Stored read(Connection connection) throws SQLException {
		return exists(connection) ? readExisting(connection) : null;
	}

	/**
	 * Reads the stored snapshot from a table known to exist ({@link #exists}).
	 * @return the snapshot, or {@code null} when none was stored yet
	 * @throws SQLException on a database error
	 */
	Stored readExisting(Connection connection) throws SQLException {
		Timestamp takenOn = null;
		List<SchemaObject> objects = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql(SELECT))) {
			while (rs.next()) {
				takenOn = rs.getTimestamp("taken_on");
				String kind = rs.getString("kind");
				if (kind != null) {
					objects.add(new SchemaObject(SchemaObjectKind.valueOf(kind), rs.getString("name"),
							rs.getString("parent"), rs.getString("definition")));
				}
			}
		}
		return (takenOn != null) ? new Stored(takenOn.toInstant(), new SchemaSnapshot(objects)) : null;
	}

	/**
	 * Compares the stored snapshot with the live schema on the server, by fingerprint, in one round
	 * trip and without sending any object over: the common case, a schema that did not change, costs
	 * no more than PostgreSQL's own reading of its catalog.
	 * @param connection the connection
	 * @param schema the schema
	 * @param excludedTables the tables the snapshot leaves out
	 * @return when the stored snapshot was taken if it matches the live schema exactly; {@code null}
	 * when it differs, or there is none (the caller then compares object by object)
	 * @throws SQLException on a database error
	 */
	Instant matchingLive(Connection connection, String schema, List<String> excludedTables) throws SQLException {
		String sql = sql("SELECT s.taken_on, (SELECT "
				+ CatalogReader.fingerprint("o->>'kind'", "o->>'name'", "o->>'parent'", "o->>'definition'")
				+ " FROM jsonb_array_elements(s.objects) o) = (" + CatalogReader.fingerprintQuery()
				+ ") AS matches FROM %TABLE% s");
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			CatalogReader.bind(connection, statement, 1, schema, excludedTables);
			try (ResultSet rs = statement.executeQuery()) {
				if (rs.next() && rs.getBoolean("matches") && rs.getTimestamp("taken_on") != null) {
					return rs.getTimestamp("taken_on").toInstant();
				}
				return null;
			}
		}
	}

	/**
	 * Returns whether the table exists and whether it keeps the catalog token, in one round trip.
	 * @param connection the connection
	 * @return the shape
	 * @throws SQLException on a database error
	 */
	Shape shape(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SHAPE)) {
			statement.setString(1, this.qualifiedName);
			statement.setString(2, this.qualifiedName);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return new Shape(rs.getBoolean(1), rs.getBoolean(2));
			}
		}
	}

	/**
	 * Reads the stored snapshot's time and catalog token with the live catalog's token, in one round
	 * trip, from a table that keeps the token ({@link #shape}).
	 * @return the probe, or {@code null} when no snapshot is stored
	 * @throws SQLException on a database error
	 */
	Probe probe(Connection connection, String schema, List<String> excludedTables) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(PROBE))) {
			CatalogReader.bind(connection, statement, 1, schema, excludedTables);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next() || rs.getTimestamp("taken_on") == null) {
					return null;
				}
				return new Probe(rs.getTimestamp("taken_on").toInstant(), rs.getString("catalog_token"),
						rs.getString("live"));
			}
		}
	}

	/**
	 * Stores the catalog token with a snapshot found equal to the live schema, if the catalog is still
	 * in the state the token was read from (before the comparison) and the snapshot is still the one
	 * compared; adds the token's column to a table made by an older version first. Needs no migration
	 * lock: it changes nothing else, and when it cannot (a read-only database, a lock not granted in
	 * time) the next check compares in full again.
	 * @param connection the connection, in auto-commit mode (else nothing is stored)
	 * @param takenOn when the compared snapshot was taken
	 * @param token the token read before the comparison
	 * @param addColumn whether the table lacks the token's column
	 */
	void keepToken(Connection connection, Instant takenOn, String token, String schema, List<String> excludedTables,
			boolean addColumn) throws SQLException {
		if (token == null || !connection.getAutoCommit()) {
			return;
		}
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement();
				PreparedStatement update = connection.prepareStatement(sql(KEEP_TOKEN))) {
			statement.execute("SET LOCAL lock_timeout = '2s'");
			if (addColumn) {
				statement.execute(sql("ALTER TABLE %TABLE% ADD COLUMN IF NOT EXISTS catalog_token text"));
			}
			update.setString(1, token);
			update.setTimestamp(2, Timestamp.from(takenOn));
			update.setString(3, token);
			CatalogReader.bind(connection, update, 4, schema, excludedTables);
			update.executeUpdate();
			connection.commit();
		}
		catch (SQLException ex) {
			rollback(connection, ex);
			logger.debug("Could not keep the catalog token with the schema snapshot", ex);
		}
		catch (RuntimeException | Error ex) {
			rollback(connection, ex);
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	/**
	 * Returns whether the snapshot table exists.
	 * @param connection the connection
	 * @return whether it does
	 * @throws SQLException on a database error
	 */
	boolean exists(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			statement.setString(1, this.qualifiedName);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	/**
	 * Returns whether a snapshot is stored, without reading it or the catalog.
	 * @param connection the connection
	 * @return whether the table exists and holds a snapshot
	 * @throws SQLException on a database error
	 */
	boolean holdsSnapshot(Connection connection) throws SQLException {
		if (!exists(connection)) {
			return false;
		}
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql("SELECT EXISTS (SELECT 1 FROM %TABLE% WHERE taken_on IS NOT NULL)"))) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	/**
	 * Replaces the stored snapshot, creating (or upgrading) the table if needed, in one transaction and
	 * two round trips (the statements, the commit).
	 * @param token the catalog token read before the snapshot's objects, when the snapshot is the
	 * live schema; {@code null} when it is not (it keeps differences made by hand). It is stored as
	 * it is: DDL committed after it was read changes the live token, so the next check compares in
	 * full and finds what changed (see {@link CatalogToken})
	 * @throws SQLException on a database error
	 */
	void write(Connection connection, SchemaSnapshot snapshot, String token) throws SQLException {
		List<String> kinds = new ArrayList<>();
		List<String> names = new ArrayList<>();
		List<String> parents = new ArrayList<>();
		List<String> definitions = new ArrayList<>();
		for (SchemaObject object : snapshot.objects()) {
			kinds.add(object.kind().name());
			names.add(object.name());
			parents.add(object.parent());
			definitions.add(object.definition());
		}
		replace(connection, sql(INSERT), (insert) -> {
			insert.setString(1, token);
			insert.setArray(2, connection.createArrayOf("text", kinds.toArray()));
			insert.setArray(3, connection.createArrayOf("text", names.toArray()));
			insert.setArray(4, connection.createArrayOf("text", parents.toArray()));
			insert.setArray(5, connection.createArrayOf("text", definitions.toArray()));
		});
	}

	/**
	 * Replaces the stored snapshot with the live schema and its catalog token, creating (or
	 * upgrading) the table if needed, in one transaction and two round trips (the statements, the
	 * commit), without reading the schema into memory: what {@link #write} stores for a snapshot read
	 * with {@link CatalogReader#read} after {@link CatalogToken#read}, read on the server instead.
	 * @param connection the connection
	 * @param schema the schema
	 * @param excludedTables the tables the snapshot leaves out
	 * @throws SQLException on a database error
	 */
	void writeLive(Connection connection, String schema, List<String> excludedTables) throws SQLException {
		replace(connection, sql(INSERT_LIVE).replace("%OBJECTS%", CatalogReader.objectsQuery()), (insert) -> {
			CatalogReader.bind(connection, insert, 1, schema, excludedTables);
			CatalogReader.bind(connection, insert, 3, schema, excludedTables);
		});
	}

	/**
	 * Runs the table's DDL, the old row's deletion and an insert in one transaction and one round trip,
	 * then commits. Whatever is thrown, by the driver or the JVM, rolls it back before auto-commit is
	 * set again, which would otherwise commit it.
	 */
	private void replace(Connection connection, String insert, Binding binding) throws SQLException {
		connection.setAutoCommit(false);
		try (PreparedStatement statement = connection.prepareStatement(RatchetTable.SNAPSHOT.ddl(this.qualifiedName)
				+ ";\n" + sql("DELETE FROM %TABLE%") + ";\n" + insert)) {
			binding.bind(statement);
			statement.execute();
			connection.commit();
		}
		catch (Throwable ex) {
			rollback(connection, ex);
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	private static void rollback(Connection connection, Throwable failure) {
		try {
			connection.rollback();
		}
		catch (SQLException | RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	@FunctionalInterface
	private interface Binding {

		void bind(PreparedStatement statement) throws SQLException;

	}

	private String sql(String template) {
		return template.replace("%TABLE%", this.qualifiedName).replace("%LIVE_TOKEN%", CatalogToken.expression());
	}

}
