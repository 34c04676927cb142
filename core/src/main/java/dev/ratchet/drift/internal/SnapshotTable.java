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

	private static final String INSERT = """
			INSERT INTO %TABLE% (objects)
			SELECT coalesce(jsonb_agg(jsonb_build_object('kind', k, 'name', n, 'parent', p, 'definition', d)), '[]')
			FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS o(k, n, p, d)""";

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
	 * Replaces the stored snapshot, creating the table if needed, in one transaction.
	 * @throws SQLException on a database error
	 */
	void write(Connection connection, SchemaSnapshot snapshot) throws SQLException {
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
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement();
				PreparedStatement insert = connection.prepareStatement(sql(INSERT))) {
			statement.execute(RatchetTable.SNAPSHOT.ddl(this.qualifiedName));
			statement.execute(sql("DELETE FROM %TABLE%"));
			insert.setArray(1, connection.createArrayOf("text", kinds.toArray()));
			insert.setArray(2, connection.createArrayOf("text", names.toArray()));
			insert.setArray(3, connection.createArrayOf("text", parents.toArray()));
			insert.setArray(4, connection.createArrayOf("text", definitions.toArray()));
			insert.executeUpdate();
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(true);
		}
	}

	private String sql(String template) {
		return template.replace("%TABLE%", this.qualifiedName);
	}

}
