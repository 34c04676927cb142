package dev.ratchet.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationVersion;
import dev.ratchet.SchemaStatus;
import dev.ratchet.StatusReport;

/**
 * Tells, for health checks, whether the work a status report shows pending is only background data
 * migrations in progress and the versions that wait for them: the application serves traffic
 * meanwhile, by design, so its schema is as ready as it will be until the next start-up.
 */
public final class BackgroundWork {

	private BackgroundWork() {
	}

	/**
	 * Returns whether everything pending is a background data migration that is pending, running or
	 * was interrupted (not failed), or a version waiting for one.
	 * @param status the status report
	 * @param dataMigrations the progress of the batched data migrations, read with the report
	 * @return {@code true} when the status is {@link SchemaStatus#PENDING} only because of healthy
	 * background work
	 */
	public static boolean isAllThatIsPending(StatusReport status, List<DataMigrationStatus> dataMigrations) {
		if (status.status() != SchemaStatus.PENDING) {
			return false;
		}
		Set<MigrationVersion> covered = new HashSet<>();
		for (DataMigrationStatus data : dataMigrations) {
			if (data.isBackgroundWorkInProgress()) {
				covered.add(data.version());
				covered.addAll(data.waiting());
			}
		}
		for (MigrationInfo info : status.migrations()) {
			if (info.isPending() && (info.version() == null || !covered.contains(info.version()))) {
				return false;
			}
		}
		return !covered.isEmpty();
	}

}
