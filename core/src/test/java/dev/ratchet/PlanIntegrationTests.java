package dev.ratchet;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestJavaMigration.Body;
import dev.ratchet.test.TestJavaMigration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code plan}: a dry run of the pending migrations in one transaction on a real database, rolled back.
 */
class PlanIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	private Ratchet ratchet(JavaMigration... javaMigrations) {
		return new Ratchet(this.db.configure()
			.javaMigrations(javaMigrations)
			.build());
	}

	@Test
	void planLeavesCatalogAndHistoryAsTheyWere() {
		this.db.files().write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);");
		ratchet().migrate();
		this.db.files().write("V2__orders.sql", """
				CREATE TABLE orders (id bigserial PRIMARY KEY, user_id bigint NOT NULL REFERENCES users);
				CREATE INDEX orders_user_idx ON orders (user_id);
				CREATE TYPE order_state AS ENUM ('new', 'paid');
				CREATE SCHEMA reporting;
				""")
			.write("V3__seed.sql", "INSERT INTO users VALUES (1, 'a@example.com');\nINSERT INTO orders (user_id) VALUES (1);")
			.write("V4__email.sql", """
					ALTER TABLE users ALTER COLUMN email SET NOT NULL;
					CREATE VIEW reporting.user_orders AS SELECT u.email, o.id FROM users u JOIN orders o ON o.user_id = u.id;
					CREATE FUNCTION order_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM orders';
					""");
		List<String> catalog = Sql.catalog(this.db);
		assertThat(catalog).contains("r public.users email text false", "schema public");
		List<String> history = history();
		PlanResult plan = ratchet().plan();
		assertThat(plan.wouldSucceed()).isTrue();
		assertThat(plan.currentVersion()).hasToString("1");
		assertThat(plan.migrations()).extracting((planned) -> planned.migration().script())
			.containsExactly("V2__orders.sql", "V3__seed.sql", "V4__email.sql");
		assertThat(plan.migrations()).extracting(PlannedMigration::outcome).containsOnly(PlanOutcome.WOULD_SUCCEED);
		assertThat(Sql.catalog(this.db)).isEqualTo(catalog);
		assertThat(history()).isEqualTo(history);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM users")).isZero();
		assertThat(ratchet().migrate().appliedCount()).isEqualTo(3);
	}

	@Test
	void planOnAnEmptyDatabaseLeavesNoHistoryTable() {
		this.db.files().write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);");
		List<String> catalog = Sql.catalog(this.db);
		assertThat(ratchet().plan().wouldSucceed()).isTrue();
		assertThat(Sql.catalog(this.db)).isEqualTo(catalog);
		assertThat(Sql.exists(this.db, "ratchet_history")).isFalse();
	}

	@Test
	void failingMigrationIsReportedWithThePostgreSqlErrorAndLaterOnesAreNotReached() {
		this.db.files().write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);")
			.write("V2__profile.sql", """
					CREATE TABLE profile (
					    user_id bigint REFERENCES users,
					    embedding vector(3)
					);
					""")
			.write("V3__audit.sql", "CREATE TABLE audit (id bigint);");
		PlanResult plan = ratchet().plan();
		assertThat(plan.wouldSucceed()).isFalse();
		assertThat(plan.migrations()).extracting(PlannedMigration::outcome)
			.containsExactly(PlanOutcome.WOULD_SUCCEED, PlanOutcome.WOULD_FAIL, PlanOutcome.NOT_REACHED);
		PlannedMigration failed = plan.migrations().get(1);
		assertThat(failed.failure()).satisfies((failure) -> {
			assertThat(failure.line()).isEqualTo(3);
			assertThat(failure.sqlState()).isEqualTo("42704");
			assertThat(failure.message()).isEqualTo("type \"vector\" does not exist");
			assertThat(failure.statement()).startsWith("CREATE TABLE profile");
			assertThat(failure.hint()).contains("CREATE EXTENSION IF NOT EXISTS vector;");
		});
		assertThat(failed.reason())
			.startsWith("V2__profile.sql would fail at line 3: type \"vector\" does not exist (SQLSTATE 42704). ");
		assertThat(plan.migrations().get(2).reason()).isEqualTo("Not tried: V2__profile.sql would fail first.");
		assertThat(Sql.exists(this.db, "users")).isFalse();
	}

	@Test
	void laterMigrationsSeeEarlierOnesAndTheirHistoryRows() {
		this.db.files().write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);")
			.write("V2__seed.sql", "INSERT INTO users VALUES (1), (2);");
		List<String> seen = new ArrayList<>();
		JavaMigration count = new TestJavaMigration("2.1", "count users", (context) -> {
			try (Statement statement = context.connection().createStatement();
					ResultSet rs = statement.executeQuery("SELECT (SELECT count(*) FROM users) || ' users, '"
							+ " || (SELECT count(*) FROM ratchet_history) || ' history rows'")) {
				rs.next();
				seen.add(rs.getString(1));
			}
		});
		PlanResult plan = ratchet(count).plan();
		assertThat(plan.migrations()).extracting(PlannedMigration::outcome).containsOnly(PlanOutcome.WOULD_SUCCEED);
		assertThat(seen).containsExactly("2 users, 2 history rows");
		assertThat(Sql.exists(this.db, "users")).isFalse();
	}

	@Test
	void migrationWithoutATransactionCannotBeDryRunAndTheRestIs() {
		this.db.files().write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);");
		ratchet().migrate();
		this.db.files().write("V2__index_email.sql", "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);")
			.write("V3__vacuum.sql", "-- ratchet:no-transaction\nVACUUM users;")
			.write("V4__seed.sql", "INSERT INTO users VALUES (1, 'a@example.com');");
		PlanResult plan = ratchet().plan();
		assertThat(plan.wouldSucceed()).isTrue();
		assertThat(plan.migrations()).extracting(PlannedMigration::outcome).containsExactly(PlanOutcome.CANNOT_DRY_RUN,
				PlanOutcome.CANNOT_DRY_RUN, PlanOutcome.WOULD_SUCCEED);
		assertThat(plan.migrations()).extracting(PlannedMigration::reason).containsExactly(
				"Cannot be dry-run: it runs without a transaction, because CREATE INDEX CONCURRENTLY (line 1) cannot "
						+ "run inside a transaction.",
				"Cannot be dry-run: it runs without a transaction, because its first line is "
						+ "'-- ratchet:no-transaction'.",
				null);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM users")).isZero();
		assertThat(Sql.exists(this.db, "users_email_idx")).isFalse();
	}

	@Test
	void javaMigrationCannotCommitThePlan() {
		this.db.files().write("V1__users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);");
		JavaMigration committing = new TestJavaMigration("1.1", "insert and commit", (context) -> {
			Body.sql("INSERT INTO users VALUES (1)").migrate(context);
			context.connection().commit();
		});
		PlanResult plan = ratchet(committing).plan();
		assertThat(plan.migrations()).extracting(PlannedMigration::outcome)
			.containsExactly(PlanOutcome.WOULD_SUCCEED, PlanOutcome.WOULD_FAIL);
		assertThat(plan.migrations().get(1).failure().message()).startsWith("A Java migration must not call "
				+ "Connection.commit()");
		assertThat(Sql.exists(this.db, "users")).isFalse();
		assertThat(Sql.exists(this.db, "ratchet_history")).isFalse();
	}

	@Test
	void lintErrorsMakeThePlanFailToo() {
		this.db.files().write("V1__audit.sql", "CREATE TABLE audit (at DATETIME);");
		PlanResult plan = ratchet().plan();
		assertThat(plan.wouldSucceed()).isFalse();
		assertThat(plan.lint().errors()).extracting((finding) -> finding.rule()).containsExactly("dialect.datetime");
		assertThat(plan.migrations().get(0).failure().hint()).isEqualTo("PostgreSQL has no DATETIME type (SQLite/MySQL). "
				+ "Use timestamptz (or timestamp).");
	}

	private List<String> history() {
		return Sql.exists(this.db, "ratchet_history") ? Sql.column(this.db,
				"SELECT installed_rank || ' ' || script || ' ' || success FROM ratchet_history ORDER BY 1") : List.of();
	}

}
