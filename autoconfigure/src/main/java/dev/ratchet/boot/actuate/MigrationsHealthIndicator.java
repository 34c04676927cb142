package dev.ratchet.boot.actuate;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationState;
import dev.ratchet.Ratchet;
import dev.ratchet.SchemaStatus;
import dev.ratchet.StatusReport;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for the schema: {@code UP} when every migration this instance knows is
 * applied and valid, {@code OUT_OF_SERVICE} while work is pending or this instance is migrating,
 * {@code DOWN} when a migration failed or an applied one changed or went missing. Meant for the
 * readiness group. A reading is reused for a short time, so frequent probes cost little, and it is
 * taken again as soon as a run of this instance ends.
 */
public class MigrationsHealthIndicator implements HealthIndicator {

	private static final Log logger = LogFactory.getLog(MigrationsHealthIndicator.class);

	private static final Set<MigrationState> AT_FAULT = EnumSet.of(MigrationState.FAILED, MigrationState.CHANGED,
			MigrationState.MISSING);

	private final Ratchet ratchet;

	private final MigrationRunTracker runs;

	private final long cacheTtlNanos;

	private final Object refresh = new Object();

	private volatile Reading reading;

	/**
	 * Creates a new indicator.
	 * @param ratchet the engine
	 * @param runs what this instance's runs did; it must be one of the engine's listeners
	 * @param cacheTtl how long a reading of the history is reused; zero to read it on every check
	 */
	public MigrationsHealthIndicator(Ratchet ratchet, MigrationRunTracker runs, Duration cacheTtl) {
		this.ratchet = ratchet;
		this.runs = runs;
		this.cacheTtlNanos = cacheTtl.toNanos();
	}

	@Override
	public Health health() {
		Health health = reading().health();
		if (this.runs.isRunning() && !Status.DOWN.equals(health.getStatus())) {
			return Health.outOfService()
				.withDetails(health.getDetails())
				.withDetail("status", SchemaStatus.RUNNING)
				.build();
		}
		return health;
	}

	private Reading reading() {
		Reading current = this.reading;
		if (current != null && current.isFresh(this.runs.finishedRuns())) {
			return current;
		}
		synchronized (this.refresh) {
			current = this.reading;
			if (current == null || !current.isFresh(this.runs.finishedRuns())) {
				long finishedRuns = this.runs.finishedRuns();
				current = new Reading(read(), System.nanoTime() + this.cacheTtlNanos, finishedRuns);
				this.reading = current;
			}
			return current;
		}
	}

	private Health read() {
		StatusReport report;
		try {
			report = this.ratchet.status();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read where the schema stands: " + ex.getMessage());
			return Health.down(ex).build();
		}
		Health.Builder builder = switch (report.status()) {
			case UP_TO_DATE -> Health.up();
			case PENDING, RUNNING -> Health.outOfService();
			case FAILED, INVALID -> Health.down();
		};
		builder.withDetail("status", report.status());
		if (report.currentVersion() != null) {
			builder.withDetail("currentVersion", report.currentVersion().toString());
		}
		builder.withDetail("pendingCount", report.pendingCount());
		if (!report.isValid()) {
			report.migrations().stream().filter((info) -> AT_FAULT.contains(info.state())).findFirst().ifPresent(
					(info) -> atFault(builder, info));
			builder.withDetail("problems", report.problems());
		}
		return builder.build();
	}

	private static void atFault(Health.Builder builder, MigrationInfo info) {
		if (info.version() != null) {
			builder.withDetail("version", info.version().toString());
		}
		builder.withDetail("script", info.script()).withDetail("state", info.state());
	}

	private record Reading(Health health, long freshUntilNanos, long finishedRuns) {

		boolean isFresh(long currentFinishedRuns) {
			return this.finishedRuns == currentFinishedRuns && System.nanoTime() - this.freshUntilNanos < 0;
		}

	}

}
