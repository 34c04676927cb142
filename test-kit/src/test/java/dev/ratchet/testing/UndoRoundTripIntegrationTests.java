package dev.ratchet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.MigrateResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UndoRoundTripIntegrationTests {

	@TempDir
	Path temp;

	@Test
	void undoScriptsThatRestoreTheSchemaRoundTrip() throws IOException {
		Path folder = migrations(goodMigrations());
		MigrateResult result = MigrationCheck.of("filesystem:" + folder).undoRoundTrip().checkOnFreshDatabase();
		assertThat(result.applied()).extracting((applied) -> applied.migration().script())
			.containsExactly("V1__create_shops.sql", "V2__add_plan.sql", "V3__shop_names.sql");
	}

	@Test
	void undoThatForgetsToDropAColumnFailsNamingTheVersionAndTheColumn() throws IOException {
		Map<String, String> files = goodMigrations();
		files.put("U2__add_plan.sql", "DROP INDEX shops_plan;");
		roundTripFails(migrations(files))
			.withMessageContaining("undo of version 2 (V2__add_plan.sql) did not restore the schema")
			.withMessageContaining("extra:   column shops.plan text not null default 'free'::text")
			.withMessageNotContaining("missing:");
	}

	@Test
	void undoThatDropsTooMuchFailsNamingWhatIsMissing() throws IOException {
		Map<String, String> files = goodMigrations();
		files.put("U3__shop_names.sql", "DROP VIEW shop_names;\nDROP FUNCTION shop_label(text);\nDROP INDEX shops_plan;");
		roundTripFails(migrations(files)).withMessageContaining("undo of version 3 (V3__shop_names.sql)")
			.withMessageContaining("missing: index shops CREATE INDEX shops_plan ON");
	}

	@Test
	void versionWithoutUndoFailsUnlessTheRoundTripStartsAboveIt() throws IOException {
		Map<String, String> files = goodMigrations();
		files.remove("U1__create_shops.sql");
		Path folder = migrations(files);
		roundTripFails(folder).withMessageContaining("version 1 (V1__create_shops.sql) cannot be undone")
			.withMessageContaining("undoRoundTripAbove(\"1\")");
		MigrateResult result = MigrationCheck.of("filesystem:" + folder).undoRoundTripAbove("1").checkOnFreshDatabase();
		assertThat(result.appliedCount()).isEqualTo(3);
	}

	private static ThrowableAssertAlternative<AssertionError> roundTripFails(Path folder) {
		return assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> MigrationCheck.of("filesystem:" + folder).undoRoundTrip().checkOnFreshDatabase());
	}

	private static Map<String, String> goodMigrations() {
		Map<String, String> files = new LinkedHashMap<>();
		files.put("V1__create_shops.sql", "CREATE TABLE shops (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
				+ "domain text NOT NULL UNIQUE);");
		files.put("U1__create_shops.sql", "DROP TABLE shops;");
		files.put("V2__add_plan.sql", "ALTER TABLE shops ADD COLUMN plan text NOT NULL DEFAULT 'free';\n"
				+ "CREATE INDEX shops_plan ON shops (plan);");
		files.put("U2__add_plan.sql", "DROP INDEX shops_plan;\nALTER TABLE shops DROP COLUMN plan;");
		files.put("V3__shop_names.sql", "CREATE FUNCTION shop_label(domain text) RETURNS text "
				+ "LANGUAGE sql IMMUTABLE AS $$ SELECT upper(domain) $$;\n"
				+ "CREATE VIEW shop_names AS SELECT id, shop_label(domain) AS label FROM shops;");
		files.put("U3__shop_names.sql", "DROP VIEW shop_names;\nDROP FUNCTION shop_label(text);");
		return files;
	}

	private Path migrations(Map<String, String> files) throws IOException {
		Path folder = Files.createDirectories(this.temp.resolve("migrations"));
		for (Map.Entry<String, String> file : files.entrySet()) {
			Files.writeString(folder.resolve(file.getKey()), file.getValue());
		}
		return folder;
	}

}
