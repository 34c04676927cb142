package dev.ratchet.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import dev.ratchet.MigrationContext;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.test.KeysetTestMigration;
import dev.ratchet.test.TestDatabase;

/**
 * Backfilling a table of N rows (1,000,000 at full size): set {@code owner} from another column and
 * bump a counter on every row. Contenders, alternated round by round, each on a freshly loaded table
 * in a new database: one set-based UPDATE, a row-by-row loop (one auto-commit UPDATE per row, as a
 * hand-run script does it), and Ratchet's batched data migration, both as most users write one
 * ({@code process()} per item) and set-based ({@code processBatch()} updating the batch's key range).
 * The loop is timed over its first {@code bench.loopRows} rows (50,000 at full size; all N would take
 * about half an hour per round) and compared by rows per second. Every run is checked afterwards:
 * each row it covered touched exactly once.
 * @param settings the sizes and rounds
 * @param report where the tables go
 */
record BackfillScenario(Settings settings, Report report) {

	private static final String OWNER = "'user-' || creator_id";

	private static final String SET_BASED = "set-based UPDATE (one statement)";

	private static final String LOOP = "row-by-row loop (commit per row)";

	private static final String RATCHET_ITEMS = "Ratchet batched, process() per item";

	private static final String RATCHET_JDBC_BATCH = "Ratchet batched, per-item UPDATEs as one JDBC batch";

	private static final String RATCHET_SET = "Ratchet batched, set-based processBatch()";

	void run() throws Exception {
		long rows = this.settings.backfillRows();
		long loopRows = Math.min(rows, Long.getLong("bench.loopRows", this.settings.full() ? 50_000 : 2_000));
		int batchSize = Integer.getInteger("bench.batchSize", 1000);
		Progress.log("backfill: " + rows + " rows (loop over " + loopRows + "), batches of " + batchSize);
		Map<String, List<Double>> seconds = new LinkedHashMap<>();
		List<Rounds.Contender> contenders = List.of(
				contender(SET_BASED, rows, rows, seconds, (ds) -> {
					try (Connection connection = ds.getConnection(); Statement statement = connection.createStatement()) {
						statement.executeUpdate("UPDATE item SET owner = " + OWNER + ", touched = touched + 1");
					}
				}),
				contender(LOOP, rows, loopRows, seconds, (ds) -> {
					try (Connection connection = ds.getConnection();
							PreparedStatement update = connection.prepareStatement(
									"UPDATE item SET owner = " + OWNER + ", touched = touched + 1 WHERE id = ?")) {
						for (long id = 1; id <= loopRows; id++) {
							update.setLong(1, id);
							update.executeUpdate();
						}
					}
				}),
				contender(RATCHET_ITEMS, rows, rows, seconds, (ds) -> ratchet(ds, new Items(batchSize, Mode.ITEM))),
				contender(RATCHET_JDBC_BATCH, rows, rows, seconds,
						(ds) -> ratchet(ds, new Items(batchSize, Mode.JDBC_BATCH))),
				contender(RATCHET_SET, rows, rows, seconds, (ds) -> ratchet(ds, new Items(batchSize, Mode.SET))));
		Map<String, List<Double>> rate = Rounds.alternate(0, this.settings.rounds(3), contenders);
		this.report.section("Backfill " + String.format("%,d", rows) + " rows");
		this.report.line("Setting `owner = 'user-' || creator_id` and `touched = touched + 1` on every row of `item (id bigint "
				+ "primary key, creator_id bigint, owner text, touched int)`, " + String.format("%,d", rows)
				+ " rows, loaded fresh (and vacuumed) in a new database before each timed run. Ratchet runs a batched "
				+ "data migration with batches of " + batchSize + " (keyset on the primary key, a commit per batch "
				+ "recording the cursor). The row-by-row loop is timed over its first " + String.format("%,d", loopRows)
				+ " rows. Afterwards every covered row must show `touched = 1`.");
		this.report.line("");
		this.report.line("Rows per second (higher is better):");
		this.report.line("");
		this.report.table(rate, "rows/s", List.of(new String[] { RATCHET_SET, LOOP }, new String[] { RATCHET_JDBC_BATCH, LOOP },
				new String[] { RATCHET_ITEMS, LOOP }, new String[] { RATCHET_SET, SET_BASED },
				new String[] { RATCHET_JDBC_BATCH, SET_BASED }, new String[] { RATCHET_ITEMS, SET_BASED }));
		this.report.line("Seconds per run (the loop's over its " + String.format("%,d", loopRows) + " rows; "
				+ "at its median rate all " + String.format("%,d", rows) + " would take "
				+ Stats.format(rows / Stats.of(rate.get(LOOP)).median() / 60) + " min):");
		this.report.line("");
		this.report.table(seconds, "s", List.of());
		double vsLoop = Stats.of(Stats.ratios(rate.get(RATCHET_SET), rate.get(LOOP))).median();
		double vsSet = Stats.of(Stats.ratios(rate.get(RATCHET_SET), rate.get(SET_BASED))).median();
		double jdbcVsLoop = Stats.of(Stats.ratios(rate.get(RATCHET_JDBC_BATCH), rate.get(LOOP))).median();
		double jdbcVsSet = Stats.of(Stats.ratios(rate.get(RATCHET_JDBC_BATCH), rate.get(SET_BASED))).median();
		double itemsVsLoop = Stats.of(Stats.ratios(rate.get(RATCHET_ITEMS), rate.get(LOOP))).median();
		double itemsVsSet = Stats.of(Stats.ratios(rate.get(RATCHET_ITEMS), rate.get(SET_BASED))).median();
		this.report.line("Goal (≥ 20× the row-by-row loop, ≥ 50% of the set-based UPDATE), medians of the per-round "
				+ "ratios: set-based `processBatch()` " + verdict(vsLoop >= 20) + " vs the loop (" + Stats.format(vsLoop)
				+ "×) and " + verdict(vsSet >= 0.5) + " vs the UPDATE (" + Stats.format(vsSet * 100) + "%); per-item "
				+ "UPDATEs as one JDBC batch " + verdict(jdbcVsLoop >= 20) + " vs the loop (" + Stats.format(jdbcVsLoop)
				+ "×) and " + verdict(jdbcVsSet >= 0.5) + " vs the UPDATE (" + Stats.format(jdbcVsSet * 100) + "%); per-item "
				+ "`process()` " + verdict(itemsVsLoop >= 20) + " vs the loop (" + Stats.format(itemsVsLoop) + "×) and "
				+ verdict(itemsVsSet >= 0.5) + " vs the UPDATE (" + Stats.format(itemsVsSet * 100) + "%).");
	}

