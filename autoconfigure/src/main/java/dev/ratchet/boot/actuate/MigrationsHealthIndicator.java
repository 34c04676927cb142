package dev.ratchet.boot.actuate;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.ratchet.Inspection;
import dev.ratchet.boot.monitor.DriftMonitor;
import dev.ratchet.boot.monitor.MigrationRunTracker;
import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationState;
import dev.ratchet.Ratchet;
import dev.ratchet.tenant.RatchetTenants;
import dev.ratchet.SchemaStatus;
import dev.ratchet.StatusReport;
import dev.ratchet.boot.report.DriftDescriptor;
import dev.ratchet.boot.report.LockDescriptor;
import dev.ratchet.drift.DriftReport;
import dev.ratchet.data.BackgroundWork;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.DataMigrationStatus;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link HealthIndicator} for the schema: {@code UP} when every migration this instance knows is
 * applied and valid, {@code OUT_OF_SERVICE} while work is pending or an instance is migrating
 * (status {@code RUNNING} when this one is, or another session holds the migration lock),
 * {@code DOWN} when a migration failed or an applied one changed or went missing, and, if so
 * configured, when the schema drifted from Ratchet's snapshot (drift always shows in the details).
 * Pending work that is only background data migrations in progress (and the versions waiting for
 * them) is {@code UP}, with their progress in the details: the application serves traffic
 * meanwhile, by design. Meant for the readiness group. A reading is reused for a short time, so
 * frequent probes cost little, and it is taken again as soon as a run of this instance ends.
 */
public class MigrationsHealthIndicator implements HealthIndicator {

	private static final Log logger = LogFactory.getLog(MigrationsHealthIndicator.class);

	private static final Set<MigrationState> AT_FAULT = EnumSet.of(MigrationState.FAILED, MigrationState.CHANGED,
			MigrationState.MISSING);

	private final Ratchet ratchet;

	private final MigrationRunTracker runs;

	private final DriftMonitor drift;

	private final long cacheTtlNanos;

	private final boolean failOnDrift;

	private final RatchetTenants tenants;

	private final Object refresh = new Object();

	private volatile Reading reading;

	/**
	 * Creates a new indicator.
	 * @param ratchet the engine
	 * @param runs what this instance's runs did; it must be one of the engine's listeners
	 * @param drift where drift from Ratchet's snapshot comes from
	 * @param cacheTtl how long a reading of the history is reused; zero to read it on every check
	 * @param failOnDrift whether drift makes the health {@code DOWN}
	 */
	public MigrationsHealthIndicator(Ratchet ratchet, MigrationRunTracker runs, DriftMonitor drift, Duration cacheTtl,
			boolean failOnDrift) {
		this(ratchet, runs, drift, cacheTtl, failOnDrift, null);
	}

	/**
	 * Creates a new indicator that checks the tenants too: {@code DOWN} while any has failed.
	 * @param ratchet the engine
	 * @param runs what this instance's runs did; it must be one of the engine's listeners
	 * @param drift where drift from Ratchet's snapshot comes from
	 * @param cacheTtl how long a reading of the history is reused; zero to read it on every check
	 * @param failOnDrift whether drift makes the health {@code DOWN}
	 * @param tenants the tenants, or {@code null}
	 */
	public MigrationsHealthIndicator(Ratchet ratchet, MigrationRunTracker runs, DriftMonitor drift, Duration cacheTtl,
			boolean failOnDrift, RatchetTenants tenants) {
		this.tenants = tenants;
		this.ratchet = ratchet;
		this.runs = runs;
		this.drift = drift;
		this.cacheTtlNanos = cacheTtl.toNanos();
		this.failOnDrift = failOnDrift;
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
		Inspection inspection;
		List<DataMigrationStatus> data;
		try {
			inspection = this.ratchet.inspect();
			data = this.ratchet.dataMigrations(inspection.status());
		}
		catch (RuntimeException ex) {
			logger.warn("Could not read where the schema stands: " + ex.getMessage());
			return Health.down(ex).build();
		}
		StatusReport report = inspection.status();
		boolean background = BackgroundWork.isAllThatIsPending(report, data);
		Health.Builder builder = switch (report.status()) {
			case UP_TO_DATE -> Health.up();
			case PENDING, RUNNING -> background ? Health.up() : Health.outOfService();
			case FAILED, INVALID -> Health.down();
		};
		boolean othersAtWork = report.status() == SchemaStatus.PENDING && inspection.isLocked() && !background;
		builder.withDetail("status", othersAtWork ? SchemaStatus.RUNNING : report.status());
		if (othersAtWork) {
			builder.withDetail("lock", LockDescriptor.of(inspection.lockHolder()));
		}
		if (report.currentVersion() != null) {
			builder.withDetail("currentVersion", report.currentVersion().toString());
		}
		builder.withDetail("pendingCount", report.pendingCount());
		if (background) {
			builder.withDetail("backgroundMigrations", data.stream()
				.filter(DataMigrationStatus::isBackgroundWorkInProgress)
				.map(MigrationsHealthIndicator::background)
				.toList());
		}
		if (!report.isValid() || report.status() == SchemaStatus.FAILED) {
			report.migrations().stream().filter((info) -> AT_FAULT.contains(info.state())).findFirst().ifPresent(
					(info) -> atFault(builder, info));
			data.stream()
				.filter((migration) -> migration.state() == DataMigrationState.FAILED && migration.failure() != null)
				.findFirst()
				.ifPresent((migration) -> builder.withDetail("failure", migration.failure()));
		}
		if (!report.isValid()) {
			builder.withDetail("problems", report.problems());
		}
		DriftReport drift = this.drift.drift(inspection);
		if (drift != null && drift.isDrifted()) {
			builder.withDetail("drift", DriftDescriptor.of(drift));
			if (this.failOnDrift) {
				builder.down();
			}
		}
		if (this.tenants != null) {
			TenantsHealth.contribute(builder, this.tenants);
		}
		return builder.build();
	}

	private static Map<String, Object> background(DataMigrationStatus migration) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("version", migration.version().toString());
		details.put("state", migration.state());
		details.put("processed", migration.processed());
		details.put("failed", migration.failed());
		if (migration.total() != null) {
			details.put("total", migration.total());
		}
		if (migration.eta() != null) {
			details.put("etaSeconds", migration.eta().toSeconds());
		}
		details.put("waiting", migration.waiting().stream().map(Object::toString).toList());
		return details;
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
