package dev.ratchet.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The sets read from jars come from the artifact they name, in the order they list.
 */
class JarSetTests {

	@Test
	void scriptsBecomeVersionedMigrationsInOrder() throws IOException {
		CorpusSet set = byName("jar-spring-batch").materialize();
		try (Stream<Path> files = Files.list(set.directory())) {
			assertThat(files.map((file) -> file.getFileName().toString()).sorted()).containsExactly(
					"V1__schema_postgresql.sql", "V2__schema_drop_postgresql.sql", "V3__schema_postgresql.sql");
		}
		assertThat(Files.readString(set.directory().resolve("V2__schema_drop_postgresql.sql")))
			.contains("DROP TABLE  IF EXISTS BATCH_JOB_INSTANCE");
		assertThat(set.style()).matches("org\\.springframework\\.batch:spring-batch-core:\\d+\\.\\d+\\.\\d+ \\(Apache-2\\.0\\): .*");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"wrong   | org/springframework/session/jdbc/schema-postgresql.sql "
					+ "| expects its scripts in org.quartz-scheduler:quartz's jar",
			"missing | org/quartz/impl/jdbcjobstore/tables_nothing.sql "
					+ "| is org.quartz-scheduler:quartz a test dependency" })
	void scriptThatIsNotInTheNamedArtifactsJarIsRefusedNamingTheArtifact(String name, String script, String message) {
		JarSet set = new JarSet(name, "org.quartz-scheduler:quartz", "Apache-2.0", "", List.of(script));
		assertThatIllegalStateException().isThrownBy(set::materialize).withMessageContaining(message);
	}

	@Test
	void clockColumnsAreGroupedByTable() {
		assertThat(byName("jar-camunda").materialize().clockColumns())
			.containsExactly(Map.entry("public.act_ge_schema_log", List.of("timestamp_")));
	}

	private static JarSet byName(String name) {
		return JarSet.all().stream().filter((set) -> set.name().equals(name)).findFirst().orElseThrow();
	}

}
