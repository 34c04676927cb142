package dev.ratchet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What is checked before anything is applied: changed, missing, out of order, newer code, unknown schemas.
 */
class ValidationIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	private Ratchet ratchet() {
		return ratchet(RatchetConfiguration.builder(this.db.dataSource()));
	}

	private Ratchet ratchet(RatchetConfiguration.Builder builder) {
		return new Ratchet(builder.locations(this.db.files().location()).build());
	}

	@Test
	void changedAppliedMigrationStopsTheRunAndRepairRealignsIt() {
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);");
		ratchet().migrate();
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int); -- reformatted")
			.write("V2__b.sql", "CREATE TABLE b (id int);");
		assertThat(ratchet().status().migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.CHANGED, MigrationState.PENDING);
		assertThat(ratchet().status().status()).isEqualTo(SchemaStatus.INVALID);
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ratchet().migrate())
			.withMessageContaining("V1__a.sql (version 1)")
			.withMessageContaining("has changed since")
			.withMessageContaining("nothing was applied");
		assertThat(Sql.exists(this.db, "b")).isFalse();
		RepairResult repair = ratchet().repair();
		assertThat(repair.realignedChecksums()).containsExactly("V1__a.sql");
		assertThat(ratchet().migrate().appliedCount()).isEqualTo(1);
	}

	@Test
	void lineEndingChangeIsNotAChange() {
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
		ratchet().migrate();
		this.db.files().write("V1__a.sql", "\uFEFFCREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n");
		assertThat(ratchet().validate().status()).isEqualTo(SchemaStatus.UP_TO_DATE);
	}

	@Test
	void missingAppliedMigrationIsReported() {
		StatusReport report = statusAfterDeleting("V1__a.sql");
		assertThat(report.migrations()).extracting(MigrationInfo::script, MigrationInfo::state)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("V1__a.sql", MigrationState.MISSING),
					org.assertj.core.groups.Tuple.tuple("V2__b.sql", MigrationState.APPLIED));
		assertThat(report.problems()).singleElement().asString().contains("V1__a.sql", "not among the migrations found");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ratchet().validate());
	}

	@Test
	void versionsAppliedByNewerCodeAreAllowedAndReported() {
		StatusReport report = statusAfterDeleting("V2__b.sql");
		assertThat(report.isValid()).isTrue();
		assertThat(report.currentVersion()).hasToString("2");
		assertThat(report.migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.APPLIED);
		assertThat(ratchet().migrate().appliedCount()).isZero();
	}

	/** Applies versions 1 and 2, then deletes one of their files and returns the status. */
	private StatusReport statusAfterDeleting(String script) {
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);").write("V2__b.sql", "CREATE TABLE b (id int);");
		ratchet().migrate();
		this.db.files().delete(script);
		return ratchet().status();
	}

	@Test
	void olderPendingMigrationIsRefusedUnlessOutOfOrderIsAllowed() {
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);").write("V3__c.sql", "CREATE TABLE c (id int);");
		ratchet().migrate();
		this.db.files().write("V2__b.sql", "CREATE TABLE b (id int);");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ratchet().migrate())
			.withMessageContaining("V2__b.sql (version 2) was never applied")
			.withMessageContaining("already at version 3")
			.withMessageContaining("ratchet.out-of-order=true");
		Ratchet outOfOrder = ratchet(RatchetConfiguration.builder(this.db.dataSource()).outOfOrder(true));
		assertThat(outOfOrder.migrate().appliedCount()).isEqualTo(1);
		assertThat(outOfOrder.status().migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.OUT_OF_ORDER, MigrationState.APPLIED);
	}

	@Test
	void nonEmptySchemaWithoutHistoryIsRefusedWithoutCreatingAnything() {
		Sql.execute(this.db, "CREATE TABLE \"Session\" (id text)");
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> ratchet().migrate())
			.withMessageContaining("already holds 1 object (Session)")
			.withMessageContaining("baseline");
		assertThat(Sql.exists(this.db, "ratchet_history")).isFalse();
		assertThat(ratchet().status().isValid()).isFalse();
	}

	@Test
	void baselineOnMigrateSkipsMigrationsUpToTheBaseline() {
		Sql.execute(this.db, "CREATE TABLE a (id int)");
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);").write("V2__b.sql", "CREATE TABLE b (id int);");
		MigrateResult result = ratchet(
				RatchetConfiguration.builder(this.db.dataSource()).baselineOnMigrate(true).baselineVersion("1"))
			.migrate();
		assertThat(result.baselined()).isTrue();
		assertThat(result.applied()).extracting((e) -> e.migration().script()).containsExactly("V2__b.sql");
		assertThat(ratchet().status().migrations()).extracting(MigrationInfo::state)
			.containsExactly(MigrationState.BELOW_BASELINE, MigrationState.BASELINE, MigrationState.APPLIED);
	}

	@Test
	void baselineCommandRecordsTheVersionOnceAndRefusesAHistory() {
		Sql.execute(this.db, "CREATE TABLE a (id int)");
		Ratchet ratchet = ratchet(RatchetConfiguration.builder(this.db.dataSource()).baselineVersion("5"));
		assertThat(ratchet.baseline()).isEqualTo(new BaselineResult(MigrationVersion.parse("5"), true));
		assertThat(ratchet.baseline().created()).isFalse();
		assertThat(Sql.column(this.db, "SELECT version || ' ' || type FROM ratchet_history")).containsExactly("5 BASELINE");
		this.db.files().write("V6__f.sql", "CREATE TABLE f (id int);");
		ratchet.migrate();
		assertThatExceptionOfType(RatchetException.class)
			.isThrownBy(() -> ratchet(RatchetConfiguration.builder(this.db.dataSource()).baselineVersion("7")).baseline())
			.withMessageContaining("already has 2 entries");
	}

	@Test
	void statusOnAnEmptyDatabaseChangesNothing() {
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);");
		StatusReport report = ratchet().status();
		assertThat(report.status()).isEqualTo(SchemaStatus.PENDING);
		assertThat(report.pendingCount()).isEqualTo(1);
		assertThat(report.currentVersion()).isNull();
		assertThat(Sql.exists(this.db, "ratchet_history")).isFalse();
	}

}
