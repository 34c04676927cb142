package dev.ratchet.data;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationState;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.StatusReport;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundWorkTests {

	@Test
	void pendingBackgroundMigrationAndTheVersionsWaitingForItAreAllThatIsPending() {
		assertThat(isAllThatIsPending(report(applied("6"), pending("6.2"), pending("7")),
				data("6.2", DataMigrationState.RUNNING, "7")))
			.isTrue();
	}

	@Test
	void otherPendingWorkIsNot() {
		assertThat(isAllThatIsPending(report(pending("5"), pending("6.2"), pending("7")),
				data("6.2", DataMigrationState.PENDING, "7")))
			.isFalse();
	}

	@Test
	void failedBackgroundMigrationIsNotHealthyWork() {
		assertThat(isAllThatIsPending(report(applied("6"), pending("6.2")), data("6.2", DataMigrationState.FAILED)))
			.isFalse();
	}

	@Test
	void nothingPendingIsNotBackgroundWork() {
		assertThat(isAllThatIsPending(report(applied("6")))).isFalse();
	}

	private static boolean isAllThatIsPending(StatusReport status, DataMigrationStatus... dataMigrations) {
		return BackgroundWork.isAllThatIsPending(status, List.of(dataMigrations));
	}

	private static StatusReport report(MigrationInfo... infos) {
		return new StatusReport("public", "ratchet_history", MigrationVersion.parse("6"), List.of(infos), List.of());
	}

	private static MigrationInfo applied(String version) {
		return info(version, MigrationState.APPLIED);
	}

	private static MigrationInfo pending(String version) {
		return info(version, MigrationState.PENDING);
	}

	private static MigrationInfo info(String version, MigrationState state) {
		return new MigrationInfo(MigrationVersion.parse(version), "m", MigrationType.SQL, "V" + version, null, state,
				null, null, null, null);
	}

	private static DataMigrationStatus data(String version, DataMigrationState state, String... waiting) {
		return new DataMigrationStatus(MigrationVersion.parse(version), "backfill", "Backfill", state, true, 0, 0, null,
				0, null, 0, null, null, null, null, null, List.of(waiting).stream().map(MigrationVersion::parse).toList());
	}

}
