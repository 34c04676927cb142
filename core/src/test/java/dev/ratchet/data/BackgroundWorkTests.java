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
		StatusReport status = report(info("6", MigrationState.APPLIED), info("6.2", MigrationState.PENDING),
				info("7", MigrationState.PENDING));
		assertThat(BackgroundWork.isAllThatIsPending(status, List.of(data("6.2", DataMigrationState.RUNNING, "7"))))
			.isTrue();
	}

	@Test
	void otherPendingWorkIsNot() {
		StatusReport status = report(info("5", MigrationState.PENDING), info("6.2", MigrationState.PENDING),
				info("7", MigrationState.PENDING));
		assertThat(BackgroundWork.isAllThatIsPending(status, List.of(data("6.2", DataMigrationState.PENDING, "7"))))
			.isFalse();
	}

	@Test
	void failedBackgroundMigrationIsNotHealthyWork() {
		StatusReport status = report(info("6", MigrationState.APPLIED), info("6.2", MigrationState.PENDING));
		assertThat(BackgroundWork.isAllThatIsPending(status, List.of(data("6.2", DataMigrationState.FAILED))))
			.isFalse();
	}

	@Test
	void nothingPendingIsNotBackgroundWork() {
		StatusReport status = report(info("6", MigrationState.APPLIED));
		assertThat(BackgroundWork.isAllThatIsPending(status, List.of())).isFalse();
	}

	private static StatusReport report(MigrationInfo... infos) {
		return new StatusReport("public", "ratchet_history", MigrationVersion.parse("6"), List.of(infos), List.of());
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
