package dev.ratchet.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ratchet.MigrationVersion;
import dev.ratchet.data.FailedItem;
import dev.ratchet.data.FailedItemsPage;

/**
 * The ledger of failed items beside the history, {@code <history>_data_failures}: one row per item
 * a batched data migration skipped, with its error, until a retry succeeds. Created on demand,
 * under the migration lock. All SQL the engine runs against it is here, with the qualified table
 * name substituted in one place.
 */
public final class FailedItemsTable {

	private static final String RECORD_FAILURE = """
			INSERT INTO %FAILURES% AS f (version, item_key, error) VALUES (?, ?, ?)
			ON CONFLICT (version, item_key)
			DO UPDATE SET error = excluded.error, attempts = f.attempts + 1, last_attempt_on = now()""";

	private static final String FAILED_KEYS = """
			SELECT item_key FROM %FAILURES% WHERE version = ? AND (? IS NULL OR item_key > ?)
			ORDER BY item_key LIMIT ?""";

	// starts_with needs no escaping of % and _ in what an operator types.
	private static final String MATCHING = "WHERE version = ? AND (?::text IS NULL OR starts_with(item_key, ?))";

	private static final String PAGE = """
			SELECT item_key, error, attempts, failed_on, last_attempt_on FROM %FAILURES%
			""" + MATCHING + " ORDER BY failed_on, item_key LIMIT ? OFFSET ?";

	private static final String COUNT = "SELECT count(*) FROM %FAILURES% " + MATCHING;

	private static final String DELETE_FAILURE = "DELETE FROM %FAILURES% WHERE version = ? AND item_key = ?";

	private static final String VERSIONS_WITH_FAILURES = "SELECT DISTINCT version FROM %FAILURES%";

	private final String qualifiedName;

	/**
	 * Names the table after the history table.
	 * @param history the history table
	 */
	public FailedItemsTable(HistoryTable history) {
		this.qualifiedName = RatchetTable.DATA_FAILURES.qualifiedName(history.getSchema(), history.getTable());
	}

	/**
	 * Returns the quoted, schema-qualified table name.
	 */
	public String getQualifiedName() {
		return this.qualifiedName;
	}

	private String sql(String template) {
		return template.replace("%FAILURES%", this.qualifiedName);
	}

	/**
	 * Creates the table unless it exists. Call it with auto-commit on, under the migration lock.
	 * @param connection the connection to use
	 * @throws SQLException on a database error
	 */
	public void create(Connection connection) throws SQLException {
		RatchetTable.DATA_FAILURES.create(connection, this.qualifiedName);
	}

	/**
	 * Records failed items in the ledger, or their new error and one more attempt if they are there already.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param errors error message by item key
	 * @throws SQLException on a database error
	 */
	public void recordFailures(Connection connection, MigrationVersion version, Map<String, String> errors)
			throws SQLException {
		if (errors.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(sql(RECORD_FAILURE))) {
			for (Map.Entry<String, String> error : errors.entrySet()) {
				statement.setString(1, version.toString());
				statement.setString(2, error.getKey());
				statement.setString(3, error.getValue());
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * Removes items from the ledger.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param keys the items' keys
	 * @throws SQLException on a database error
	 */
	public void deleteFailures(Connection connection, MigrationVersion version, List<String> keys) throws SQLException {
		if (keys.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(sql(DELETE_FAILURE))) {
			for (String key : keys) {
				statement.setString(1, version.toString());
				statement.setString(2, key);
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	/**
	 * Reads keys of failed items in key order, a page at a time.
	 * @param connection the connection to use
	 * @param version the migration's version
	 * @param after the last key of the previous page, or {@code null} for the first
	 * @param limit the page size
	 * @return the keys
	 * @throws SQLException on a database error
	 */
	public List<String> failedKeys(Connection connection, MigrationVersion version, String after, int limit)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql(FAILED_KEYS))) {
			statement.setString(1, version.toString());
			statement.setString(2, after);
			statement.setString(3, after);
			statement.setInt(4, limit);
			List<String> keys = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					keys.add(rs.getString("item_key"));
				}
			}
			return keys;
		}
	}

	/**
	 * Reads one page of the failed items of one migration whose key starts with a prefix, oldest
	 * failure first, and how many match. Returns an empty page when the tables do not exist yet.
	 * @param connection the connection to use, in auto-commit mode
	 * @param version the migration's version
	 * @param keyPrefix what the keys start with, or {@code null} for every item
	 * @param offset how many matching items to skip
	 * @param limit how many items at most
	 * @return the page
	 * @throws SQLException on a database error
	 */
	public FailedItemsPage page(Connection connection, MigrationVersion version, String keyPrefix, long offset,
			int limit) throws SQLException {
		try (PreparedStatement count = connection.prepareStatement(sql(COUNT));
				PreparedStatement page = connection.prepareStatement(sql(PAGE))) {
			match(count, version, keyPrefix);
			long total;
			try (ResultSet rs = count.executeQuery()) {
				rs.next();
				total = rs.getLong(1);
			}
			match(page, version, keyPrefix);
			page.setInt(4, limit);
			page.setLong(5, offset);
			return new FailedItemsPage(items(page, version), total);
		}
		catch (SQLException ex) {
			if (RatchetTable.UNDEFINED_TABLE.equals(ex.getSQLState()) && connection.getAutoCommit()) {
				return new FailedItemsPage(List.of(), 0);
			}
			throw ex;
		}
	}

	private static void match(PreparedStatement statement, MigrationVersion version, String keyPrefix)
			throws SQLException {
		statement.setString(1, version.toString());
		statement.setString(2, keyPrefix);
		statement.setString(3, keyPrefix);
	}

	private static List<FailedItem> items(PreparedStatement statement, MigrationVersion version) throws SQLException {
		List<FailedItem> items = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				items.add(new FailedItem(version, rs.getString("item_key"), rs.getString("error"),
						rs.getInt("attempts"), instant(rs.getTimestamp("failed_on")),
						instant(rs.getTimestamp("last_attempt_on"))));
			}
		}
		return items;
	}

	/**
	 * Returns the versions that have items in the ledger. Returns an empty list when the tables do
	 * not exist yet.
	 * @param connection the connection to use, in auto-commit mode
	 * @return the versions, in version order
	 * @throws SQLException on a database error
	 */
	public List<MigrationVersion> versionsWithFailures(Connection connection) throws SQLException {
		List<MigrationVersion> versions = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql(VERSIONS_WITH_FAILURES))) {
			while (rs.next()) {
				versions.add(MigrationVersion.parse(rs.getString("version")));
			}
		}
		catch (SQLException ex) {
			if (RatchetTable.UNDEFINED_TABLE.equals(ex.getSQLState()) && connection.getAutoCommit()) {
				return List.of();
			}
			throw ex;
		}
		versions.sort(null);
		return versions;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
