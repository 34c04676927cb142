package dev.ratchet.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ratchet.RatchetException;

/**
 * Checks that an existing history table has the columns Ratchet reads and writes, with types it can
 * use, so a table altered by hand is reported as such instead of failing somewhere in a query.
 * Further columns are allowed.
 */
final class HistoryShape {

	private static final String COLUMNS = """
			SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
			WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped""";

	/**
	 * The column added after the first release: read whether or not it exists (the query reads it
	 * through {@code to_jsonb}), and added by {@link HistoryTable#upgrade} before anything writes it.
	 */
	static final String ADDED_LATER = "undo_checksum";

	private static final Map<String, String> EXPECTED = expected();

	private HistoryShape() {
	}

	private static Map<String, String> expected() {
		Map<String, String> columns = new LinkedHashMap<>();
		columns.put("installed_rank", "integer");
		columns.put("version", "text");
		columns.put("description", "text");
		columns.put("type", "text");
		columns.put("script", "text");
		columns.put("checksum", "text");
		columns.put("installed_by", "text");
		columns.put("installed_on", "timestamp with time zone");
		columns.put("execution_time", "integer");
		columns.put("success", "boolean");
		columns.put("failure", "text");
		columns.put(ADDED_LATER, "text");
		return columns;
	}

	/**
	 * Tells from the metadata of the history query (its columns in {@link #EXPECTED}'s order) whether
	 * the types are ones Ratchet can use, without asking the catalog. Only the JDBC type codes are
	 * read: the driver knows them for built-in types, while type names can cost it a catalog query.
	 * @param metadata the metadata of the rows read
	 * @return {@code true} if they are; {@code false} if {@link #verify} should look closer
	 * @throws SQLException on a database error
	 */
	static boolean matches(ResultSetMetaData metadata) throws SQLException {
		if (metadata.getColumnCount() != EXPECTED.size()) {
			return false;
		}
		int column = 1;
		for (String type : EXPECTED.values()) {
			int found = metadata.getColumnType(column++);
			boolean usable = switch (type) {
				case "text" -> found == Types.VARCHAR || found == Types.CHAR || found == Types.LONGVARCHAR;
				case "integer" -> found == Types.INTEGER || found == Types.BIGINT || found == Types.SMALLINT;
				// the query reads it as microseconds since the epoch (HistoryRows.SELECT)
				case "timestamp with time zone" -> found == Types.BIGINT;
				case "boolean" -> found == Types.BIT || found == Types.BOOLEAN;
				default -> false;
			};
			if (!usable) {
				return false;
			}
		}
		return true;
	}

	static void verify(Connection connection, HistoryTable table) throws SQLException {
		Map<String, String> actual = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
			statement.setString(1, table.getQualifiedName());
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					actual.put(rs.getString("name"), rs.getString("type"));
				}
			}
		}
		List<String> problems = new ArrayList<>();
		EXPECTED.forEach((column, type) -> {
			String found = actual.get(column);
			if (found == null && column.equals(ADDED_LATER)) {
				return;
			}
			if (found == null) {
				problems.add("column " + column + " is missing");
			}
			else if (!compatible(type, found)) {
				problems.add("column " + column + " has type " + found + " instead of " + type);
			}
		});
		if (!problems.isEmpty()) {
			throw new RatchetException("The history table " + table.getQualifiedName() + " is not as Ratchet created it: "
					+ String.join(", ", problems) + ". It was probably altered by hand. Restore the column"
					+ ((problems.size() > 1) ? "s" : "") + " (see the table Ratchet creates in an empty schema), or "
					+ "point ratchet.table at another table. Nothing was applied.");
		}
	}

	private static boolean compatible(String expected, String found) {
		return switch (expected) {
			case "text" -> found.equals("text") || found.startsWith("character");
			case "integer" -> found.equals("integer") || found.equals("bigint") || found.equals("smallint");
			case "timestamp with time zone" -> found.startsWith("timestamp");
			default -> found.equals(expected);
		};
	}

}
