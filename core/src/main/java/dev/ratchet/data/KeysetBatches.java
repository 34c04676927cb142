package dev.ratchet.data;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keyset paging over a table keyed by a {@code bigint} id, for the {@link BatchedMigration} whose
 * items are ids: {@code nextBatch} returns {@link #next}, {@code keyOf} returns
 * {@code String.valueOf(id)}, {@code find} returns {@link #find}.
 * <pre>
 * private static final KeysetBatches CHATBOTS = KeysetBatches.of("chatbots").where("creator_id IS NULL");
 *
 * public List&lt;Long&gt; nextBatch(MigrationContext context, String after, int limit) throws SQLException {
 *     return CHATBOTS.next(context.connection(), after, limit);
 * }
 * </pre>
 * The table, the id column and the condition are SQL written by the migration's author, never user
 * input: they are put into the query as they are.
 */
public final class KeysetBatches {

	private final String table;

	private final String idColumn;

	private final String condition;

	private KeysetBatches(String table, String idColumn, String condition) {
		this.table = table;
		this.idColumn = idColumn;
		this.condition = condition;
	}

	/**
	 * Pages over a table by its {@code id} column.
	 * @param table the table, qualified and quoted as it must appear in SQL, for example {@code chatbots}
	 * @return the paging
	 */
	public static KeysetBatches of(String table) {
		return new KeysetBatches(table, "id", null);
	}

	/**
	 * Returns a copy paging by another id column (a {@code bigint}, or a type that widens to it).
	 * @param idColumn the column, as it must appear in SQL
	 * @return the copy
	 */
	public KeysetBatches idColumn(String idColumn) {
		return new KeysetBatches(this.table, idColumn, this.condition);
	}

	/**
	 * Returns a copy that pages over the rows matching a condition only, for example
	 * {@code creator_id IS NULL}.
	 * @param condition an SQL boolean expression over the table's columns
	 * @return the copy
	 */
	public KeysetBatches where(String condition) {
		return new KeysetBatches(this.table, this.idColumn, condition);
	}

	/**
	 * Returns the next batch: at most {@code limit} ids after the cursor, in id order (never {@code OFFSET}).
	 * @param connection the migration's connection
	 * @param after the cursor Ratchet passes to {@link BatchedMigration#nextBatch}, or {@code null} to
	 * start from the lowest id
	 * @param limit the batch size
	 * @return the ids
	 * @throws SQLException on a database failure
	 */
	public List<Long> next(Connection connection, String after, int limit) throws SQLException {
		String filter = (this.condition != null) ? " AND (" + this.condition + ")" : "";
		String sql = "SELECT " + this.idColumn + " FROM " + this.table + " WHERE " + this.idColumn + " > ?" + filter
				+ " ORDER BY " + this.idColumn + " LIMIT ?";
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, (after != null) ? Long.parseLong(after) : Long.MIN_VALUE);
			statement.setInt(2, limit);
			return ids(statement);
		}
	}

	/**
	 * Returns those of the ids still in the table (the condition does not apply), for
	 * {@link BatchedMigration#find}.
	 * @param connection the migration's connection
	 * @param keys keys of failed items, as {@code keyOf} made them
	 * @return the ids found, in id order
	 * @throws SQLException on a database failure
	 */
	public List<Long> find(Connection connection, List<String> keys) throws SQLException {
		Array array = connection.createArrayOf("bigint", keys.stream().map(Long::valueOf).toArray());
		String sql = "SELECT " + this.idColumn + " FROM " + this.table + " WHERE " + this.idColumn + " = ANY (?) ORDER BY "
				+ this.idColumn;
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setArray(1, array);
			return ids(statement);
		}
	}

	private static List<Long> ids(PreparedStatement statement) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
		}
		return ids;
	}

}
