package dev.ratchet.boot.data;

import java.util.List;
import java.util.OptionalLong;

import dev.ratchet.MigrationContext;
import dev.ratchet.data.BatchedMigration;

/**
 * A {@link BatchedMigration} written with Spring's {@code JdbcClient} or {@code JdbcTemplate}: the
 * same contract, with a {@link JdbcMigrationContext} in each method. Declare it as a bean;
 * constructor injection of the application's own beans works, except beans that use the database
 * (those are created after migrations ran).
 *
 * <pre class="code">
 * &#64;Component
 * class BackfillVersions implements SpringBatchedMigration&lt;Long&gt; {
 *
 * 	public String version() { return "6.2"; }
 *
 * 	public String description() { return "create version 1 of every chatbot"; }
 *
 * 	public List&lt;Long&gt; nextBatch(JdbcMigrationContext context, String after, int limit) {
 * 		return context.jdbcClient().sql("SELECT id FROM chatbots WHERE id > :after ORDER BY id LIMIT :limit")
 * 			.param("after", (after != null) ? Long.parseLong(after) : 0).param("limit", limit)
 * 			.query(Long.class).list();
 * 	}
 *
 * 	public String keyOf(Long id) { return String.valueOf(id); }
 *
 * 	public void process(JdbcMigrationContext context, Long id) { … }
 *
 * }
 * </pre>
 * @param <T> the type of the items
 */
public interface SpringBatchedMigration<T> extends BatchedMigration<T> {

	/**
	 * Fetches the next batch; see {@link BatchedMigration#nextBatch(MigrationContext, String, int)}.
	 * @param context Spring JDBC access to the migration connection
	 * @param after the key of the last item of the last committed batch, or {@code null} for the first batch
	 * @param limit the batch size
	 * @return the items, in key order; an empty list ends the migration
	 * @throws Exception any failure; the migration then fails
	 */
	List<T> nextBatch(JdbcMigrationContext context, String after, int limit) throws Exception;

	/**
	 * Processes one item; see {@link BatchedMigration#process(MigrationContext, Object)}.
	 * @param context Spring JDBC access to the migration connection
	 * @param item the item
	 * @throws Exception a failure of this item
	 */
	default void process(JdbcMigrationContext context, T item) throws Exception {
		BatchedMigration.super.process(context.asMigrationContext(), item);
	}

	/**
	 * Processes a batch, by default item by item; see
	 * {@link BatchedMigration#processBatch(MigrationContext, List)}.
	 * @param context Spring JDBC access to the migration connection
	 * @param items the batch, in key order
	 * @throws Exception a failure of the batch
	 */
	default void processBatch(JdbcMigrationContext context, List<T> items) throws Exception {
		for (T item : items) {
			process(context, item);
		}
	}

	/**
	 * Fetches items by key, for {@code retry-failed}; see
	 * {@link BatchedMigration#find(MigrationContext, List)}.
	 * @param context Spring JDBC access to the migration connection
	 * @param keys keys of failed items
	 * @return the items that still exist
	 * @throws Exception any failure
	 */
	default List<T> find(JdbcMigrationContext context, List<String> keys) throws Exception {
		return BatchedMigration.super.find(context.asMigrationContext(), keys);
	}

	/**
	 * Counts the items; see {@link BatchedMigration#total(MigrationContext)}.
	 * @param context Spring JDBC access to the migration connection
	 * @return the count, or empty when unknown
	 * @throws Exception any failure
	 */
	default OptionalLong total(JdbcMigrationContext context) throws Exception {
		return OptionalLong.empty();
	}

	/**
	 * Checks the post-condition; see {@link BatchedMigration#verify(MigrationContext)}.
	 * @param context Spring JDBC access to the migration connection
	 * @throws Exception when the post-condition does not hold
	 */
	default void verify(JdbcMigrationContext context) throws Exception {
	}

	@Override
	default List<T> nextBatch(MigrationContext context, String after, int limit) throws Exception {
		return nextBatch(JdbcMigrationContext.of(context), after, limit);
	}

	@Override
	default void process(MigrationContext context, T item) throws Exception {
		process(JdbcMigrationContext.of(context), item);
	}

	@Override
	default void processBatch(MigrationContext context, List<T> items) throws Exception {
		processBatch(JdbcMigrationContext.of(context), items);
	}

	@Override
	default List<T> find(MigrationContext context, List<String> keys) throws Exception {
		return find(JdbcMigrationContext.of(context), keys);
	}

	@Override
	default OptionalLong total(MigrationContext context) throws Exception {
		return total(JdbcMigrationContext.of(context));
	}

	@Override
	default void verify(MigrationContext context) throws Exception {
		verify(JdbcMigrationContext.of(context));
	}

}
