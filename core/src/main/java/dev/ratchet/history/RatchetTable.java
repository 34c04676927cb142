package dev.ratchet.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The tables Ratchet keeps in the managed schema, all named after the history table
 * ({@code ratchet.table}): their names, their quoting and their DDL, in one place. The DDL ships
 * as a {@code .sql} resource beside this class, with {@value #PLACEHOLDER} standing for the quoted,
 * schema-qualified name.
 */
public enum RatchetTable {

	/** The history: one row per applied migration. */
	HISTORY(""),

	/** The progress of batched data migrations. */
	DATA("_data"),

	/** The ledger of items batched data migrations skipped. */
	DATA_FAILURES("_data_failures"),

	/** The key ranges workers claimed of batched data migrations running in parallel. */
	DATA_CLAIMS("_data_claims"),

	/** The schema snapshot of the last run, for drift detection. */
	SNAPSHOT("_snapshot");

	/** The SQLSTATE of a statement on one of these tables before it exists. */
	public static final String UNDEFINED_TABLE = "42P01";

	/**
	 * Sent in a transaction that writes one of these tables, before its {@code COMMIT}: the commit
	 * returns without waiting for the WAL flush. A later commit that does wait makes it durable too,
	 * as PostgreSQL writes its WAL in order.
	 */
	static final String NO_FLUSH_AT_COMMIT = "SET LOCAL synchronous_commit = off";

	/** What the DDL resources write for the quoted, schema-qualified table name. */
	public static final String PLACEHOLDER = "%TABLE_NAME%";

	/** The longest identifier PostgreSQL keeps whole, in bytes; it truncates longer ones. */
	public static final int MAX_IDENTIFIER_BYTES = 63;

	private final String suffix;

	private volatile String ddl;

	RatchetTable(String suffix) {
		this.suffix = suffix;
	}

	/**
	 * Returns this table's name.
	 * @param historyTable the history table's name ({@code ratchet.table})
	 * @return for example {@code ratchet_history_data}
	 */
	public String tableName(String historyTable) {
		return historyTable + this.suffix;
	}

	/**
	 * Returns this table's quoted, schema-qualified name.
	 * @param schema the schema
	 * @param historyTable the history table's name
	 * @return for example {@code "public"."ratchet_history_data"}
	 */
	public String qualifiedName(String schema, String historyTable) {
		return quote(schema) + "." + quote(tableName(historyTable));
	}

	/**
	 * Returns the names of every table, for a history table name.
	 * @param historyTable the history table's name
	 * @return the names, in declaration order
	 */
	public static List<String> tableNames(String historyTable) {
		return Arrays.stream(values()).map((table) -> table.tableName(historyTable)).toList();
	}

	/**
	 * Returns the name of the resource holding this table's DDL, relative to this class.
	 * @return for example {@code ratchet_history_data.sql}
	 */
	public String resourceName() {
		return tableName("ratchet_history") + ".sql";
	}

	/**
	 * Returns the DDL that creates this table unless it exists.
	 * @param qualifiedName the quoted, schema-qualified name
	 * @return the statement
	 */
	public String ddl(String qualifiedName) {
		return template().replace(PLACEHOLDER, qualifiedName);
	}

	/**
	 * Creates this table unless it exists.
	 * @param connection the connection to use, with auto-commit on, under the migration lock
	 * @param qualifiedName the quoted, schema-qualified name
	 * @throws SQLException on a database error
	 */
	public void create(Connection connection, String qualifiedName) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(ddl(qualifiedName));
		}
	}

	private String template() {
		String template = this.ddl;
		if (template == null) {
			try (InputStream in = RatchetTable.class.getResourceAsStream(resourceName())) {
				if (in == null) {
					throw new IllegalStateException("Resource " + resourceName() + " is missing beside "
							+ RatchetTable.class.getName());
				}
				template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.ddl = template;
		}
		return template;
	}

	/**
	 * Quotes an identifier for PostgreSQL.
	 * @param identifier the identifier
	 * @return the identifier in double quotes, inner quotes doubled
	 */
	public static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	/**
	 * Checks that PostgreSQL keeps the names of the schema and of every table whole, so that no two
	 * of them truncate to the same identifier and no query names a table PostgreSQL does not know by
	 * that name.
	 * @param schema the schema, or {@code null} for the connection's current one
	 * @param historyTable the history table's name
	 * @throws IllegalArgumentException naming the property and the limit if a name is too long
	 */
	public static void checkNames(String schema, String historyTable) {
		if (schema != null && bytes(schema) > MAX_IDENTIFIER_BYTES) {
			throw new IllegalArgumentException("The schema name '" + schema + "' (ratchet.schema) is " + bytes(schema)
					+ " bytes long; PostgreSQL cuts identifiers to " + MAX_IDENTIFIER_BYTES
					+ " bytes. Use a shorter schema name.");
		}
		String longest = DATA_FAILURES.tableName(historyTable);
		if (bytes(longest) > MAX_IDENTIFIER_BYTES) {
			int allowed = MAX_IDENTIFIER_BYTES - DATA_FAILURES.suffix.length();
			throw new IllegalArgumentException("The history table name '" + historyTable + "' (ratchet.table) is "
					+ bytes(historyTable) + " bytes long; Ratchet names its tables after it (up to '" + longest
					+ "') and PostgreSQL cuts identifiers to " + MAX_IDENTIFIER_BYTES + " bytes. Use a name of at most "
					+ allowed + " bytes.");
		}
	}

	private static int bytes(String identifier) {
		return identifier.getBytes(StandardCharsets.UTF_8).length;
	}

}
