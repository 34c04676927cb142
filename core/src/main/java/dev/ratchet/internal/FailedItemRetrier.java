package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.MigrationContext;
import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationVersion;
import dev.ratchet.RatchetException;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.data.DataClock;
import dev.ratchet.data.RetryResult;
import dev.ratchet.data.RetryResult.Retried;
import dev.ratchet.history.FailedItemsTable;
import dev.ratchet.history.HistoryTable;
import dev.ratchet.history.ProgressTable;
import dev.ratchet.history.ProgressTable.Progress;
import dev.ratchet.internal.BatchProcessor.ItemFailedException;
import dev.ratchet.internal.BatchProcessor.Outcome;

/**
 * Processes the ledger's failed items again, under the lock the engine holds, a page of keys at a
 * time: fetches the items with {@link BatchedMigration#find}, processes them (each failing item
 * behind its own savepoint), and in the same transaction removes the ones that now succeed (or no
 * longer exist) from the ledger, records the new error of the others, and counts them as processed.
 */
final class FailedItemRetrier {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private final Connection connection;

	private final MigrationContext context;

	private final ProgressTable progress;

	private final FailedItemsTable ledger;

	private final Events events;

	private final DataClock clock;

	FailedItemRetrier(Connection connection, String schema, HistoryTable history, Events events, DataClock clock) {
		this.connection = connection;
		this.context = new MigrationContext(connection, schema);
		this.progress = new ProgressTable(history);
		this.ledger = new FailedItemsTable(history);
		this.events = events;
		this.clock = clock;
	}

	RetryResult retry(List<ResolvedMigration> resolved) throws SQLException {
		List<Retried> results = new ArrayList<>();
		for (MigrationVersion version : this.ledger.versionsWithFailures(this.connection)) {
			ResolvedMigration migration = resolved.stream()
				.filter((candidate) -> version.equals(candidate.descriptor().version())
						&& candidate.java() instanceof BatchedMigration<?>)
				.findFirst()
				.orElse(null);
			if (migration == null) {
				logger.warn("{} holds failed items of version {}, but no batched migration has that version any more; "
						+ "they stay", this.ledger.getQualifiedName(), version);
				continue;
			}
			results.add(retry(migration.descriptor(), (BatchedMigration<?>) migration.java()));
		}
		return new RetryResult(results);
	}

	private <T> Retried retry(MigrationDescriptor d, BatchedMigration<T> migration) throws SQLException {
		BatchOptions options = migration.options();
		BatchProcessor processor = new BatchProcessor(this.connection, this.context);
		long attempted = 0;
		long succeeded = 0;
		long stillFailing = 0;
		long notFound = 0;
		this.connection.setAutoCommit(false);
		try {
			Progress start = this.progress.read(this.connection, d.version());
			ProgressTracker tracker = (start != null)
					? new ProgressTracker(d, options.isBackground(), start, this.clock, this.events) : null;
			Pacer pacer = new Pacer(options, this.clock, this.clock.nanoTime());
			String after = null;
			for (List<String> keys = page(d, after, options); !keys.isEmpty(); keys = page(d, after, options)) {
				after = keys.get(keys.size() - 1);
				Map<String, T> found = find(d, migration, keys);
				List<String> missing = keys.stream().filter((key) -> !found.containsKey(key)).toList();
				Outcome outcome = found.isEmpty() ? new Outcome(0, Map.of())
						: processor.process(migration, new ArrayList<>(found.values()), true);
				List<String> done = new ArrayList<>(missing);
				found.keySet().stream().filter((key) -> !outcome.failures().containsKey(key)).forEach(done::add);
				this.ledger.deleteFailures(this.connection, d.version(), done);
				this.ledger.recordFailures(this.connection, d.version(), outcome.failures());
				this.progress.addProcessed(this.connection, d.version(), outcome.processed());
				this.connection.commit();
				attempted += keys.size();
				succeeded += outcome.processed();
				stillFailing += outcome.failures().size();
				notFound += missing.size();
				if (tracker != null) {
					tracker.retried(outcome.processed(), outcome.failures().size(), done.size(), start.state());
				}
				pacer.pace(attempted);
			}
		}
		catch (ItemFailedException ex) {
			throw new IllegalStateException("Skipping processor threw an item failure", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			Transactions.end(this.connection);
		}
		return new Retried(d.version(), d.script(), attempted, succeeded, stillFailing, notFound);
	}

	private List<String> page(MigrationDescriptor d, String after, BatchOptions options) throws SQLException {
		return this.ledger.failedKeys(this.connection, d.version(), after, options.getBatchSize());
	}

	private <T> Map<String, T> find(MigrationDescriptor d, BatchedMigration<T> migration, List<String> keys) {
		List<T> items;
		try {
			items = migration.find(this.context, keys);
		}
		catch (Exception ex) {
			throw new RatchetException("retry-failed could not fetch the failed items of " + d.script() + " (version "
					+ d.version() + "): " + DataErrors.describe(ex) + ". Nothing more of it was retried; the ledger "
					+ this.ledger.getQualifiedName() + " keeps them.", ex);
		}
		Map<String, T> found = new LinkedHashMap<>();
		for (T item : items) {
			String key = migration.keyOf(item);
			if (keys.contains(key)) {
				found.putIfAbsent(key, item);
			}
		}
		return found;
	}

}
