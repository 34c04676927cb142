package dev.ratchet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A corpus of bad (and a few merely unusual) inputs, kept as data under {@code bad-input/<case>/}:
 * {@code migrations/} is the location to migrate, {@code before/} (optional) is applied first, and
 * {@code case.properties} says what must happen. A bad input must fail with a clear error naming
 * the file (and line, where one applies) and leave the database exactly as it was: no table, no
 * history row. An unusual one (BOM, CRLF, a history row from newer code) must simply work.
 */
class BadInputIntegrationTests {

	private static TestDatabase.Db db;

	@TempDir
	Path dir;

	@BeforeAll
	static void createDatabase() {
		db = TestDatabase.createDatabase();
	}

	@AfterAll
	static void dropDatabase() {
		db.close();
	}

	@BeforeEach
	void resetSchema() {
		Sql.execute(db, "DROP SCHEMA public CASCADE; CREATE SCHEMA public");
	}

	static Stream<String> cases() throws IOException, URISyntaxException {
		try (Stream<Path> cases = Files.list(corpus())) {
			return cases.map((path) -> path.getFileName().toString()).sorted().toList().stream();
		}
	}

	@Test
	void corpusHasAtLeastThirtyCases() throws Exception {
		assertThat(cases()).hasSizeGreaterThanOrEqualTo(30);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void badInputFailsClearlyAndAppliesNothing(String name) throws Exception {
		Path dir = corpus().resolve(name);
		Map<String, String> expected = read(dir.resolve("case.properties"));
		if (Files.isDirectory(dir.resolve("before"))) {
			ratchet(dir.resolve("before")).migrate();
		}
		if (expected.containsKey("setup")) {
			Sql.execute(db, expected.get("setup"));
		}
		// A migration failing as it runs may leave the history table Ratchet created for it, empty.
		boolean failsWhileApplying = "MigrationFailedException".equals(expected.get("exception"));
		List<String> before = state(!failsWhileApplying);
		Ratchet ratchet = ratchet(dir.resolve("migrations"));
		if ("applied".equals(expected.get("outcome"))) {
			ratchet.migrate();
			String[] check = expected.get("check").split("\\|");
			assertThat(Sql.column(db, check[0])).containsExactly(check[1]);
			return;
		}
		Class<?> type = Class.forName("dev.ratchet." + expected.get("exception"));
		assertThatThrownBy(ratchet::migrate).isInstanceOf(type).satisfies((ex) -> {
			assertThat(ex.getMessage()).contains(expected.get("message").split("\\|"));
			if (expected.containsKey("line")) {
				assertThat(line(ex)).as("line of " + ex.getMessage()).isEqualTo(Integer.parseInt(expected.get("line")));
			}
		});
		assertThat(state(!failsWhileApplying)).as("the database after the failed run").isEqualTo(before);
	}

	@Test
	void tenMegabyteStatementApplies() throws Exception {
		MigrationFiles files = new MigrationFiles(this.dir).write("V1__document.sql",
				"CREATE TABLE document (body text);");
		Path big = this.dir.resolve("V2__one_big_insert.sql");
		try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
			out.write("INSERT INTO document VALUES ('");
			String line = "It's ten megabytes; of one string, with $$ and /* and -- inside.\n".replace("'", "''");
			for (long written = 0; written < 10 * 1024 * 1024; written += line.length()) {
				out.write(line);
			}
			out.write("');\n");
		}
		assertThat(Files.size(big)).isGreaterThan(10L * 1024 * 1024);
		new Ratchet(RatchetConfiguration.builder(db.dataSource()).locations(files.location()).build()).migrate();
		assertThat(Sql.number(db, "SELECT length(body) FROM document")).isGreaterThan(10_000_000L);
		assertThat(Sql.column(db, "SELECT version FROM ratchet_history ORDER BY installed_rank")).containsExactly("1",
				"2");
	}

	private static int line(Throwable ex) {
		if (ex instanceof MigrationResolutionException resolution) {
			return resolution.getLine();
		}
		if (ex instanceof MigrationFailedException failed) {
			return failed.getFailure().line();
		}
		return 0;
	}

	private static Ratchet ratchet(Path location) {
		return new Ratchet(RatchetConfiguration.builder(db.dataSource()).locations("filesystem:" + location).build());
	}

	/**
	 * Every relation of the schema, and every history row, as text.
	 */
	private static List<String> state(boolean withHistoryTable) {
		List<String> state = new java.util.ArrayList<>(Sql.column(db, "SELECT relname || ':' || relkind::text FROM pg_class"
				+ " WHERE relnamespace = 'public'::regnamespace"
				+ (withHistoryTable ? "" : " AND relname NOT LIKE 'ratchet_history%'") + " ORDER BY 1"));
		if (Sql.exists(db, "ratchet_history")) {
			state.addAll(Sql.column(db, "SELECT h::text FROM ratchet_history h ORDER BY 1"));
		}
		return state;
	}

	private static Map<String, String> read(Path file) throws IOException {
		// Not java.util.Properties: the expected messages hold backslashes, as in '\connect'.
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			int equals = line.indexOf('=');
			if (equals > 0 && !line.startsWith("#")) {
				values.put(line.substring(0, equals), line.substring(equals + 1));
			}
		}
		return values;
	}

	private static Path corpus() throws URISyntaxException {
		return Path.of(BadInputIntegrationTests.class.getResource("/bad-input").toURI());
	}

}
