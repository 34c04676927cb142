package dev.ratchet.boot.command;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ratchet.boot.test.AssignOwnersMigration;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.FailurePolicy;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger of failed items in command reports, and {@code --ratchet.command=retry-failed}.
 */
class RetryFailedCommandIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__chatbots.sql", AssignOwnersMigration.CHATBOTS);

	@Test
	void statusShowsTheLedgerAndRetryFailedProcessesItsItemsAgain() {
		assertThat(run("migrate").exitCode()).isZero();
		CommandRun status = run("status");
		assertThat(status.exitCode()).isZero();
		assertThat(status.out()).contains("Data migrations:")
			.contains("1.1 COMPLETED: 18 of 20 processed, 2 failed")
			.contains("failed item 4: creator 4 has no associated user")
			.contains("failed item 9: creator 9 has no associated user");
		CommandRun stillFailing = run("retry-failed");
		assertThat(stillFailing.exitCode()).isEqualTo(2);
		assertThat(stillFailing.out()).contains("Ratchet retry-failed")
			.contains("Retried 2 failed items of " + AssignOwners.class.getName()
					+ " (version 1.1): 0 now succeed, 2 still fail (kept in the ledger)");
		Sql.execute(this.db, "INSERT INTO creator_user VALUES (4, 'user4@example.com'), (9, 'user9@example.com')");
		CommandRun retried = run("retry-failed", "--ratchet.output=json");
		assertThat(retried.exitCode()).isZero();
		JsonNode report = JsonMapper.builder().build().readTree(retried.out());
		assertThat(report.get("command").asString()).isEqualTo("retry-failed");
		assertThat(report.get("retried").get(0).get("succeeded").asInt()).isEqualTo(2);
		JsonNode data = report.get("dataMigrations").get(0);
		assertThat(data.get("version").asString()).isEqualTo("1.1");
		assertThat(data.get("state").asString()).isEqualTo("COMPLETED");
		assertThat(data.get("processed").asInt()).isEqualTo(20);
		assertThat(data.get("failed").asInt()).isZero();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot WHERE owner IS NULL")).isZero();
	}

	@Test
	void jsonStatusCarriesTheProgressOfDataMigrations() {
		run("migrate");
		JsonNode data = JsonMapper.builder().build().readTree(run("status", "--ratchet.output=json").out())
			.get("dataMigrations")
			.get(0);
		assertThat(data.get("script").asString()).isEqualTo(AssignOwners.class.getName());
		assertThat(data.get("background").asBoolean()).isFalse();
		assertThat(data.get("total").asInt()).isEqualTo(20);
		assertThat(data.get("batches").asInt()).isEqualTo(4);
		assertThat(data.get("lastKey").asString()).isEqualTo("20");
		assertThat(data.get("completedOn").asString()).endsWith("Z");
		assertThat(data.get("failedItems").get(0).get("key").asString()).isEqualTo("4");
		assertThat(data.get("failedItems").get(0).get("error").asString()).isEqualTo("creator 4 has no associated user");
		assertThat(data.get("failedItems").get(0).get("attempts").asInt()).isEqualTo(1);
	}

	private CommandRun run(String command, String... args) {
		return CommandRun.command(List.of(AssignOwners.class), this.db, command, args);
	}

	static class AssignOwners extends AssignOwnersMigration {

		AssignOwners() {
			super("assign every chatbot its owner",
					BatchOptions.defaults().withBatchSize(5).withFailurePolicy(FailurePolicy.skipUpTo(10)));
		}

	}

}
