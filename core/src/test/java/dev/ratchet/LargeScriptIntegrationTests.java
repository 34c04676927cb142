package dev.ratchet;

import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.ChildLogs;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.MigrateMain;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A script much larger than the heap applies: the checksum and the statement reader stream.
 */
class LargeScriptIntegrationTests {

	private static final int STATEMENTS = 6_000;

	private static final int ROWS_PER_STATEMENT = 100;

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__events.sql",
			"CREATE TABLE event (id bigint, payload text);");

	@Test
	void scriptThreeTimesTheHeapAppliesInAConstrainedJvm() throws Exception {
		Path big = this.db.files().directory().resolve("V2__load_events.sql");
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
		Path log = ChildLogs.file("LargeScript-migrator");
		Process child = new ProcessBuilder(new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx20m",
				"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(),
				this.db.url(), this.db.username(), this.db.files().location())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(child.exitValue()).as(() -> log(log)).isZero();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM event")).isEqualTo((long) STATEMENTS * ROWS_PER_STATEMENT);
		assertThat(Sql.column(this.db, "SELECT payload FROM event WHERE id = 1"))
			.containsExactly(payload + "; it's $$ not /* a comment */");
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
