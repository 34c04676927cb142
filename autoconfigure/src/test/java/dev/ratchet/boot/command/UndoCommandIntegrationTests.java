package dev.ratchet.boot.command;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.boot.test.ChatbotDatabase;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --ratchet.command=undo} and {@code plan} with {@code --ratchet.undo=true}, run in-process
 * against PostgreSQL: the report, the exit code, and what the schema looks like afterwards.
 */
class UndoCommandIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = ChatbotDatabase.fresh()
		.withMigration("U2__drop_chatbot.sql", "DROP TABLE chatbot;");

	@Test
	void undoToTargetExitsZeroAndTheVersionIsUndoneThenMigrateReappliesIt() {
		assertThat(run("migrate").exitCode()).isZero();
		CommandRun undo = run("undo", "--ratchet.target=1");
		assertThat(undo.exitCode()).isZero();
		assertThat(undo.out()).contains("Undid 1 migration").contains("  U2__drop_chatbot.sql (")
			.containsPattern("2 +UNDONE +SQL")
			.contains("version 1, 1 pending")
			.contains("Exit code 0: success");
		assertThat(Sql.exists(this.db, "chatbot")).isFalse();
		CommandRun status = run("status", "--ratchet.output=json");
		assertThat(status.exitCode()).isEqualTo(1);
		assertThat(status.out().replaceAll("\\s", "")).contains("\"version\":\"1\"")
			.contains("\"state\":\"UNDONE\"")
			.contains("\"undoable\":false");
		assertThat(run("migrate").exitCode()).isZero();
		assertThat(Sql.exists(this.db, "chatbot")).isTrue();
		assertThat(run("status", "--ratchet.output=json").out().replaceAll("\\s", "")).contains("\"undoable\":true");
	}

	@Test
	void undoWithoutTargetIsRefusedWithExitTwo() {
		run("migrate");
		CommandRun undo = run("undo");
		assertThat(undo.exitCode()).isEqualTo(2);
		assertThat(undo.out()).contains("The target is latest, which undoes nothing").contains("ratchet.target");
		assertThat(Sql.exists(this.db, "chatbot")).isTrue();
	}

	@Test
	void refusedUndoExitsTwoNamingEachProblemAndUndoesNothing() {
		this.db.files().write("V3__create_audit.sql", "CREATE TABLE audit (id int);");
		run("migrate");
		this.db.files().write("U2__drop_chatbot.sql", "DROP TABLE chatbot; -- edited");
		CommandRun undo = run("undo", "--ratchet.target=1");
		assertThat(undo.exitCode()).isEqualTo(2);
		assertThat(undo.out()).contains("Problems:")
			.contains("V3__create_audit.sql (version 3) has no undo script")
			.contains("Undo script U2__drop_chatbot.sql has changed since V2__create_chatbot.sql (version 2)")
			.contains("Exit code 2: the undo is refused");
		assertThat(Sql.exists(this.db, "audit")).isTrue();
		assertThat(Sql.exists(this.db, "chatbot")).isTrue();
	}

	@Test
	void planWithUndoDryRunsTheUndoAndChangesNothing() {
		run("migrate");
		CommandRun plan = run("plan", "--ratchet.undo=true", "--ratchet.target=previous");
		assertThat(plan.exitCode()).isZero();
		assertThat(plan.out()).contains("U2__drop_chatbot.sql").contains("Exit code 0: the undo would succeed");
		assertThat(Sql.exists(this.db, "chatbot")).isTrue();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history WHERE type = 'UNDO_SQL'")).isZero();
	}

	@Test
	void targetStopsTheMigrateCommand() {
		CommandRun migrate = run("migrate", "--ratchet.target=1");
		assertThat(migrate.exitCode()).isZero();
		assertThat(Sql.exists(this.db, "session")).isTrue();
		assertThat(Sql.exists(this.db, "chatbot")).isFalse();
		assertThat(migrate.out()).containsPattern("2 +PENDING");
	}

	private CommandRun run(String command, String... args) {
		return CommandRun.command(RatchetCommandIntegrationTests.CommandApplication.class, this.db, command, args);
	}

}
