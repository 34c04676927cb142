package dev.ratchet.boot.test;

import java.sql.SQLException;
import java.util.List;

import dev.ratchet.boot.data.JdbcMigrationContext;
import dev.ratchet.boot.data.SpringBatchedMigration;
import dev.ratchet.data.KeysetBatches;

/**
 * The batched migration the Boot tests write again and again: items are the ids of one table, paged
 * by {@link KeysetBatches}. A test adds its description, options and processing.
 */
public abstract class KeysetTestMigration implements SpringBatchedMigration<Long> {

	private final String version;

	private final KeysetBatches rows;

	/**
	 * Creates the migration.
	 * @param version its version, for example {@code 1.1}
	 * @param table the table whose ids are the items; its key column is {@code id}
	 */
	protected KeysetTestMigration(String version, String table) {
		this.version = version;
		this.rows = KeysetBatches.of(table);
	}

	@Override
	public String version() {
		return this.version;
	}

	@Override
	public List<Long> nextBatch(JdbcMigrationContext context, String after, int limit) throws SQLException {
		return this.rows.next(context.connection(), after, limit);
	}

	@Override
	public String keyOf(Long id) {
		return String.valueOf(id);
	}

	@Override
	public List<Long> find(JdbcMigrationContext context, List<String> keys) throws SQLException {
		return this.rows.find(context.connection(), keys);
	}

}
