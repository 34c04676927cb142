package dev.ratchet;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.BatchedMigration;
import dev.ratchet.test.ChildJvm;
import dev.ratchet.test.ChildLogs;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;

/**
 * A migrating process killed with SIGKILL at random moments, many times over: after every kill the
 * history agrees with the schema (every recorded migration is wholly there, no unrecorded one is
 * partly there), the lock is free, and the next run completes. The set holds multi-statement
 * transactional migrations, a non-transactional one and a batched data migration; of the batched
 * one, exactly the batches its cursor says are committed are there, and by the end every row is
 * processed exactly once. The number of trials comes from {@code ratchet.crash.trials} (20 by
 * default, 200 with {@code -Preliability}); the random moments from {@code ratchet.crash.seed},
 * printed so a failing run can be repeated.
 */
class CrashConsistencyIntegrationTests {

	private static final int TRIALS = Integer.getInteger("ratchet.crash.trials", 20);

	@TempDir
	Path dir;

	/**
	 * What each migration leaves when it is wholly applied, and what shows that part of it is there.
	 */
	private static final List<Migration> MIGRATIONS = List.of(
			new Migration("1", "V1__accounts.sql", """
					CREATE TABLE account (id int PRIMARY KEY, email text NOT NULL);
					INSERT INTO account SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 500) g;
					SELECT pg_sleep(0.05);
					CREATE UNIQUE INDEX account_email_idx ON account (email);
					SELECT pg_sleep(0.05);
					INSERT INTO account SELECT g, 'late' || g || '@example.com' FROM generate_series(501, 1000) g;
					""", (db) -> db.exists("account") && db.number("SELECT count(*) FROM account") == 1000
							&& db.exists("account_email_idx"),
					(db) -> db.exists("account") || db.exists("account_email_idx")),
			new Migration("2", "V2__orders_and_balances.sql", """
					CREATE TABLE orders (id int PRIMARY KEY, account_id int NOT NULL REFERENCES account, total numeric NOT NULL);
					INSERT INTO orders SELECT g, 1 + g % 1000, g * 1.5 FROM generate_series(1, 2000) g;
					SELECT pg_sleep(0.05);
					ALTER TABLE account ADD COLUMN balance numeric;
					UPDATE account a SET balance = coalesce(o.total, 0)
					    FROM account x LEFT JOIN (SELECT account_id, sum(total) AS total FROM orders GROUP BY 1) o
					    ON o.account_id = x.id WHERE x.id = a.id;
					SELECT pg_sleep(0.05);
					ALTER TABLE account ALTER COLUMN balance SET NOT NULL;
					""", (db) -> db.exists("orders") && db.number("SELECT count(*) FROM orders") == 2000
							&& column(db, "account", "balance", "t"),
					(db) -> db.exists("orders") || column(db, "account", "balance", null)),
			new Migration("2.1", "V2_1__shipments.sql", """
					CREATE TABLE shipment (id int PRIMARY KEY, order_id int NOT NULL REFERENCES orders, label text,
					    touched int NOT NULL DEFAULT 0);
					INSERT INTO shipment (id, order_id) SELECT g, 1 + mod(g, 2000) FROM generate_series(1, %d) g;
					""".formatted(ShipmentLabels.ROWS),
					(db) -> db.exists("shipment") && db.number("SELECT count(*) FROM shipment") == ShipmentLabels.ROWS,
					(db) -> db.exists("shipment")),
			// Batched: the batches it committed stay after a kill, so its cursor says what may be there.
			new Migration(ShipmentLabels.VERSION, null, null, ShipmentLabels::whollyThere, null),
			new Migration("3", "V3__index_orders_concurrently.sql", """
					-- ratchet:no-transaction
					CREATE INDEX CONCURRENTLY orders_account_idx ON orders (account_id);
					SELECT pg_sleep(0.1);
					CREATE INDEX CONCURRENTLY orders_total_idx ON orders (total);
					""", (db) -> validIndex(db, "orders_account_idx") && validIndex(db, "orders_total_idx"),
					(db) -> db.exists("orders_account_idx") || db.exists("orders_total_idx")),
			new Migration("4", "V4__audit.sql", """
					CREATE TABLE audit (id bigint GENERATED ALWAYS AS IDENTITY, account_id int, note text);
					INSERT INTO audit (account_id, note) SELECT id, 'opened' FROM account;
					SELECT pg_sleep(0.05);
					CREATE VIEW big_spender AS SELECT id FROM account WHERE balance > 1000;
					""", (db) -> db.exists("audit") && db.number("SELECT count(*) FROM audit") == 1000
							&& db.exists("big_spender"),
					(db) -> db.exists("audit") || db.exists("big_spender")),
			new Migration(null, "R__account_summary.sql", """
					CREATE OR REPLACE VIEW account_summary AS
					    SELECT count(*) AS accounts, sum(balance) AS balance FROM account;
					""", (db) -> db.exists("account_summary"), (db) -> db.exists("account_summary")));

