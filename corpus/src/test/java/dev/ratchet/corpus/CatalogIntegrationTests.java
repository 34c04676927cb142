package dev.ratchet.corpus;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison the corpus relies on tells apart databases that differ in one detail, and only in
 * the kind of object that differs; the tools' history tables are not part of it.
 */
class CatalogIntegrationTests {

	private static final String BASE = """
			CREATE TABLE item (id int PRIMARY KEY, name text DEFAULT 'x', qty int CHECK (qty > 0));
			CREATE TABLE item_log (id int);
			CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
			INSERT INTO item VALUES (1, 'a', 1);
			""";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			columns     | ALTER TABLE item ALTER COLUMN name SET DEFAULT 'y'
			constraints | ALTER TABLE item DROP CONSTRAINT item_qty_check
			indexes     | CREATE INDEX item_name ON item (name)
			functions   | CREATE OR REPLACE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$
			triggers    | CREATE TRIGGER t BEFORE INSERT ON item FOR EACH ROW EXECUTE FUNCTION f()
			views       | CREATE VIEW v AS SELECT id FROM item
			rules       | CREATE RULE r AS ON INSERT TO item DO ALSO (INSERT INTO item_log VALUES (NEW.id))
			types       | CREATE TYPE mood AS ENUM ('ok')
			sequences   | CREATE SEQUENCE s
			comments    | COMMENT ON TABLE item IS 'items'
			policies    | CREATE POLICY p ON item USING (id > 0)
			privileges  | GRANT SELECT ON item TO PUBLIC
			rows of public.item | UPDATE item SET qty = 2
			""")
	void oneChangeShowsInItsKindOnly(String kind, String change) throws SQLException {
		try (TestDatabase.Db left = TestDatabase.createDatabase(); TestDatabase.Db right = TestDatabase.createDatabase()) {
			Sql.execute(left, BASE);
			Sql.execute(right, BASE);
			Sql.execute(right, change);
			Map<String, List<String>> before = read(left).kinds();
			Map<String, List<String>> after = read(right).kinds();
			List<String> differing = after.keySet()
				.stream()
				.filter((k) -> !after.get(k).equals(before.get(k)))
				.toList();
			// A view or a sequence is also a relation, with its own privileges; a view has columns.
			Set<String> alsoChanged = switch (kind) {
				case "views" -> Set.of("relations", "columns", "privileges");
				case "sequences" -> Set.of("relations", "privileges");
				default -> Set.of();
			};
			assertThat(differing).contains(kind).allMatch((k) -> k.equals(kind) || alsoChanged.contains(k));
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Ratchet | CREATE TABLE ratchet_history (installed_rank int PRIMARY KEY, script text)
			Flyway  | CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, script text)
			""")
	void historyTablesAreLeftOut(String tool, String history) throws SQLException {
		try (TestDatabase.Db left = TestDatabase.createDatabase(); TestDatabase.Db right = TestDatabase.createDatabase()) {
			Sql.execute(left, BASE);
			Sql.execute(right, BASE + history + "; INSERT INTO " + history.split(" ")[2] + " VALUES (1, 'V1__a.sql');");
			assertThat(read(right).kinds()).isEqualTo(read(left).kinds());
		}
	}

	private static Catalog read(TestDatabase.Db db) throws SQLException {
		try (Connection connection = db.connect()) {
			return Catalog.read(connection);
		}
	}

}
