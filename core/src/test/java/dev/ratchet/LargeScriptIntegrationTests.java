package dev.ratchet;

import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.test.ChildLogs;
import dev.ratchet.test.MigrateMain;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A script much larger than the heap applies: the checksum and the statement reader stream.
 */
class LargeScriptIntegrationTests {

	private static final int STATEMENTS = 6_000;

	private static final int ROWS_PER_STATEMENT = 100;

	@TempDir
	Path dir;

	@Test
	void scriptThreeTimesTheHeapAppliesInAConstrainedJvm() throws Exception {
		MigrationFiles files = new MigrationFiles(this.dir.resolve("migrations"))
			.write("V1__events.sql", "CREATE TABLE event (id bigint, payload text);");
		Path big = files.directory().resolve("V2__load_events.sql");
		String payload = "x".repeat(80);
		try (BufferedWriter out = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
			long id = 0;
			for (int s = 0; s < STATEMENTS; s++) {
				out.write("-- batch " + s + "\nINSERT INTO event (id, payload) VALUES\n");
				for (int r = 0; r < ROWS_PER_STATEMENT; r++) {
					out.write("  (" + (++id) + ", '" + payload + "; it''s $$ not /* a comment */')"
							+ ((r < ROWS_PER_STATEMENT - 1) ? ",\n" : ";\n"));
				}
			}
		}
		long size = Files.size(big);
		assertThat(size).isGreaterThan(60L * 1024 * 1024);
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			Path log = ChildLogs.file("LargeScript-migrator");
			Process child = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(),
					"-Xmx20m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
					MigrateMain.class.getName(), db.url(), db.username(), files.location())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
			assertThat(child.exitValue()).as(() -> log(log)).isZero();
			assertThat(Sql.number(db, "SELECT count(*) FROM event")).isEqualTo((long) STATEMENTS * ROWS_PER_STATEMENT);
			assertThat(Sql.column(db, "SELECT payload FROM event WHERE id = 1"))
				.containsExactly(payload + "; it's $$ not /* a comment */");
		}
	}

	private static String log(Path file) {
		try {
			return Files.readString(file);
		}
		catch (Exception ex) {
			return "(no log)";
		}
	}

}
