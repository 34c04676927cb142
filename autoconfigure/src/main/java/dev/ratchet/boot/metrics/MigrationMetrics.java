package dev.ratchet.boot.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationListener;

/**
 * Records Ratchet's meters from the engine's events:
 * <ul>
 * <li>{@code ratchet.migrations.applied}, a counter of migrations run, tagged {@code type} and
 * {@code outcome} ({@code success} or {@code failure});</li>
 * <li>{@code ratchet.migration.duration}, a timer of each migration, with the same tags;</li>
 * <li>{@code ratchet.migrations.pending}, a gauge of the work {@code migrate} would do, as of the
 * latest status read or run of this instance (start-up, health check, endpoint call);</li>
 * <li>{@code ratchet.lock.wait}, a timer of the waits for the migration lock;</li>
 * <li>{@code ratchet.data.items}, a counter of the items batched data migrations processed, tagged
 * {@code outcome} ({@code processed} or {@code failed}: recorded in the ledger of failed items).</li>
 * </ul>
 * Tags stay low-cardinality: no script, no version.
 */
public class MigrationMetrics implements MigrationListener {

	private static final String APPLIED = "ratchet.migrations.applied";

	private static final String DURATION = "ratchet.migration.duration";

	private final MeterRegistry registry;

	private final Timer lockWait;

	private volatile double pending = Double.NaN;

	private volatile int deferred;

	public MigrationMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.lockWait = Timer.builder("ratchet.lock.wait")
			.description("Time waited for the migration lock")
			.register(registry);
		Gauge.builder("ratchet.migrations.pending", this, (metrics) -> metrics.pending)
			.description("Migrations that migrate would apply, as of the latest status read or run")
			.strongReference(true)
			.register(registry);
	}

	@Override
	public void onEvent(MigrationEvent event) {
		if (event instanceof MigrationEvent.MigrationApplied applied) {
			record(applied.migration(), "success", applied.duration());
		}
		else if (event instanceof MigrationEvent.MigrationFailed failed) {
			record(failed.migration(), "failure", failed.duration());
		}
		else if (event instanceof MigrationEvent.LockAcquired acquired) {
			this.lockWait.record(acquired.waited());
		}
		else if (event instanceof MigrationEvent.MigrationDeferred deferred) {
			this.deferred = 1 + deferred.waiting().size();
		}
		else if (event instanceof MigrationEvent.RunCompleted) {
			// A successful run leaves nothing this instance knows unapplied, but what it left for the background.
			this.pending = this.deferred;
			this.deferred = 0;
		}
		else if (event instanceof MigrationEvent.DataBatchCommitted batch) {
			items("processed", batch.processed());
			items("failed", batch.failed());
		}
		else if (event instanceof MigrationEvent.DataStateChanged changed) {
			Counter.builder("ratchet.data.state.changes")
				.description("Operators' state changes of batched data migrations, by action")
				.tag("action", changed.action())
				.register(this.registry)
				.increment();
		}
		else if (event instanceof MigrationEvent.StatusChecked checked) {
			this.pending = checked.report().pendingCount();
		}
	}

	private void items(String outcome, int count) {
		if (count > 0) {
			Counter.builder("ratchet.data.items")
				.description("Items of batched data migrations, processed or failed")
				.tag("outcome", outcome)
				.register(this.registry)
				.increment(count);
		}
	}

	private void record(MigrationDescriptor migration, String outcome, Duration duration) {
		String type = migration.type().name();
		Counter.builder(APPLIED)
			.description("Migrations run, by type and outcome")
			.tag("type", type)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
		Timer.builder(DURATION)
			.description("Time each migration took, by type and outcome")
			.tag("type", type)
			.tag("outcome", outcome)
			.register(this.registry)
			.record(duration);
	}

}
