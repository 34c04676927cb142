package dev.ratchet.boot.command;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.data.JdbcMigrationContext;
import dev.ratchet.boot.test.SpringKeysetTestMigration;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code repair} and a cancelled data migration: left cancelled (saying how to complete it) unless
 * {@code --ratchet.repair.complete-cancelled} names it; then recorded as completed, so that later
 * versions proceed. The status shows who changed its state, and when.
 */
class RepairCancelledCommandIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__items.sql", """
			CREATE TABLE item (id bigint PRIMARY KEY, touched int NOT NULL DEFAULT 0);
			INSERT INTO item (id) SELECT i FROM generate_series(1, 30) i;
			""").withMigration("V2__after.sql", "CREATE TABLE after_backfill (id int);");

	@Test
	void repairCompletesACancelledDataMigrationOnlyWhenTold() {
		assertThat(run("migrate", "--ratchet.target=1").exitCode()).isZero();
		cancelBeforeItRuns("carol");
		run("migrate");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history WHERE version = '2'"))
			.as("later versions wait for the cancelled one").isZero();
		CommandRun status = run("status");
		assertThat(status.out()).contains("1.1 CANCELLED").contains(" by carol");
		JsonNode cancelled = dataMigration(run("status", "--ratchet.output=json"));
		assertThat(cancelled.get("changedBy").asString()).isEqualTo("carol");
		assertThat(cancelled.get("changedOn").asString()).endsWith("Z");

		CommandRun left = run("repair");
		assertThat(left.exitCode()).isZero();
		assertThat(left.out()).contains("(version 1.1) is cancelled and stays so")
			.contains("--ratchet.repair.complete-cancelled=1.1");
		assertThat(Sql.column(this.db, "SELECT state FROM ratchet_history_data")).containsExactly("CANCELLED");

		CommandRun mistyped = run("repair", "--ratchet.repair.complete-cancelled=1.2");
		assertThat(mistyped.exitCode()).isEqualTo(CommandExecutor.CANNOT_RUN);
		assertThat(mistyped.out()).contains("names version '1.2', which is not a cancelled batched data migration");
		assertThat(Sql.column(this.db, "SELECT state FROM ratchet_history_data")).containsExactly("CANCELLED");

		CommandRun completed = run("repair", "--ratchet.repair.complete-cancelled=1.1");
		assertThat(completed.exitCode()).isZero();
		assertThat(completed.out())
			.contains("Recorded the cancelled data migration " + Backfill.class.getName() + " as completed");
		assertThat(Sql.column(this.db, "SELECT type || ' ' || success || ' ' || installed_by FROM ratchet_history"
				+ " WHERE version = '1.1'")).containsExactly("JAVA true " + this.db.username());
		assertThat(Sql.column(this.db, "SELECT state || ' ' || changed_by FROM ratchet_history_data"))
			.containsExactly("COMPLETED repair (" + this.db.username() + ")");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM item WHERE touched > 0"))
			.as("repair processes no item").isZero();
		JsonNode done = dataMigration(run("status", "--ratchet.output=json"));
		assertThat(done.get("state").asString()).isEqualTo("COMPLETED");
		assertThat(done.get("changedBy").asString()).startsWith("repair");

		assertThat(run("migrate").exitCode()).isZero();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history WHERE version = '2' AND success"))
			.isEqualTo(1);
	}

	private void cancelBeforeItRuns(String operator) {
		List<String> args = this.db.applicationArguments();
		args.add("--ratchet.mode=validate");
		SpringApplication application = new SpringApplication(CommandRun.Application.class, Backfill.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(args.toArray(String[]::new))) {
			context.getBean(Ratchet.class).data().cancel("1.1", operator);
		}
	}

	private static JsonNode dataMigration(CommandRun run) {
		return JsonMapper.builder().build().readTree(run.out()).get("dataMigrations").get(0);
	}

	private CommandRun run(String command, String... args) {
		return CommandRun.command(List.of(Backfill.class), this.db, command, args);
	}

	static class Backfill extends SpringKeysetTestMigration {

		Backfill() {
			super("1.1", "touch items", "item", BatchOptions.defaults().withBatchSize(10));
		}

		@Override
		public void process(JdbcMigrationContext context, Long id) {
			context.jdbcClient().sql("UPDATE item SET touched = touched + 1 WHERE id = :id").param("id", id).update();
		}

	}

}
