package dev.ratchet.data;

import java.util.List;
import java.util.OptionalLong;

import dev.ratchet.JavaMigration;
import dev.ratchet.MigrationContext;

/**
 * A Java data migration for tables too big for one transaction. Ratchet fetches the items batch by
 * batch after a cursor (keyset pagination: {@code WHERE id > :after ORDER BY id LIMIT :limit}, never
 * {@code OFFSET}), processes each batch in a transaction of its own, and stores the cursor and the
 * counters in that same transaction. A run that stops (a crash, a kill, a shutdown) therefore
 * continues after the last committed batch: no batch is processed twice, none is skipped.
 * <p>
 * A run calls {@link #total} once, when the migration first starts, then {@link #nextBatch} and
 * {@link #processBatch} until {@code nextBatch} returns no item, then {@link #verify}. The history
 * row (type {@code JAVA}) is written in the same transaction as a successful {@code verify}; until
 * then the migration is pending, and the versions after it wait. If a batch fails, Ratchet
 * processes its items one by one (each behind a savepoint) to find the failing ones, and applies
 * the {@link FailurePolicy} of the {@link #options() options}: fail the migration, or record the
 * failing items in the ledger of failed items and go on.
 * <p>
 * Every method must work through the context's connection, and must neither commit nor roll it
 * back: Ratchet owns the transaction. A migration is found like any {@link JavaMigration}: as a
 * Spring bean, or through {@code RatchetConfiguration.Builder.javaMigrations}.
 * @param <T> the type of the items, for example a row's id or a record holding the row
 */
public interface BatchedMigration<T> extends JavaMigration {

	/**
	 * Fetches the next batch: at most {@code limit} items whose key comes after {@code after}, in
	 * key order. Called inside the batch's transaction.
	 * @param context access to the database
	 * @param after the key ({@link #keyOf}) of the last item of the last committed batch, or
	 * {@code null} for the first batch
	 * @param limit the batch size
	 * @return the items, in key order; an empty list ends the migration
	 * @throws Exception any failure; the migration then fails
	 */
	List<T> nextBatch(MigrationContext context, String after, int limit) throws Exception;

	/**
	 * Returns an item's key: unique, and increasing in the order {@link #nextBatch} returns items.
	 * Ratchet stores the last key of each committed batch as the cursor, and the keys of failed items
	 * in the ledger.
	 * @param item the item
	 * @return its key, for example {@code String.valueOf(id)}
	 */
	String keyOf(T item);

	/**
	 * Processes one item. Implement this, or {@link #processBatch} for set-based processing.
	 * @param context access to the database
	 * @param item the item
	 * @throws Exception a failure of this item
	 */
	default void process(MigrationContext context, T item) throws Exception {
		throw new UnsupportedOperationException(getClass().getName() + " implements neither process(context, item) "
				+ "nor processBatch(context, items): implement one of them");
	}

	/**
	 * Processes a batch; by default, item by item with {@link #process}. When it throws, Ratchet
	 * rolls the batch back and calls this method again with one item at a time, to find the
	 * failing items.
	 * @param context access to the database
	 * @param items the batch, in key order
	 * @throws Exception a failure of the batch
	 */
	default void processBatch(MigrationContext context, List<T> items) throws Exception {
		for (T item : items) {
			process(context, item);
		}
	}

	/**
	 * Fetches items by key, so that {@code retry-failed} can process the ledger's items again. Needed
	 * only with a skipping {@link FailurePolicy}.
	 * @param context access to the database
	 * @param keys keys of failed items
	 * @return the items that still exist, in any order
	 * @throws Exception any failure
	 */
	default List<T> find(MigrationContext context, List<String> keys) throws Exception {
		throw new UnsupportedOperationException(getClass().getName() + " does not implement find(context, keys), "
				+ "which retry-failed needs to fetch the ledger's items again: implement it");
	}

	/**
	 * Counts the items the migration will process, so that progress shows a total and an ETA.
	 * Called once, when the migration first starts.
	 * @param context access to the database
	 * @return the count, or empty (the default) when unknown
	 * @throws Exception any failure; the migration then fails
	 */
	default OptionalLong total(MigrationContext context) throws Exception {
		return OptionalLong.empty();
	}

	/**
	 * Checks the migration's post-condition once every batch is processed, for example "every
	 * chatbot has a current version". Throw to fail the migration: its message becomes the failure,
	 * and the versions after this one wait. The next run checks again.
	 * @param context access to the database, in the transaction that records the migration
	 * @throws Exception when the post-condition does not hold
	 */
	default void verify(MigrationContext context) throws Exception {
	}

	/**
	 * Returns how to run: batch size, failure policy, throttle, background.
	 * @return the options; {@link BatchOptions#defaults()} by default
	 */
	default BatchOptions options() {
		return BatchOptions.defaults();
	}

	/**
	 * Not used: Ratchet runs a batched migration batch by batch, never in one call.
	 * @param context not used
	 * @throws UnsupportedOperationException always
	 */
	@Override
	default void migrate(MigrationContext context) {
		throw new UnsupportedOperationException(getClass().getName()
				+ " is a BatchedMigration: Ratchet runs it batch by batch, in transactions of its own; it cannot run "
				+ "inside a single transaction");
	}

}
