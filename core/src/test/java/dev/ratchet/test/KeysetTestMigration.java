package dev.ratchet.test;

import java.sql.SQLException;
import java.util.List;

import dev.ratchet.MigrationContext;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.KeysetBatches;

/**
 * The batched migration tests write again and again: items are the ids of one table, paged by
 * {@link KeysetBatches}. A test adds the processing ({@code process} or {@code processBatch}).
 */
public abstract class KeysetTestMigration implements BatchedMigration<Long> {

	private final String version;

	private final String description;

	private final String table;

	private final KeysetBatches rows;

	private final BatchOptions options;

	/**
	 * Creates the migration.
	 * @param version its version, for example {@code 1.1}
	 * @param description its description
	 * @param table the table whose ids are the items; its key column is {@code id}
	 * @param options how to run it
	 */
	protected KeysetTestMigration(String version, String description, String table, BatchOptions options) {
		this.version = version;
		this.description = description;
		this.table = table;
		this.rows = KeysetBatches.of(table);
		this.options = options;
	}

	@Override
	public String version() {
		return this.version;
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public BatchOptions options() {
		return this.options;
	}

	/**
	 * Returns the paging over the migration's table.
	 */
	protected KeysetBatches rows() {
		return this.rows;
	}

	/**
	 * Adds one to the {@code touched} column of the given rows, the processing most tests need: each
	 * row's count then shows how often it was processed.
	 * @param context the migration's context
	 * @param ids the rows
	 * @throws SQLException on a database error
	 */
	protected void touch(MigrationContext context, List<Long> ids) throws SQLException {
		try (var statement = context.connection()
			.prepareStatement("UPDATE " + this.table + " SET touched = touched + 1 WHERE id = ANY (?)")) {
			statement.setArray(1, context.connection().createArrayOf("bigint", ids.toArray()));
			statement.executeUpdate();
		}
	}

	@Override
	public List<Long> nextBatch(MigrationContext context, String after, int limit) throws SQLException {
		return this.rows.next(context.connection(), after, limit);
	}

	@Override
	public String keyOf(Long id) {
		return String.valueOf(id);
	}

	@Override
	public List<Long> find(MigrationContext context, List<String> keys) throws SQLException {
		return this.rows.find(context.connection(), keys);
	}

}
