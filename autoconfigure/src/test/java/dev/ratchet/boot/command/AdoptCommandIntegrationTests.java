package dev.ratchet.boot.command;

import java.util.List;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --ratchet.command=adopt}: exit 0 when a Flyway history was adopted, 2 when something
 * adopted is changed, 3 when there is nothing to adopt.
 */
class AdoptCommandIntegrationTests {

	private static final String V1 = "CREATE TABLE account (id int PRIMARY KEY);";

	private static final String V2 = "ALTER TABLE account ADD COLUMN name text;";

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__account.sql", V1).withMigration("V2__name.sql", V2);

	/**
	 * Leaves the database as Flyway leaves it: the schema, and Flyway's history table with its
	 * CRC32 checksums of the (one-line) scripts.
	 */
	private void migratedByFlyway() {
		Sql.execute(this.db, V1 + V2);
		Sql.execute(this.db, """
				CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50),
				    description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL,
				    checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(),
				    execution_time int NOT NULL, success boolean NOT NULL)""");
		Sql.execute(this.db, "INSERT INTO flyway_schema_history VALUES (1, '1', 'account', 'SQL', 'V1__account.sql', "
				+ crc(V1) + ", 'app', now(), 5, true), (2, '2', 'name', 'SQL', 'V2__name.sql', " + crc(V2)
				+ ", 'app', now(), 3, true)");
	}

	private static int crc(String line) {
		CRC32 crc = new CRC32();
		crc.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return (int) crc.getValue();
	}

	@Test
	void adoptExitsZeroWhenItAdoptedAFlywayHistory() {
		migratedByFlyway();
		CommandRun run = run("adopt");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("Ratchet adopt")
			.contains("Adopted 2 rows of Flyway's history from \"public\".\"flyway_schema_history\" (left as it was)")
			.contains("APPLIED");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM ratchet_history")).isEqualTo(2);
		assertThat(run("status").exitCode()).isZero();
	}

	@Test
	void adoptExitsTwoWhenAnAdoptedMigrationChanged() {
		migratedByFlyway();
		this.db.files().write("V2__name.sql", "ALTER TABLE account ADD COLUMN name varchar(100);");
		CommandRun run = run("adopt", "--ratchet.output=json");
		assertThat(run.exitCode()).isEqualTo(2);
		JsonNode report = JsonMapper.builder().build().readTree(run.out());
		assertThat(report.get("command").asString()).isEqualTo("adopt");
		assertThat(report.get("adoption").get("tool").asString()).isEqualTo("Flyway");
		assertThat(report.get("adoption").get("adopted").asInt()).isEqualTo(2);
		assertThat(report.get("adoption").get("changed").get(0).asString()).isEqualTo("V2__name.sql");
		assertThat(report.get("status").asString()).isEqualTo("INVALID");
	}

	@Test
	void migrateAdoptsTheFlywayHistoryFirstThenAppliesWhatIsNew() {
		migratedByFlyway();
		this.db.files().write("V3__email.sql", "ALTER TABLE account ADD COLUMN email text;");
		CommandRun run = run("migrate");
		assertThat(run.exitCode()).isZero();
		assertThat(run.err()).contains("Adopted 2 rows from \"public\".\"flyway_schema_history\" (Flyway)");
		assertThat(Sql.column(this.db, "SELECT script FROM ratchet_history ORDER BY installed_rank"))
			.containsExactly("V1__account.sql", "V2__name.sql", "V3__email.sql");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM flyway_schema_history")).isEqualTo(2);
	}

	@Test
	void adoptExitsThreeWhenThereIsNothingToAdopt() {
		CommandRun run = run("adopt");
		assertThat(run.exitCode()).isEqualTo(3);
		assertThat(run.out()).contains("Nothing to adopt").contains("nothing to adopt, or Ratchet could not run");
		assertThat(Sql.exists(this.db, "ratchet_history")).isFalse();
	}

	private CommandRun run(String command, String... args) {
		return CommandRun.command(List.of(), this.db, command, args);
	}

}
