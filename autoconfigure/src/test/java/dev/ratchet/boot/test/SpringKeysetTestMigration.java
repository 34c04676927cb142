package dev.ratchet.boot.test;

import java.sql.SQLException;
import java.util.List;

import dev.ratchet.boot.data.JdbcMigrationContext;
import dev.ratchet.boot.data.SpringBatchedMigration;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.test.KeysetTestMigration;

/**
 * The core's {@link KeysetTestMigration} as a {@link SpringBatchedMigration}: a test adds the
 * processing with Spring JDBC ({@code process(JdbcMigrationContext, Long)} or {@code processBatch}).
 * Ratchet pages through the core's {@code nextBatch(MigrationContext, …)}, which the class provides.
 */
public abstract class SpringKeysetTestMigration extends KeysetTestMigration implements SpringBatchedMigration<Long> {

	/**
	 * Creates the migration.
	 * @param version its version, for example {@code 1.1}
	 * @param description its description
	 * @param table the table whose ids are the items; its key column is {@code id}
	 * @param options how to run it
	 */
	protected SpringKeysetTestMigration(String version, String description, String table, BatchOptions options) {
		super(version, description, table, options);
	}

	@Override
	public List<Long> nextBatch(JdbcMigrationContext context, String after, int limit) throws SQLException {
		return rows().next(context.connection(), after, limit);
	}

}