	@Test
	void historyAlwaysMatchesTheSchemaAfterAKillAndTheNextRunCompletes() throws Exception {
		long seed = Long.getLong("ratchet.crash.seed", System.nanoTime());
		System.out.println("Crash consistency: " + TRIALS + " trials, seed " + seed + " (repeat with -Dratchet.crash.seed="
				+ seed + ")");
		Random random = new Random(seed);
		MigrationFiles files = new MigrationFiles(this.dir.resolve("migrations"));
		MIGRATIONS.stream()
			.filter((migration) -> migration.sql() != null)
			.forEach((migration) -> files.write(migration.script(), migration.sql()));
		Map<String, Integer> killedDuring = new TreeMap<>();
		List<Long> batchesAtKill = new ArrayList<>();
		try (TestDatabase.Db db = TestDatabase.createDatabase()) {
			long migrating = calibrate(db, files);
			// Each child starts while the previous trial is checked and waits at a gate, hiding JVM start-up.
			Gated next = startGated(db, files, 1);
			for (int trial = 1; trial <= TRIALS; trial++) {
				resetSchema(db);
				Gated gated = next;
				next = (trial < TRIALS) ? startGated(db, files, trial + 1) : null;
				// The moment is drawn from the time the child spends migrating, which starts when it logs so.
				long delay = random.nextLong(migrating + migrating / 10 + 1);
				String context = "trial " + trial + " of seed " + seed + ", killed " + delay + " ms into the run";
				Path log = gated.log();
				Process child = gated.open();
				awaitMigrating(child, log);
				if (!child.waitFor(delay, TimeUnit.MILLISECONDS)) {
					child.destroyForcibly();
				}
				assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(context).isTrue();
				awaitLockFree(db, context);
				// A commit the child sent just before it died may still land: look once its sessions are gone.
				awaitSessionsGone(db, child, context);
				String phase;
				try (Snapshot snapshot = new Snapshot(db)) {
					phase = checkConsistency(snapshot, context + System.lineSeparator() + ChildJvm.log(log));
					if (phase.equals(ShipmentLabels.PHASE)) {
						batchesAtKill.add(ShipmentLabels.committedBatches(snapshot));
					}
				}
				killedDuring.merge(phase, 1, Integer::sum);
				runToCompletion(db, files, context);
			}
		}
		System.out.println("Crash consistency: killed " + killedDuring);
		System.out.println("Crash consistency: killed during the batched V" + ShipmentLabels.VERSION + " with "
				+ batchesAtKill + " of its " + ShipmentLabels.BATCHES + " batches committed");
	}

	private long calibrate(TestDatabase.Db db, MigrationFiles files) throws Exception {
		Path log = ChildLogs.file("CrashConsistency-calibration");
		Process child = ChildJvm.migrate(db, files.location(), log, ShipmentLabels.CHILD_OPTION);
		awaitMigrating(child, log);
		long start = System.nanoTime();
		assertThat(child.waitFor(2, TimeUnit.MINUTES)).isTrue();
		long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
		assertThat(child.exitValue()).as(() -> ChildJvm.log(log)).isZero();
		assertWhollyApplied(db, "the calibration run");
		System.out.println("Crash consistency: an uninterrupted child migrates (and exits) in " + elapsed + " ms");
		return elapsed;
	}

	private Gated startGated(TestDatabase.Db db, MigrationFiles files, int trial) throws Exception {
		Path gate = java.nio.file.Files.createDirectories(this.dir.resolve("gate-" + trial));
		Path log = ChildLogs.file("CrashConsistency-trial-" + trial);
		return new Gated(
				ChildJvm.migrate(db, files.location(), log, "-Dratchet.test.gate=" + gate, ShipmentLabels.CHILD_OPTION),
				gate, log);
	}

	private record Gated(Process process, Path gate, Path log) {

		Process open() throws Exception {
			java.nio.file.Files.createFile(this.gate.resolve("go"));
			return this.process;
		}

	}

