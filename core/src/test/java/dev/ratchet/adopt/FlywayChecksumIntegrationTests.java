package dev.ratchet.adopt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ratchet's implementation of Flyway's checksum gives what Flyway itself records, for scripts
 * that stress it: byte order marks, every kind of line ending, no final newline, blank lines,
 * lines longer than Flyway's read buffer, characters outside ASCII.
 */
class FlywayChecksumIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void checksumsMatchWhatFlywayRecords() throws IOException {
		Map<String, byte[]> scripts = new LinkedHashMap<>();
		scripts.put("V1__lf.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n".getBytes("UTF-8"));
		scripts.put("V2__crlf_and_bom.sql", "\uFEFFCREATE TABLE c (id int);\r\n\r\n-- done\r\n".getBytes("UTF-8"));
		scripts.put("V3__cr_only.sql", "CREATE TABLE d (id int);\r-- old Mac\r".getBytes("UTF-8"));
		scripts.put("V4__no_final_newline.sql", "CREATE TABLE e (id int);\n-- end".getBytes("UTF-8"));
		scripts.put("V5__unicode.sql",
				"CREATE TABLE f (note text DEFAULT 'Grüße, 日本, 🙂');\n\t  \n".getBytes("UTF-8"));
		scripts.put("V6__long_line.sql", ("SELECT '" + "x".repeat(10_000) + "';\n").getBytes("UTF-8"));
		scripts.put("V7__mixed_endings.sql", "SELECT 1;\r\nSELECT 2;\nSELECT 3;\r\n\n\n".getBytes("UTF-8"));
		scripts.put("V8__bom_only_line.sql", "\uFEFF\nSELECT 1;\n".getBytes("UTF-8"));
		for (Map.Entry<String, byte[]> script : scripts.entrySet()) {
			Files.write(this.dir.resolve(script.getKey()), script.getValue());
		}
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			Flyway.configure()
				.dataSource(db.url(), db.username(), db.password())
				.locations("filesystem:" + this.dir.toAbsolutePath())
				.load()
				.migrate();
			Map<String, Integer> recorded = new LinkedHashMap<>();
			for (String row : Sql.column(db, "SELECT script || '=' || checksum FROM flyway_schema_history")) {
				recorded.put(row.substring(0, row.indexOf('=')), Integer.valueOf(row.substring(row.indexOf('=') + 1)));
			}
			assertThat(recorded).hasSize(scripts.size());
			for (String script : scripts.keySet()) {
				try (InputStream in = Files.newInputStream(this.dir.resolve(script))) {
					assertThat(FlywayChecksum.of(in)).as(script).isEqualTo(recorded.get(script));
				}
			}
			// and a different script gives a different checksum
			assertThat(FlywayChecksum.of(new java.io.ByteArrayInputStream("SELECT 2;\n".getBytes("UTF-8"))))
				.isNotEqualTo(recorded.get("V7__mixed_endings.sql"));
		}
	}

}
