package dev.ratchet.corpus;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ratchet.MigrationResolutionException;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every set of the corpus is applied by Flyway to one fresh database and by Ratchet to another;
 * the two must hold the same schema and the same rows, and both tools must record the same
 * scripts. A set Ratchet refuses on purpose says so in its {@code set.properties}: then Flyway
 * applies it, and Ratchet's error must name the script and line and say what to do, with nothing
 * applied. When the machine's {@code pg_dump} matches the server's major version, the two
 * databases' {@code pg_dump --schema-only} must be identical too. The default build runs a few
 * sets; {@code -Pcorpus} runs all of them, those written in-house and those read from other
 * projects' jars ({@link JarSet}).
 */
class CorpusIntegrationTests {

	static Stream<CorpusSet> sets() {
		return CorpusSet.selected();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sets")
	void flywayAndRatchetLeaveTheSameDatabase(CorpusSet set) throws SQLException {
		try (TestDatabase.Db byFlyway = TestDatabase.createDatabase();
				TestDatabase.Db byRatchet = TestDatabase.createDatabase()) {
			flyway(set, byFlyway).migrate();
			Catalog expected = catalog(byFlyway, set);
			assertThat(expected.count("relations")).as("set %s creates something", set).isPositive();
			if (set.refusal() != null) {
				assertThatExceptionOfType(MigrationResolutionException.class).isThrownBy(() -> ratchet(set, byRatchet).migrate())
					.withMessageStartingWith(set.refusedScript() + " line " + set.refusedLine() + ": " + set.refusal())
					.satisfies((ex) -> assertThat(ex.getScript()).isEqualTo(set.refusedScript()));
				assertThat(Sql.column(byRatchet, "SELECT count(*) FROM pg_class c JOIN pg_namespace n "
						+ "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname !~ '^ratchet_'"))
					.as("nothing of a refused set is applied").containsExactly("0");
				System.out.println("Corpus set " + set + ": refused as expected (" + set.refusal() + ")");
				return;
			}
			ratchet(set, byRatchet).migrate();
			Catalog actual = catalog(byRatchet, set);
			for (Map.Entry<String, List<String>> kind : expected.kinds().entrySet()) {
				assertThat(actual.kinds().get(kind.getKey())).as("%s: %s", set, kind.getKey())
					.containsExactlyElementsOf(kind.getValue());
			}
			assertThat(actual.kinds().keySet()).as("%s: tables with rows", set).isEqualTo(expected.kinds().keySet());
			String dumpable = SchemaDump.usable(byRatchet);
			if (dumpable == null) {
				List<String> flywayDump = SchemaDump.dump(byFlyway);
				assertThat(flywayDump).as("%s: pg_dump of Flyway's database", set)
					.anyMatch((line) -> line.startsWith("CREATE TABLE"));
				assertThat(SchemaDump.dump(byRatchet)).as("%s: pg_dump --schema-only", set)
					.containsExactlyElementsOf(flywayDump);
			}
			System.out.println("Corpus set " + set + ": identical " + actual.summary()
					+ ((dumpable == null) ? ", pg_dump --schema-only identical" : " (pg_dump skipped: " + dumpable + ")")
					+ " [" + set.style() + "]");
			assertThat(Sql.column(byRatchet, "SELECT script FROM ratchet_history WHERE success ORDER BY installed_rank"))
				.as("%s: scripts recorded", set)
				.isEqualTo(Sql.column(byFlyway,
						"SELECT script FROM flyway_schema_history WHERE success ORDER BY installed_rank"));
		}
	}

	private static Flyway flyway(CorpusSet set, TestDatabase.Db db) {
		return Flyway.configure()
			.dataSource(db.dataSource())
			.locations(set.location())
			.placeholderReplacement(set.placeholderReplacement())
			.placeholders(set.placeholders())
			// Flyway's default lock is a transaction that CREATE INDEX CONCURRENTLY would wait for forever.
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.load();
	}

	private static Ratchet ratchet(CorpusSet set, TestDatabase.Db db) {
		return new Ratchet(RatchetConfiguration.builder(db.dataSource())
			.locations(set.location())
			.placeholderReplacement(set.placeholderReplacement())
			.placeholders(set.placeholders())
			.build());
	}

	private static Catalog catalog(TestDatabase.Db db, CorpusSet set) throws SQLException {
		try (Connection connection = db.connect()) {
			return Catalog.read(connection, set.clockColumns());
		}
	}

}