	private static void awaitMigrating(Process child, Path log) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (!ChildJvm.log(log).contains("Applying V1__")) {
			if (!child.isAlive() || System.nanoTime() > deadline) {
				fail("The child never started migrating: " + ChildJvm.log(log));
			}
			Thread.sleep(2);
		}
	}

	/**
	 * Checks the history against the schema and returns where the kill landed.
	 */
	private static String checkConsistency(Snapshot db, String context) {
		List<String> succeeded = db.exists("ratchet_history")
				? db.column("SELECT coalesce(version, script) FROM ratchet_history WHERE success ORDER BY installed_rank")
				: List.of();
		List<String> failed = db.exists("ratchet_history")
				? db.column("SELECT coalesce(version, script) FROM ratchet_history WHERE NOT success") : List.of();
		// One at a time and in order: the versions after an unfinished batched migration wait for it.
		assertThat(succeeded).as(context)
			.containsExactlyElementsOf(MIGRATIONS.subList(0, succeeded.size()).stream().map(Migration::key).toList());
		for (Migration migration : MIGRATIONS) {
			if (succeeded.contains(migration.key())) {
				assertThat(migration.whollyThere().test(db)).as(migration.name() + " is recorded but not wholly there; "
						+ context).isTrue();
			}
			else if (!failed.contains(migration.key()) && migration.partlyThere() != null) {
				assertThat(migration.partlyThere().test(db))
					.as(migration.name() + " is not recorded but partly there; " + context)
					.isFalse();
			}
		}
		ShipmentLabels.checkCommittedBatches(db, succeeded.contains(ShipmentLabels.VERSION), context);
		// Only a migration without a transaction can be caught part-way, and its entry says so; a killed
		// batched migration records no failure: it is left running, to be resumed.
		assertThat(failed).as(context).isSubsetOf("3");
		if (!failed.isEmpty()) {
			return "during V3 (no transaction)";
		}
		if (succeeded.size() == MIGRATIONS.size()) {
			return "after the run";
		}
		String next = MIGRATIONS.get(succeeded.size()).key();
		if (next.equals(ShipmentLabels.VERSION) && ShipmentLabels.started(db)) {
			return ShipmentLabels.PHASE;
		}
		return "before " + MIGRATIONS.get(succeeded.size()).label() + " was committed";
	}

	private static void awaitSessionsGone(TestDatabase.Db db, Process child, String context)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (Sql.number(db, "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'ratchet %:"
				+ child.pid() + "'") > 0) {
			if (System.nanoTime() > deadline) {
				fail("The killed child's sessions are still there after 30 s; " + context);
			}
			Thread.sleep(10);
		}
	}

	private static void awaitLockFree(TestDatabase.Db db, String context) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (Sql.number(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
				+ " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") > 0) {
			if (System.nanoTime() > deadline) {
				fail("The migration lock is still held 10 s after the kill; " + context);
			}
			Thread.sleep(20);
		}
	}

	private static void runToCompletion(TestDatabase.Db db, MigrationFiles files, String context) {
		Ratchet ratchet = new Ratchet(RatchetConfiguration.builder(db.dataSource())
			.locations(files.location())
			.javaMigrations(new ShipmentLabels(false))
			.build());
		if (Sql.exists(db, "ratchet_history")
				&& Sql.number(db, "SELECT count(*) FROM ratchet_history WHERE NOT success") > 0) {
			// The documented way out of an interrupted non-transactional migration: clean up, repair, migrate.
			assertThatExceptionOfType(ValidationException.class).as(context)
				.isThrownBy(ratchet::migrate)
				.withMessageContaining("V3__index_orders_concurrently.sql failed part-way")
				.withMessageContaining("interrupted")
				.withMessageContaining("repair");
			Sql.execute(db, "DROP INDEX IF EXISTS orders_account_idx; DROP INDEX IF EXISTS orders_total_idx");
			ratchet.repair();
		}
		ratchet.migrate();
		assertWhollyApplied(db, context);
	}

	private static void assertWhollyApplied(TestDatabase.Db db, String context) {
		try (Snapshot snapshot = new Snapshot(db)) {
			for (Migration migration : MIGRATIONS) {
				assertThat(migration.whollyThere().test(snapshot)).as(migration.name() + " after " + context).isTrue();
			}
			ShipmentLabels.checkCommittedBatches(snapshot, true, context);
		}
		assertThat(Sql.column(db, "SELECT coalesce(version, script) || ':' || success FROM ratchet_history"
				+ " ORDER BY installed_rank")).as(context)
			.containsExactly("1:true", "2:true", "2.1:true", ShipmentLabels.VERSION + ":true", "3:true", "4:true",
					"R__account_summary.sql:true");
	}

	private static void resetSchema(TestDatabase.Db db) {
		Sql.execute(db, "SET lock_timeout = '30s'; DROP SCHEMA public CASCADE; CREATE SCHEMA public");
	}

	private static boolean column(Snapshot db, String table, String column, String notNull) {
		List<String> found = db.column("SELECT attnotnull FROM pg_attribute WHERE attrelid = to_regclass('" + table
				+ "') AND attname = '" + column + "' AND NOT attisdropped");
		return !found.isEmpty() && (notNull == null || found.get(0).equals(notNull));
	}

	private static boolean validIndex(Snapshot db, String index) {
		return db.column("SELECT indisvalid FROM pg_index WHERE indexrelid = to_regclass('" + index + "')")
			.equals(List.of("t"));
	}

	/**
	 * One consistent view of the database, so the history and the schema are read at the same moment.
	 */
	private static final class Snapshot implements AutoCloseable {

		private final java.sql.Connection connection;

		Snapshot(TestDatabase.Db db) {
			try {
				this.connection = db.connect();
				this.connection.setAutoCommit(false);
				this.connection.setTransactionIsolation(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		List<String> column(String query) {
			try (java.sql.Statement statement = this.connection.createStatement();
					java.sql.ResultSet rs = statement.executeQuery(query)) {
				List<String> values = new java.util.ArrayList<>();
				while (rs.next()) {
					values.add(rs.getString(1));
				}
				return values;
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(query + ": " + ex.getMessage(), ex);
			}
		}

		long number(String query) {
			return Long.parseLong(column(query).get(0));
		}

		boolean exists(String relation) {
			return column("SELECT to_regclass('" + relation + "') IS NOT NULL").equals(List.of("t"));
		}

		@Override
		public void close() {
			try {
				this.connection.close();
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * A migration of the set: a script ({@code sql} its text), or the batched Java migration, which
	 * has no script and no {@code partlyThere} (its cursor says what part may be there).
	 */
	private record Migration(String version, String script, String sql, Predicate<Snapshot> whollyThere,
			Predicate<Snapshot> partlyThere) {

		String key() {
			return (this.version != null) ? this.version : this.script;
		}

		String name() {
			return (this.script != null) ? this.script : ShipmentLabels.class.getName();
		}

		String label() {
			return (this.version != null) ? "V" + this.version : this.script;
		}

	}

	/**
	 * The batched data migration of the set: labels every shipment, in batches of {@link #BATCH_SIZE}
	 * keyed on the primary key, adding one to each row's {@code touched} counter so that a row
	 * processed twice shows. Each batch sleeps a moment in the database before its commit, so that
	 * kills land inside batches as well as between them. The child JVM creates it by its
	 * constructor without arguments ({@code ratchet.test.java-migrations}).
	 */
	static final class ShipmentLabels implements BatchedMigration<Integer> {

		static final String VERSION = "2.2";

		static final int ROWS = 3000;

		static final int BATCH_SIZE = 150;

		static final int BATCHES = ROWS / BATCH_SIZE;

		static final String CHILD_OPTION = "-Dratchet.test.java-migrations=" + ShipmentLabels.class.getName();

		static final String PHASE = "during V" + VERSION + " (batched)";

		private static final String LABEL = "'parcel-' || id";

		private static final String PROGRESS = "FROM ratchet_history_data WHERE version = '" + VERSION + "'";

		private final String pause;

		/**
		 * The child's: each batch pauses 5 ms before its commit.
		 */
		ShipmentLabels() {
			this(true);
		}

		/**
		 * @param pausing whether each batch pauses before its commit; the run that completes after a
		 * kill need not
		 */
		ShipmentLabels(boolean pausing) {
			this.pause = pausing ? "SELECT pg_sleep(0.005)" : null;
		}

		@Override
		public String version() {
			return VERSION;
		}

		@Override
		public String description() {
			return "label shipments";
		}

		@Override
		public BatchOptions options() {
			return BatchOptions.defaults().withBatchSize(BATCH_SIZE);
		}

		@Override
		public List<Integer> nextBatch(MigrationContext context, String after, int limit) throws SQLException {
			try (PreparedStatement statement = context.connection()
				.prepareStatement("SELECT id FROM shipment WHERE id > ? ORDER BY id LIMIT ?")) {
				statement.setInt(1, (after != null) ? Integer.parseInt(after) : 0);
				statement.setInt(2, limit);
				List<Integer> ids = new ArrayList<>(limit);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						ids.add(rs.getInt(1));
					}
				}
				return ids;
			}
		}

		@Override
		public String keyOf(Integer id) {
			return String.valueOf(id);
		}

		@Override
		public void processBatch(MigrationContext context, List<Integer> ids) throws SQLException {
			Array array = context.connection().createArrayOf("int", ids.toArray());
			try (PreparedStatement update = context.connection()
				.prepareStatement("UPDATE shipment SET label = " + LABEL + ", touched = touched + 1 WHERE id = ANY (?)")) {
				update.setArray(1, array);
				update.executeUpdate();
			}
			if (this.pause != null) {
				// after the rows, before the commit: a kill now leaves a half-done batch to roll back
				try (PreparedStatement sleep = context.connection().prepareStatement(this.pause)) {
					sleep.execute();
				}
			}
		}

		/**
		 * Whether the migration committed its start: its progress row exists.
		 */
		static boolean started(Snapshot db) {
			return db.exists("ratchet_history_data") && db.number("SELECT count(*) " + PROGRESS) == 1;
		}

		static long committedBatches(Snapshot db) {
			return started(db) ? db.number("SELECT batches " + PROGRESS) : 0;
		}

		static boolean whollyThere(Snapshot db) {
			return db.exists("shipment")
					&& db.number("SELECT count(*) FROM shipment WHERE touched = 1 AND label = " + LABEL) == ROWS
					&& db.number("SELECT count(*) FROM shipment") == ROWS;
		}

		/**
		 * Checks what the engine promises of a batched migration at any moment, since each batch and
		 * its cursor commit together: the rows up to the cursor are processed, once; the rows after it
		 * not at all; the counters agree. Once recorded in the history, every row is processed once.
		 */
		static void checkCommittedBatches(Snapshot db, boolean recorded, String context) {
			if (!started(db)) {
				assertThat(recorded).as("V" + VERSION + " is recorded without a progress row; " + context).isFalse();
				if (db.exists("shipment")) {
					assertThat(db.number("SELECT count(*) FROM shipment WHERE touched <> 0 OR label IS NOT NULL"))
						.as("shipments processed while V" + VERSION + " has no progress row; " + context)
						.isZero();
				}
				return;
			}
			String progress = db.column("SELECT state || ',' || coalesce(last_key, '0') || ',' || processed || ','"
					+ " || batches " + PROGRESS).get(0);
			String[] fields = progress.split(",");
			String state = fields[0];
			int cursor = Integer.parseInt(fields[1]);
			long processed = Long.parseLong(fields[2]);
			long batches = Long.parseLong(fields[3]);
			String described = "V" + VERSION + " progress (state, cursor, processed, batches) " + progress + "; "
					+ context;
			assertThat(db.number("SELECT coalesce(max(touched), 0) FROM shipment"))
				.as("a shipment was processed more than once; " + described)
				.isLessThanOrEqualTo(1);
			assertThat(db.number("SELECT count(*) FROM shipment WHERE id <= " + cursor + " AND (touched <> 1"
					+ " OR label IS DISTINCT FROM " + LABEL + ")"))
				.as("shipments up to the committed cursor are not processed; " + described)
				.isZero();
			assertThat(db.number("SELECT count(*) FROM shipment WHERE id > " + cursor
					+ " AND (touched <> 0 OR label IS NOT NULL)"))
				.as("shipments after the committed cursor are processed; " + described)
				.isZero();
			assertThat(processed).as("items processed; " + described)
				.isEqualTo(db.number("SELECT count(*) FROM shipment WHERE id <= " + cursor));
			assertThat(batches).as("batches; " + described).isEqualTo((processed + BATCH_SIZE - 1) / BATCH_SIZE);
			if (recorded) {
				assertThat(state).as(described).isEqualTo("COMPLETED");
				assertThat(processed).as(described).isEqualTo(ROWS);
				assertThat(batches).as(described).isEqualTo(BATCHES);
			}
			else {
				// A kill records nothing: the migration stays RUNNING, and the next run resumes it.
				assertThat(state).as(described).isEqualTo("RUNNING");
			}
		}

	}

}