	private static String verdict(boolean met) {
		return met ? "**met**" : "**not met**";
	}

	@FunctionalInterface
	interface Work {

		void run(DataSource dataSource) throws Exception;

	}

	/**
	 * A contender whose trial loads the table in a new database (untimed), runs the work (timed),
	 * checks that exactly the covered rows were touched once (untimed), and returns rows per second.
	 */
	private static Rounds.Contender contender(String name, long rows, long covered, Map<String, List<Double>> seconds,
			Work work) {
		seconds.put(name, new ArrayList<>());
		return new Rounds.Contender(name, () -> {
			try (TestDatabase.Db db = Databases.create(); HikariDataSource pool = Databases.pool(db)) {
				load(pool, rows);
				long start = System.nanoTime();
				work.run(pool);
				double elapsed = (System.nanoTime() - start) / 1e9;
				checkTouchedOnce(name, pool, covered);
				seconds.get(name).add(elapsed);
				return covered / elapsed;
			}
		});
	}

	static void load(DataSource dataSource, long rows) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE item (id bigint PRIMARY KEY, creator_id bigint NOT NULL, owner text, "
					+ "touched int NOT NULL DEFAULT 0)");
			statement.execute("INSERT INTO item (id, creator_id) SELECT i, mod(i, 1000) FROM generate_series(1, " + rows
					+ ") i");
			statement.execute("VACUUM ANALYZE item");
			statement.execute("CHECKPOINT");
		}
	}

	private static void ratchet(DataSource dataSource, Items items) {
		new Ratchet(RatchetConfiguration.builder(dataSource)
			.locations("classpath:db/none")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.javaMigrations(items)
			.build()).migrate();
	}

	/**
	 * Checks a run after the clock stopped: {@code expected} rows touched exactly once, none more often.
	 */
	static void checkTouchedOnce(String name, DataSource pool, long expected) throws SQLException {
		long once = Databases.count(pool, "SELECT count(*) FROM item WHERE touched = 1");
		long more = Databases.count(pool, "SELECT count(*) FROM item WHERE touched > 1");
		if (once != expected || more != 0) {
			throw new IllegalStateException(name + ": " + once + " rows touched once (expected " + expected + "), "
					+ more + " more than once");
		}
	}

	/**
	 * How the batched migration processes a batch.
	 */
	enum Mode {

		/** One UPDATE per item, each its own round trip (the default {@code processBatch}). */
		ITEM,

		/** One UPDATE per item, all of a batch sent together with {@code addBatch}/{@code executeBatch}. */
		JDBC_BATCH,

		/** One UPDATE for the batch's key range. */
		SET

	}

	/**
	 * The backfill as a batched migration: keyset on the primary key, per item, per item as a JDBC
	 * batch, or set-based.
	 */
	static final class Items extends KeysetTestMigration {

		private final Mode mode;

		Items(int batchSize, Mode mode) {
			super("1", "backfill owners", "item", BatchOptions.defaults().withBatchSize(batchSize));
			this.mode = mode;
		}

		@Override
		public void processBatch(MigrationContext context, List<Long> ids) throws Exception {
			if (this.mode == Mode.ITEM) {
				super.processBatch(context, ids);
				return;
			}
			if (this.mode == Mode.JDBC_BATCH) {
				try (PreparedStatement statement = context.connection()
					.prepareStatement("UPDATE item SET owner = " + OWNER + ", touched = touched + 1 WHERE id = ?")) {
					for (Long id : ids) {
						statement.setLong(1, id);
						statement.addBatch();
					}
					statement.executeBatch();
				}
				return;
			}
			try (PreparedStatement statement = context.connection()
				.prepareStatement("UPDATE item SET owner = " + OWNER + ", touched = touched + 1 WHERE id BETWEEN ? AND ?")) {
				statement.setLong(1, ids.get(0));
				statement.setLong(2, ids.get(ids.size() - 1));
				statement.executeUpdate();
			}
		}

		@Override
		public void process(MigrationContext context, Long id) throws SQLException {
			try (PreparedStatement statement = context.connection()
				.prepareStatement("UPDATE item SET owner = " + OWNER + ", touched = touched + 1 WHERE id = ?")) {
				statement.setLong(1, id);
				statement.executeUpdate();
			}
		}

	}

}
