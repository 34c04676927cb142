package dev.ratchet.data;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationContext;
import dev.ratchet.Ratchet;
import dev.ratchet.test.Database;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.KeysetTestMigration;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runbook's backfill as a batched migration: creates version 1 of every chatbot, and fails for a
 * chatbot whose creator has no associated user. Each processed chatbot's {@code touched} counter goes
 * up by one, so tests see whether any was processed twice.
 */
class Backfill extends KeysetTestMigration {

	static final String SCHEMA = """
			CREATE TABLE creator_user (creator_id bigint PRIMARY KEY, user_id bigint NOT NULL);
			CREATE TABLE chatbot (id bigint PRIMARY KEY, creator_id bigint NOT NULL,
			    current_version int, touched int NOT NULL DEFAULT 0);
			CREATE TABLE chatbot_version (chatbot_id bigint PRIMARY KEY, number int NOT NULL, created_by bigint NOT NULL);
			""";

	/** A migration after version 1.1 that fails unless the backfill gave every chatbot a version. */
	static final String REQUIRE_VERSIONS = "ALTER TABLE chatbot ALTER COLUMN current_version SET NOT NULL;";

	private BatchOptions options = BatchOptions.defaults().withBatchSize(100);

	private boolean counted;

	private String checksum;

	private String sleep;

	Backfill(String version) {
		// the options are this class's own field, since tests set them after construction
		super(version, "create version 1 of every chatbot", "chatbot", BatchOptions.defaults());
	}

	/**
	 * Returns SQL that creates {@code chatbots} chatbots; those whose id is in {@code orphans} have a
	 * creator without a user.
	 */
	static String rows(int chatbots, long... orphans) {
		String skipped = Arrays.stream(orphans).mapToObj(String::valueOf).collect(Collectors.joining(","));
		return "INSERT INTO chatbot (id, creator_id) SELECT i, i FROM generate_series(1, " + chatbots + ") i;\n"
				+ "INSERT INTO creator_user SELECT i, 1000 + i FROM generate_series(1, " + chatbots + ") i "
				+ "WHERE i <> ALL ('{" + skipped + "}'::bigint[]);";
	}

	/**
	 * Returns a fresh database whose migrations are the schema, 250 chatbots and, after version 1.1,
	 * a migration that needs every chatbot to have a current version.
	 */
	static FreshDatabase database() {
		return databaseWithRows(rows(250)).withMigration("V2__require_versions.sql", REQUIRE_VERSIONS);
	}

	/**
	 * Returns a fresh database whose migrations are the schema and the given rows (see {@link #rows}),
	 * as versions 1 and 1.0.0.1: the backfill is left to the test.
	 */
	static FreshDatabase databaseWithRows(String rows) {
		return new FreshDatabase().withMigration("V1__chatbots.sql", SCHEMA).withMigration("V1_0_0_1__rows.sql", rows);
	}

	/**
	 * Writes the migrations of {@link #database()}, with the given number of chatbots, into a folder,
	 * for tests that run the engine in another process or configure it themselves.
	 */
	static MigrationFiles files(Path dir, int chatbots) {
		return schemaAndRows(dir, rows(chatbots)).write("V2__require_versions.sql", REQUIRE_VERSIONS);
	}

	/**
	 * Writes the schema and the given rows (see {@link #rows}) into a folder, as versions 1 and
	 * 1.0.0.1: the backfill is left to the test.
	 */
	static MigrationFiles schemaAndRows(Path dir, String rows) {
		return new MigrationFiles(dir).write("V1__chatbots.sql", SCHEMA).write("V1_0_0_1__rows.sql", rows);
	}

	/**
	 * Runs the engine's background phase on another thread, as the background runner does, and
	 * returns once the backfill has committed the given number of batches.
	 */
	static CompletableFuture<MigrateResult> runInBackground(Ratchet ratchet, Database db, int batches)
			throws InterruptedException {
		ratchet.migrateUntilBackground();
		CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(ratchet::migrateBackground);
		awaitBatches(db, batches);
		return run;
	}

	/**
	 * Waits until the backfill has committed the given number of batches, counted by any instance.
	 */
	static void awaitBatches(Database db, int batches) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!Sql.exists(db, "ratchet_history_data")
				|| Sql.number(db, "SELECT coalesce(max(batches), 0) FROM ratchet_history_data") < batches) {
			assertThat(System.nanoTime()).as("waiting for %d batches", batches).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	Backfill options(BatchOptions options) {
		this.options = options;
		return this;
	}

	Backfill counted() {
		this.counted = true;
		return this;
	}

	Backfill checksum(String checksum) {
		this.checksum = checksum;
		return this;
	}

	/** Makes each batch sleep in the database once its items are processed, so a test can catch it mid-batch. */
	Backfill sleepingPerBatch(double seconds) {
		this.sleep = "SELECT pg_sleep(" + seconds + ")";
		return this;
	}

	@Override
	public String checksum() {
		return this.checksum;
	}

	@Override
	public BatchOptions options() {
		return this.options;
	}

	@Override
	public void processBatch(MigrationContext context, List<Long> items) throws Exception {
		super.processBatch(context, items);
		if (this.sleep != null) {
			// after the items, before the commit: a kill now leaves a half-processed batch to roll back
			try (var statement = context.connection().createStatement()) {
				statement.execute(this.sleep);
			}
		}
	}

	@Override
	public void process(MigrationContext context, Long id) throws SQLException {
		Connection connection = context.connection();
		try (PreparedStatement statement = connection.prepareStatement("UPDATE chatbot SET touched = touched + 1 WHERE id = ?")) {
			statement.setLong(1, id);
			statement.executeUpdate();
		}
		Long user = null;
		long creator = 0;
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT c.creator_id, u.user_id FROM chatbot c LEFT JOIN creator_user u ON u.creator_id = c.creator_id WHERE c.id = ?")) {
			statement.setLong(1, id);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				creator = rs.getLong(1);
				user = (Long) rs.getObject(2);
			}
		}
		if (user == null) {
			throw new IllegalStateException("creator " + creator + " has no associated user");
		}
		try (PreparedStatement statement = connection.prepareStatement(
				"INSERT INTO chatbot_version (chatbot_id, number, created_by) VALUES (?, 1, ?)")) {
			statement.setLong(1, id);
			statement.setLong(2, user);
			statement.executeUpdate();
		}
		try (PreparedStatement statement = connection.prepareStatement("UPDATE chatbot SET current_version = 1 WHERE id = ?")) {
			statement.setLong(1, id);
			statement.executeUpdate();
		}
	}

	@Override
	public OptionalLong total(MigrationContext context) throws SQLException {
		if (!this.counted) {
			return OptionalLong.empty();
		}
		try (var statement = context.connection().createStatement();
				ResultSet rs = statement.executeQuery("SELECT count(*) FROM chatbot")) {
			rs.next();
			return OptionalLong.of(rs.getLong(1));
		}
	}

	@Override
	public void verify(MigrationContext context) throws SQLException {
		try (var statement = context.connection().createStatement();
				ResultSet rs = statement.executeQuery("""
						SELECT count(*) FROM chatbot c
						WHERE c.current_version IS NULL
						  AND EXISTS (SELECT 1 FROM creator_user u WHERE u.creator_id = c.creator_id)""")) {
			rs.next();
			if (rs.getLong(1) > 0) {
				throw new IllegalStateException(rs.getLong(1) + " chatbots whose creator has a user have no current version");
			}
		}
	}

}
