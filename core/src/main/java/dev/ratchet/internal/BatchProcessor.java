package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ratchet.MigrationContext;
import dev.ratchet.data.BatchedMigration;

/**
 * Processes one batch inside the caller's transaction. The whole batch goes first, behind a
 * savepoint; if it fails, the savepoint is rolled back and the items go one at a time, each behind
 * a savepoint of its own, so that the failing items are found and nothing of them remains.
 * PostgreSQL aborts a transaction on any error, so savepoints are what let the batch go on.
 */
final class BatchProcessor {

	private final Connection connection;

	private final MigrationContext context;

	BatchProcessor(Connection connection, MigrationContext context) {
		this.connection = connection;
		this.context = context;
	}

	/**
	 * What became of a batch.
	 * @param processed items processed successfully
	 * @param failures error message by key, for the items that failed (empty unless skipping)
	 */
	record Outcome(int processed, Map<String, String> failures) {
	}

	/**
	 * An item failed and failures are not skipped.
	 */
	static final class ItemFailedException extends Exception {

		private static final long serialVersionUID = 1L;

		private final String key;

		ItemFailedException(String key, Exception cause) {
			super(cause);
			this.key = key;
		}

		String key() {
			return this.key;
		}

	}

	/**
	 * Processes the items.
	 * @param migration the migration
	 * @param items the batch
	 * @param skipFailures whether failing items are collected rather than thrown
	 * @return the outcome
	 * @throws ItemFailedException when an item fails and {@code skipFailures} is false
	 * @throws SQLException when the connection cannot set or roll back a savepoint
	 * @throws InterruptedException when the thread was interrupted; the batch is rolled back
	 */
	<T> Outcome process(BatchedMigration<T> migration, List<T> items, boolean skipFailures)
			throws ItemFailedException, SQLException, InterruptedException {
		Savepoint whole = this.connection.setSavepoint();
		Exception batchFailure;
		try {
			migration.processBatch(this.context, items);
			this.connection.releaseSavepoint(whole);
			return new Outcome(items.size(), Map.of());
		}
		catch (Exception ex) {
			this.connection.rollback(whole);
			interruptedBy(ex);
			batchFailure = ex;
		}
		if (items.size() == 1) {
			return failed(migration.keyOf(items.get(0)), batchFailure, 0, new LinkedHashMap<>(), skipFailures);
		}
		int processed = 0;
		Map<String, String> failures = new LinkedHashMap<>();
		for (T item : items) {
			Savepoint single = this.connection.setSavepoint();
			try {
				migration.processBatch(this.context, List.of(item));
				this.connection.releaseSavepoint(single);
				processed++;
			}
			catch (Exception ex) {
				this.connection.rollback(single);
				interruptedBy(ex);
				failed(migration.keyOf(item), ex, processed, failures, skipFailures);
			}
		}
		return new Outcome(processed, failures);
	}

	private static void interruptedBy(Exception ex) throws InterruptedException {
		if (DataErrors.isInterruption(ex)) {
			InterruptedException interrupted = new InterruptedException("interrupted while processing a batch");
			interrupted.initCause(ex);
			throw interrupted;
		}
	}

	private static Outcome failed(String key, Exception ex, int processed, Map<String, String> failures,
			boolean skipFailures) throws ItemFailedException {
		if (!skipFailures) {
			throw new ItemFailedException(key, ex);
		}
		failures.put(key, DataErrors.describe(ex));
		return new Outcome(processed, failures);
	}

}
