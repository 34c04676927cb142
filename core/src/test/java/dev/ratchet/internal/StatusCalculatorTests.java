package dev.ratchet.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.ratchet.MigrationDescriptor;
import dev.ratchet.MigrationInfo;
import dev.ratchet.MigrationState;
import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;
import dev.ratchet.SchemaStatus;
import dev.ratchet.history.AppliedMigration;
import dev.ratchet.internal.StatusCalculator.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pure comparison of resolved migrations with history rows.
 */
class StatusCalculatorTests {

	private final List<ResolvedMigration> resolved = new ArrayList<>();

	private final List<AppliedMigration> history = new ArrayList<>();

	private void file(String version, String checksum) {
		MigrationVersion v = (version != null) ? MigrationVersion.parse(version) : null;
		String script = (version != null) ? "V" + version + "__m.sql" : "R__view.sql";
		this.resolved.add(new ResolvedMigration(new MigrationDescriptor(v, (version != null) ? "m" : "view",
				(version != null) ? MigrationType.SQL : MigrationType.REPEATABLE, script, checksum), null, null));
	}

	private void row(String version, MigrationType type, String checksum, boolean success) {
		String script = (type == MigrationType.REPEATABLE) ? "R__view.sql" : "V" + version + "__m.sql";
		this.history.add(new AppliedMigration(this.history.size() + 1,
				(version != null) ? MigrationVersion.parse(version) : null, (version != null) ? "m" : "view", type,
				script, checksum, "app", Instant.parse("2026-11-21T09:00:00Z"), 5, success,
				success ? null : "line 3: SQLSTATE 23505: duplicate key"));
	}

	private Outcome calculate(boolean outOfOrder) {
		return new StatusCalculator(outOfOrder).calculate("public", "ratchet_history", this.resolved, this.history,
				null);
	}

	@Test
	void pendingMigrationsComeInVersionOrderThenRepeatables() {
		file("1", "a");
		file("2", "b");
		file(null, "v");
		row("1", MigrationType.SQL, "a", true);
		Outcome outcome = calculate(false);
		assertThat(outcome.pending()).extracting((m) -> m.descriptor().script()).containsExactly("V2__m.sql", "R__view.sql");
		assertThat(outcome.report().status()).isEqualTo(SchemaStatus.PENDING);
		assertThat(outcome.report().currentVersion()).hasToString("1");
	}

	@Test
	void undoRowMakesItsVersionUndoneAndPendingAndTakesTheCurrentVersionBack() {
		file("1", "a");
		file("2", "b");
		row("1", MigrationType.SQL, "a", true);
		row("2", MigrationType.SQL, "b", true);
		row("2", MigrationType.UNDO_SQL, "u", true);
		Outcome outcome = calculate(false);
		assertThat(outcome.report().migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.UNDONE);
		assertThat(outcome.pending()).extracting((m) -> m.descriptor().script()).containsExactly("V2__m.sql");
		assertThat(outcome.report().currentVersion()).hasToString("1");
		assertThat(outcome.report().isValid()).isTrue();
		row("2", MigrationType.SQL, "b", true);
		Outcome again = calculate(false);
		assertThat(again.report().migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
		assertThat(again.report().currentVersion()).hasToString("2");
		assertThat(again.report().migrations()).extracting(MigrationInfo::state).doesNotContain(MigrationState.OUT_OF_ORDER);
	}

	@Test
	void repeatableAppliedBeforeAnUndoIsOutdated() {
		file("1", "a");
		file(null, "v");
		row("1", MigrationType.SQL, "a", true);
		row(null, MigrationType.REPEATABLE, "v", true);
		row("1", MigrationType.UNDO_SQL, "u", true);
		assertThat(calculate(false).report().migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.UNDONE, MigrationState.OUTDATED);
	}

	@Test
	void failedRowMakesTheStatusFailedAndIsAProblem() {
		file("1", "a");
		row("1", MigrationType.SQL, "a", false);
		Outcome outcome = calculate(false);
		assertThat(outcome.report().status()).isEqualTo(SchemaStatus.FAILED);
		assertThat(outcome.report().problems()).singleElement().asString().contains("duplicate key", "repair");
		assertThat(outcome.pending()).isEmpty();
		assertThat(outcome.report().currentVersion()).isNull();
	}

	@Test
	void failedThenSucceededRowCountsAsApplied() {
		file("1", "a");
		row("1", MigrationType.SQL, "a", false);
		row("1", MigrationType.SQL, "a", true);
		assertThat(calculate(false).report().migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED);
	}

	@Test
	void repeatableUnchangedIsAppliedChangedIsOutdated() {
		file(null, "v2");
		row(null, MigrationType.REPEATABLE, "v1", true);
		assertThat(calculate(false).report().migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.OUTDATED);
		row(null, MigrationType.REPEATABLE, "v2", true);
		assertThat(calculate(false).report().migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED);
	}

	@Test
	void javaMigrationWithoutChecksumIsNeverChanged() {
		file("1", null);
		row("1", MigrationType.SQL, null, true);
		assertThat(calculate(false).report().isValid()).isTrue();
	}

	@Test
	void outOfOrderPendingIsAProblemOnlyWhenNotAllowed() {
		file("1", "a");
		file("2", "b");
		file("3", "c");
		row("1", MigrationType.SQL, "a", true);
		row("3", MigrationType.SQL, "c", true);
		assertThat(calculate(false).report().problems()).singleElement().asString().contains("V2__m.sql", "version 3");
		Outcome allowed = calculate(true);
		assertThat(allowed.report().isValid()).isTrue();
		assertThat(allowed.pending()).extracting((m) -> m.descriptor().version().toString()).containsExactly("2");
	}

	@Test
	void missingRepeatableIsAProblemUnlessNewerCodeAppliedIt() {
		file("1", "a");
		row("1", MigrationType.SQL, "a", true);
		row(null, MigrationType.REPEATABLE, "v", true);
		assertThat(calculate(false).report().migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.MISSING);
		row("2", MigrationType.SQL, "b", true);
		Outcome newerCode = calculate(false);
		assertThat(newerCode.report().isValid()).isTrue();
		assertThat(newerCode.report().migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.APPLIED);
	}

}
