package dev.ratchet.boot.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationListener;

/**
 * Turns the engine's events into Micrometer {@link Observation}s, so that applications with tracing
 * get spans: {@value #RUN} around each {@code migrate} run, and {@value #MIGRATION} around each
 * migration within it. Each is in scope while it runs, so that database spans nest under it.
 * <p>
 * Key values: {@code ratchet.migration.type} (low cardinality), {@code ratchet.migration.version}
 * and {@code ratchet.migration.script} (high cardinality, spans only), and on the run
 * {@code ratchet.applied} (high cardinality).
 */
public class MigrationObservations implements MigrationListener {

	/** Name of the observation around a run. */
	public static final String RUN = "ratchet.migrate";

	/** Name of the observation around a migration. */
	public static final String MIGRATION = "ratchet.migration";

	private final ObservationRegistry registry;

	// The engine sends a run's events on the thread that runs it; runs on other threads are other runs.
	private final ThreadLocal<Run> runs = new ThreadLocal<>();

	public MigrationObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onEvent(MigrationEvent event) {
		if (event instanceof MigrationEvent.RunStarted) {
			this.runs.set(new Run(Observed.start(Observation.createNotStarted(RUN, this.registry)
				.contextualName("ratchet migrate"))));
		}
		else if (event instanceof MigrationEvent.MigrationStarted started) {
			Run run = this.runs.get();
			if (run != null) {
				run.migration = Observed.start(migration(started.migration(), run.observed.observation()));
			}
		}
		else if (event instanceof MigrationEvent.MigrationApplied) {
			endMigration(null);
		}
		else if (event instanceof MigrationEvent.MigrationFailed failed) {
			endMigration(failed.failure());
		}
		else if (event instanceof MigrationEvent.RunCompleted completed) {
			endRun(completed.result().appliedCount(), null);
		}
		else if (event instanceof MigrationEvent.RunFailed failed) {
			endRun(-1, failed.failure());
		}
	}

	private Observation migration(MigrationDescriptor migration, Observation parent) {
		return Observation.createNotStarted(MIGRATION, this.registry)
			.contextualName("ratchet migration")
			.parentObservation(parent)
			.lowCardinalityKeyValue("ratchet.migration.type", migration.type().name())
			.highCardinalityKeyValue("ratchet.migration.version",
					(migration.version() != null) ? migration.version().toString() : "none")
			.highCardinalityKeyValue("ratchet.migration.script", migration.script());
	}

	private void endMigration(Throwable failure) {
		Run run = this.runs.get();
		if (run != null && run.migration != null) {
			run.migration.stop(failure);
			run.migration = null;
		}
	}

	private void endRun(int applied, Throwable failure) {
		Run run = this.runs.get();
		if (run == null) {
			return;
		}
		this.runs.remove();
		if (run.migration != null) {
			run.migration.stop(failure);
		}
		if (applied >= 0) {
			run.observed.observation().highCardinalityKeyValue("ratchet.applied", Integer.toString(applied));
		}
		run.observed.stop(failure);
	}

	private static final class Run {

		private final Observed observed;

		private Observed migration;

		Run(Observed observed) {
			this.observed = observed;
		}

	}

	/**
	 * A started observation and its open scope.
	 */
	private record Observed(Observation observation, Observation.Scope scope) {

		static Observed start(Observation observation) {
			observation.start();
			return new Observed(observation, observation.openScope());
		}

		void stop(Throwable failure) {
			this.scope.close();
			if (failure != null) {
				this.observation.error(failure);
			}
			this.observation.stop();
		}

	}

}
