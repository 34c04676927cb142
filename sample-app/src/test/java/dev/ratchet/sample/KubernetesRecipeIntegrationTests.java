package dev.ratchet.sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.ratchet.test.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Kubernetes recipe's steps against a fresh database as a pipeline would: the status gate
 * before the migrate Job, the Job's own command line from {@code migrate-job.yaml}, and the gate
 * after it.
 */
class KubernetesRecipeIntegrationTests {

	private static final Path GATE = KubernetesManifestsTests.DIRECTORY.resolve("status-gate.sh");

	@BeforeAll
	static void jarIsPackaged() {
		SampleJar.assertPackaged();
	}

	@Test
	void gateJobGateOnAFreshDatabase() throws Exception {
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			SampleJar.Run before = gate(db);
			assertThat(before.exitCode()).as(before::describe).isEqualTo(1);
			assertThat(before.stderr()).contains("pending migrations; run the migrate Job first");
			SampleJar.Run allowed = gate(db, "--allow-pending");
			assertThat(allowed.exitCode()).as(allowed::describe).isZero();

			List<String> job = new ArrayList<>(SampleJar.javaJar());
			job.addAll(KubernetesManifestsTests.jobArguments());
			job.addAll(SampleJar.datasourceArguments(db));
			SampleJar.Run migrate = SampleJar.run("KubernetesRecipe-job", job);
			assertThat(migrate.exitCode()).as(migrate::describe).isZero();
			assertThat(appliedCount(db)).isEqualTo(10);

			SampleJar.Run after = gate(db);
			assertThat(after.exitCode()).as(after::describe).isZero();
			assertThat(after.stderr()).contains("schema up to date");
		}
	}

	@Test
	void gateStopsOnAChangedMigration() throws Exception {
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			List<String> job = new ArrayList<>(SampleJar.javaJar());
			job.addAll(KubernetesManifestsTests.jobArguments());
			job.addAll(SampleJar.datasourceArguments(db));
			assertThat(SampleJar.run("KubernetesRecipe-job", job).exitCode()).isZero();
			try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
				statement.execute("UPDATE ratchet_history SET checksum = 'edited' WHERE version = '2'");
			}
			SampleJar.Run gate = gate(db, "--allow-pending");
			assertThat(gate.exitCode()).as(gate::describe).isEqualTo(2);
			assertThat(gate.stderr()).contains("invalid or failed");
		}
	}

	private static SampleJar.Run gate(TestDatabase.Db db, String... options) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", GATE.toString()));
		command.addAll(List.of(options));
		command.addAll(SampleJar.javaJar());
		command.addAll(SampleJar.datasourceArguments(db));
		return SampleJar.run("KubernetesRecipe-gate", command);
	}

	private static int appliedCount(TestDatabase.Db db) throws Exception {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT count(*) FROM ratchet_history WHERE success")) {
			result.next();
			return result.getInt(1);
		}
	}

}
