package dev.ratchet;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.data.BatchOptions;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.KeysetTestMigration;
import dev.ratchet.test.RoundTripDataSource;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history rows' ranks: a run asks the server for the next rank only for its first row and after a
 * row something else wrote (a batched migration's); the rows it writes after that carry the rank it
 * counted. Either way the ranks follow each other in the order the migrations applied, and a run
 * never reuses a rank another run wrote meanwhile.
 */
class HistoryRankIntegrationTests {

	// What the insert sends when it leaves the rank to the server.
	private static final String RANK_QUERY = "ORDER BY h.installed_rank DESC LIMIT";

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@Test
	void aRunAsksForTheRankOnceAndCountsOnFromThere() {
		for (int i = 1; i <= 5; i++) {
			this.db.files().write("V" + i + "__t" + i + ".sql", "CREATE TABLE t" + i + " (id int);");
		}
		RoundTripDataSource counted = new RoundTripDataSource(this.db.dataSource());
		new Ratchet(RatchetConfiguration.builder(counted).locations(this.db.files().location()).build()).migrate();
		assertThat(counted.roundTrips(RANK_QUERY)).isEqualTo(1);
		assertThat(ranksByVersion()).containsExactly("1:1", "2:2", "3:3", "4:4", "5:5");
	}

	@Test
	void aBatchedMigrationsRowInBetweenIsCountedByAskingAgain() {
		this.db.files()
			.write("V1__item.sql", "CREATE TABLE item (id bigint PRIMARY KEY, touched int NOT NULL DEFAULT 0);"
					+ "INSERT INTO item (id) SELECT generate_series(1, 10);")
			.write("V3__a.sql", "CREATE TABLE a (id int);")
			.write("V4__b.sql", "CREATE TABLE b (id int);");
		RoundTripDataSource counted = new RoundTripDataSource(this.db.dataSource());
		new Ratchet(RatchetConfiguration.builder(counted)
			.locations(this.db.files().location())
			.javaMigrations(new Touch())
			.build()).migrate();
		// V1 (the run's first row), V2 (written by the batched migration), V3 (the first row after it).
		assertThat(counted.roundTrips(RANK_QUERY)).isEqualTo(3);
		assertThat(ranksByVersion()).containsExactly("1:1", "2:2", "3:3", "4:4");
		assertThat(Sql.number(this.db, "SELECT sum(touched) FROM item")).isEqualTo(10);
	}

	@Test
	void eachRunAsksAgainSoRowsWrittenSinceItsLastRunAreNotOverwritten() {
		this.db.files().write("V1__a.sql", "CREATE TABLE a (id int);").write("V2__b.sql", "CREATE TABLE b (id int);");
		this.db.ratchet().migrate();
		// Another instance's run, with a migration of its own.
		this.db.files().write("V3__c.sql", "CREATE TABLE c (id int);");
		this.db.ratchet().migrate();
		this.db.files().write("V4__d.sql", "CREATE TABLE d (id int);").write("V5__e.sql", "CREATE TABLE e (id int);");
		RoundTripDataSource counted = new RoundTripDataSource(this.db.dataSource());
		new Ratchet(RatchetConfiguration.builder(counted).locations(this.db.files().location()).build()).migrate();
		assertThat(counted.roundTrips(RANK_QUERY)).isEqualTo(1);
		assertThat(ranksByVersion()).containsExactly("1:1", "2:2", "3:3", "4:4", "5:5");
	}

	private List<String> ranksByVersion() {
		return Sql.column(this.db, "SELECT installed_rank || ':' || version FROM ratchet_history ORDER BY installed_rank");
	}

	/**
	 * Version 2: counts every row of {@code item} once, four at a time.
	 */
	static final class Touch extends KeysetTestMigration {

		Touch() {
			super("2", "touch", "item", BatchOptions.defaults().withBatchSize(4));
		}

		@Override
		public void processBatch(MigrationContext context, List<Long> items) throws Exception {
			touch(context, items);
		}

	}

}
