package dev.ratchet;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.lint.LintFinding;
import dev.ratchet.lint.LintSeverity;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Lint of pending migrations in a real run: errors stop it before anything is applied, warnings
 * are reported, severities are configurable.
 */
class LintIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	private Ratchet ratchet() {
		return ratchet(UnaryOperator.identity());
	}

	private Ratchet ratchet(UnaryOperator<RatchetConfiguration.Builder> customizer) {
		return new Ratchet(customizer
			.apply(this.db.configure())
			.build());
	}

	@Test
	void prismaMigrationForSqliteIsStoppedBeforeAnythingOfTheRunIsApplied() {
		this.db.files().write("V1__create_shop.sql", "CREATE TABLE shop (id bigint PRIMARY KEY);")
			.write("V2__create_session.sql", """
					-- CreateTable
					CREATE TABLE "Session" (
					    "id" TEXT NOT NULL PRIMARY KEY,
					    "shop" TEXT NOT NULL,
					    "isOnline" BOOLEAN NOT NULL DEFAULT false,
					    "expires" DATETIME,
					    "userId" INTEGER PRIMARY KEY AUTOINCREMENT
					);
					PRAGMA foreign_keys=ON;
					""");
		assertThatExceptionOfType(LintException.class).isThrownBy(() -> ratchet().migrate())
			.withMessageContaining("V2__create_session.sql line 6 column 15: DATETIME is not a PostgreSQL type "
					+ "(SQLite/MySQL). Use timestamptz (or timestamp).")
			.withMessageContaining("nothing was applied")
			.satisfies((ex) -> {
				assertThat(ex.getReport().errors()).extracting(LintFinding::rule)
					.containsExactly("dialect.datetime", "dialect.autoincrement", "dialect.pragma");
				assertThat(ex.getScript()).isEqualTo("V2__create_session.sql");
				assertThat(ex.getLine()).isEqualTo(6);
			});
		assertThat(Sql.exists(this.db, "shop")).isFalse();
		assertThat(Sql.exists(this.db, "ratchet_history")).isFalse();
	}

	@Test
	void warningsAreReportedAndTheRunGoesOn() {
		this.db.files().write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);");
		ratchet().migrate();
		this.db.files().write("V2__index_email.sql", "CREATE INDEX users_email_idx ON users (email);");
		MigrateResult result = ratchet().migrate();
		assertThat(result.appliedCount()).isEqualTo(1);
		assertThat(result.lint().warnings()).extracting(LintFinding::rule)
			.containsExactly("risk.index-not-concurrent", "risk.lock-timeout");
		assertThat(result.lint().hasErrors()).isFalse();
	}

	@Test
	void aConfiguredLockTimeoutSatisfiesTheLockTimeoutRule() {
		this.db.files().write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);");
		ratchet().migrate();
		this.db.files().write("V2__index_email.sql", "CREATE INDEX users_email_idx ON users (email);");
		assertThat(ratchet().status().lint().warnings()).extracting(LintFinding::rule)
			.as("without ratchet.lock-timeout")
			.contains("risk.lock-timeout");
		MigrateResult result = ratchet((builder) -> builder.lockTimeout(Duration.ofSeconds(5))).migrate();
		assertThat(result.appliedCount()).isEqualTo(1);
		assertThat(result.lint().warnings()).extracting(LintFinding::rule).containsExactly("risk.index-not-concurrent");
	}

	@Test
	void tablesCreatedByAnEarlierMigrationOfTheRunAreNotExisting() {
		this.db.files().write("V1__users.sql", "CREATE TABLE users (id bigint, email text);")
			.write("V2__index_email.sql", "CREATE INDEX users_email_idx ON users (email);")
			.write("V3__not_null.sql", "ALTER TABLE users ALTER COLUMN email SET NOT NULL;");
		assertThat(ratchet().migrate().lint().findings()).isEmpty();
	}

	@Test
	void statusLintsPendingMigrationsWithoutApplyingAnything() {
		this.db.files().write("V1__audit.sql", "CREATE TABLE audit (at DATETIME);");
		StatusReport status = ratchet().status();
		assertThat(status.lint().errors()).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo("dialect.datetime");
			assertThat(finding.script()).isEqualTo("V1__audit.sql");
			assertThat(finding.line()).isEqualTo(1);
			assertThat(finding.column()).isEqualTo(24);
			assertThat(finding.hint()).isEqualTo("Use timestamptz (or timestamp).");
		});
		assertThat(status.isValid()).isTrue();
		assertThat(ratchet().lint()).isEqualTo(status.lint());
		assertThat(Sql.exists(this.db, "ratchet_history")).isFalse();
	}

	@Test
	void ruleSwitchedOffLetsPostgreSqlRefuseTheStatementWithAHint() {
		this.db.files().write("V1__audit.sql", "CREATE TABLE audit (at DATETIME);");
		Ratchet ratchet = ratchet((builder) -> builder.lintSeverities(Map.of("dialect.datetime", LintSeverity.OFF)));
		assertThat(ratchet.lint().findings()).isEmpty();
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("type \"datetime\" does not exist (SQLSTATE 42704). PostgreSQL has no DATETIME type "
					+ "(SQLite/MySQL). Use timestamptz (or timestamp).")
			.satisfies((ex) -> assertThat(ex.getFailure().hint()).startsWith("PostgreSQL has no DATETIME type"));
	}

	@Test
	void warningRaisedToAnErrorStopsTheRun() {
		this.db.files().write("V1__users.sql", "CREATE TABLE users (id bigint);");
		ratchet().migrate();
		this.db.files().write("V2__drop_users.sql", "SET LOCAL lock_timeout = '5s';\nDROP TABLE users;");
		Ratchet ratchet = ratchet((builder) -> builder.lintSeverities(Map.of("risk.drop", LintSeverity.ERROR)));
		assertThatExceptionOfType(LintException.class).isThrownBy(ratchet::migrate)
			.withMessageContaining("V2__drop_users.sql line 2 column 12: Dropping table \"users\" breaks instances");
		assertThat(Sql.exists(this.db, "users")).isTrue();
	}

	@Test
	void allowCommentWithAReasonSilencesAnError() {
		this.db.files().write("V1__compat.sql", """
				CREATE FUNCTION ifnull(a text, b text) RETURNS text LANGUAGE sql AS 'SELECT coalesce(a, b)';
				-- ratchet:allow dialect.function because V1 defines ifnull() for the reports
				CREATE VIEW names AS SELECT ifnull(NULL, 'none') AS name;
				""");
		assertThat(ratchet().migrate().appliedCount()).isEqualTo(1);
		assertThat(Sql.column(this.db, "SELECT name FROM names")).containsExactly("none");
	}

	@Test
	void unknownRuleInTheSeveritiesIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ratchet((builder) -> builder.lintSeverities(Map.of("dialect.datetim", LintSeverity.OFF))))
			.withMessageStartingWith("Unknown lint rule 'dialect.datetim' in the lint severities. Use one of: ")
			.withMessageContaining("dialect.datetime");
	}

}
