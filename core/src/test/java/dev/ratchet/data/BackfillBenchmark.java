package dev.ratchet.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import dev.ratchet.MigrationContext;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetConfiguration;
import dev.ratchet.test.TestDatabase;

/**
 * Measures one backfill of a table of a million rows done four ways, on the same data: a single
 * set-based UPDATE, a row-by-row loop in auto-commit (as a hand-run script does it), and Ratchet's
 * batched migration with per-item and with set-based batch processing. Not a test: run it by hand,
 * for example against the machine's PostgreSQL:
 * <pre>
 * RATCHET_TEST_JDBC_URL=jdbc:postgresql://127.0.0.1:5432/test java -cp … dev.ratchet.data.BackfillBenchmark [rows] [loop rows]
 * </pre>
 */
public final class BackfillBenchmark {

	private static final String TABLE = """
			DROP TABLE IF EXISTS item;
			CREATE TABLE item (id bigint PRIMARY KEY, creator_id bigint NOT NULL, owner text, touched int NOT NULL DEFAULT 0);
			INSERT INTO item (id, creator_id) SELECT i, mod(i, 1000) FROM generate_series(1, %d) i;
			""";

	private static final String OWNER = "'user-' || creator_id";

	private BackfillBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int loopRows = (args.length > 1) ? Integer.parseInt(args[1]) : rows;
		System.out.println("Backfill of " + rows + " rows on " + TestDatabase.describe());
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			DataSource dataSource = db.dataSource();
			measure("single set-based UPDATE", rows, dataSource, rows, () -> {
				try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
					statement.executeUpdate("UPDATE item SET owner = " + OWNER + ", touched = touched + 1");
				}
			});
			measure("row-by-row loop, one auto-commit UPDATE per row", rows, dataSource, loopRows, () -> {
				try (Connection connection = dataSource.getConnection();
						PreparedStatement update = connection.prepareStatement(
								"UPDATE item SET owner = " + OWNER + ", touched = touched + 1 WHERE id = ?")) {
					for (long id = 1; id <= loopRows; id++) {
						update.setLong(1, id);
						update.executeUpdate();
					}
				}
			});
			for (int batchSize : new int[] { 1000, 10_000 }) {
				measure("Ratchet batched, process() per item, batches of " + batchSize, rows, dataSource, rows,
						() -> ratchet(dataSource, new Items(batchSize, false)));
				measure("Ratchet batched, set-based processBatch(), batches of " + batchSize, rows, dataSource, rows,
						() -> ratchet(dataSource, new Items(batchSize, true)));
			}
		}
	}

	private static void ratchet(DataSource dataSource, Items items) {
		new Ratchet(RatchetConfiguration.builder(dataSource)
			.locations("classpath:db/none")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.javaMigrations(items)
			.build())
			.migrate();
	}

	private static void measure(String name, int rows, DataSource dataSource, int measured, Work work) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP TABLE IF EXISTS ratchet_history, ratchet_history_data, ratchet_history_data_failures, "
					+ "ratchet_history_snapshot");
			statement.execute(TABLE.formatted(rows));
			statement.execute("VACUUM ANALYZE item");
		}
		long start = System.nanoTime();
		work.run();
		double seconds = (System.nanoTime() - start) / 1e9;
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FILTER (WHERE touched = 1), max(touched) FROM item")) {
			rs.next();
			if (rs.getLong(1) != measured || rs.getInt(2) != 1) {
				throw new IllegalStateException(name + ": " + rs.getLong(1) + " rows touched once, max " + rs.getInt(2));
			}
		}
		System.out.printf("%-58s %,10d rows %9.1f s %,12.0f rows/s%n", name, measured, seconds, measured / seconds);
	}

	@FunctionalInterface
	private interface Work {

		void run() throws Exception;

	}

	/**
	 * The backfill as a batched migration: keyset on the primary key, per item or set-based.
	 */
	private static final class Items implements BatchedMigration<Long> {

		private final int batchSize;

		private final boolean setBased;

		Items(int batchSize, boolean setBased) {
			this.batchSize = batchSize;
			this.setBased = setBased;
		}

		@Override
		public String version() {
			return "1";
		}

		@Override
		public String description() {
			return "backfill owners";
		}

		@Override
		public BatchOptions options() {
			return BatchOptions.defaults().withBatchSize(this.batchSize);
		}

		@Override
		public List<Long> nextBatch(MigrationContext context, String after, int limit) throws SQLException {
			try (PreparedStatement statement = context.connection()
				.prepareStatement("SELECT id FROM item WHERE id > ? ORDER BY id LIMIT ?")) {
				statement.setLong(1, (after != null) ? Long.parseLong(after) : 0);
				statement.setInt(2, limit);
				List<Long> ids = new ArrayList<>(limit);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						ids.add(rs.getLong(1));
					}
				}
				return ids;
			}
		}

		@Override
		public String keyOf(Long id) {
			return String.valueOf(id);
		}

		@Override
		public void processBatch(MigrationContext context, List<Long> ids) throws Exception {
			if (!this.setBased) {
				BatchedMigration.super.processBatch(context, ids);
				return;
			}
			try (PreparedStatement statement = context.connection().prepareStatement(
					"UPDATE item SET owner = " + OWNER + ", touched = touched + 1 WHERE id BETWEEN ? AND ?")) {
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
