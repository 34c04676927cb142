package dev.ratchet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code plan} agrees with {@code migrate}, although it runs the pending migrations in one
 * transaction while {@code migrate} commits each: every migration's dry run ends as its commit
 * would, and what cannot be dry-run in one transaction is reported as such.
 */
class PlanDryRunIntegrationTests {

	private static final String PARENT_AND_CHILD = """
			CREATE TABLE parent (id int PRIMARY KEY);
			CREATE TABLE child (parent_id int CONSTRAINT child_parent REFERENCES parent DEFERRABLE INITIALLY DEFERRED);
			""";

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@Test
	void deferredForeignKeyViolatedByALaterMigrationWouldFailAsItsCommitDoes() {
		this.db.files().write("V1__tables.sql", PARENT_AND_CHILD).write("V2__orphan.sql", "INSERT INTO child VALUES (42);");
		PlanResult plan = this.db.ratchet().plan();
		assertThat(plan.migrations()).extracting(PlannedMigration::outcome)
			.containsExactly(PlanOutcome.WOULD_SUCCEED, PlanOutcome.WOULD_FAIL);
		assertThat(plan.migrations().get(1).failure().sqlState()).isEqualTo("23503");
		assertThat(plan.migrations().get(1).reason()).contains("V2__orphan.sql would fail at commit", "child_parent");
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.db.ratchet().migrate())
			.satisfies((ex) -> assertThat(ex.getFailure().sqlState()).isEqualTo("23503"));
		assertThat(Sql.column(this.db, "SELECT version FROM ratchet_history")).containsExactly("1");
	}

	@Test
	void initiallyDeferredConstraintsAreDeferredAgainForTheNextMigration() {
		// Valid at commit only: the child row comes before its parent.
		this.db.files().write("V1__tables.sql", PARENT_AND_CHILD)
			.write("V2__rows.sql", "INSERT INTO child VALUES (1); INSERT INTO parent VALUES (1);");
		assertThat(this.db.ratchet().plan().migrations()).extracting(PlannedMigration::outcome)
			.containsExactly(PlanOutcome.WOULD_SUCCEED, PlanOutcome.WOULD_SUCCEED);
		assertThat(this.db.ratchet().migrate().appliedCount()).isEqualTo(2);
	}

	@Test
	void migrationUsingAnEnumValueAnEarlierOneAddsCannotBeDryRunInOneTransaction() {
		this.db.files().write("V1__mood.sql", "CREATE TYPE mood AS ENUM ('sad');");
		this.db.ratchet().migrate();
		this.db.files().write("V2__happy.sql", "ALTER TYPE mood ADD VALUE 'happy';")
			.write("V3__use.sql", "CREATE TABLE person (m mood); INSERT INTO person VALUES ('happy');")
			.write("V4__after.sql", "CREATE TABLE after_all (id int);");
		PlanResult plan = this.db.ratchet().plan();
		assertThat(plan.migrations()).extracting(PlannedMigration::outcome)
			.containsExactly(PlanOutcome.WOULD_SUCCEED, PlanOutcome.CANNOT_DRY_RUN, PlanOutcome.WOULD_SUCCEED);
		assertThat(plan.migrations().get(1).reason()).contains("one transaction", "55P04");
		assertThat(plan.wouldSucceed()).isTrue();
		assertThat(this.db.ratchet().migrate().appliedCount()).isEqualTo(3);
	}

	@Test
	void migrationUsingAnEnumValueItAddsItselfWouldFail() {
		this.db.files().write("V1__mood.sql", "CREATE TYPE mood AS ENUM ('sad');");
		this.db.ratchet().migrate();
		this.db.files().write("V2__happy.sql", """
				ALTER TYPE mood ADD VALUE 'happy';
				CREATE TABLE person (m mood);
				INSERT INTO person VALUES ('happy');
				""");
		assertThat(this.db.ratchet().plan().migrations()).extracting(PlannedMigration::outcome)
			.containsExactly(PlanOutcome.WOULD_FAIL);
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> this.db.ratchet().migrate())
			.satisfies((ex) -> assertThat(ex.getFailure().sqlState()).isEqualTo("55P04"));
	}

	@Test
	void deferredTriggerEventsOfAnEarlierMigrationFireAsItsCommitWould() {
		this.db.files().write("V1__audited.sql", """
				CREATE TABLE audited (id int);
				CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
				CREATE CONSTRAINT TRIGGER audited_insert AFTER INSERT ON audited
				    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit();
				INSERT INTO audited VALUES (1);
				""").write("V2__alter.sql", "ALTER TABLE audited ADD COLUMN note text;");
		assertThat(this.db.ratchet().plan().migrations()).extracting(PlannedMigration::outcome)
			.containsExactly(PlanOutcome.WOULD_SUCCEED, PlanOutcome.WOULD_SUCCEED);
		assertThat(this.db.ratchet().migrate().appliedCount()).isEqualTo(2);
	}

}
