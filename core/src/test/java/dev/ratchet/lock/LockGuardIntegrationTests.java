package dev.ratchet.lock;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The guard another session sends with its commit: it lets the commit through while the lock's
 * session holds the lock, stops it once that session is gone, and is plain SQL that the server can
 * prepare once, so it costs no parse and plan per commit.
 */
class LockGuardIntegrationTests {

	private static final long KEY = AdvisoryLock.keyFor("public", "ratchet_history");

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@Test
	void guardLetsTheCommitThroughWhileTheLockIsHeldAndStopsItOnceItsSessionIsGone() throws Exception {
		try (Connection holder = this.db.connect(); Connection worker = this.db.connect()) {
			AdvisoryLock lock = AdvisoryLock.acquire(holder, KEY, Duration.ofSeconds(5), (h, w) -> {
			});
			int holderPid = pid(holder);
			String guard = "SELECT " + lock.guard(holderPid);
			worker.setAutoCommit(false);
			try (Statement statement = worker.createStatement()) {
				statement.execute("CREATE TABLE kept (id int);\n" + guard + ";\nCOMMIT");
			}
			worker.commit();
			try (Statement statement = worker.createStatement()) {
				statement.execute("CREATE TABLE lost (id int)");
				try (Connection other = this.db.connect(); Statement killer = other.createStatement()) {
					killer.execute("SELECT pg_terminate_backend(" + holderPid + ", 5000)");
				}
				assertThatExceptionOfType(SQLException.class)
					.isThrownBy(() -> statement.execute(guard + ";\nCOMMIT"))
					.satisfies((ex) -> assertThat(AdvisoryLock.isNotHeld(ex)).isTrue());
			}
			worker.rollback();
			worker.setAutoCommit(true);
			assertThat(exists(worker, "kept")).isTrue();
			assertThat(exists(worker, "lost")).as("committed after the guard failed").isFalse();
		}
	}

	@Test
	void guardIsPlainSqlThatTheServerPreparesOnce() throws Exception {
		try (Connection holder = this.db.connect(); Connection worker = this.db.connect()) {
			AdvisoryLock lock = AdvisoryLock.acquire(holder, KEY, Duration.ofSeconds(5), (h, w) -> {
			});
			try (Statement statement = worker.createStatement()) {
				// PREPARE takes SELECT, INSERT, UPDATE, DELETE, MERGE and VALUES only: not a DO block.
				statement.execute("PREPARE ratchet_guard AS SELECT " + lock.guard(pid(holder)));
				statement.execute("EXECUTE ratchet_guard");
			}
			lock.close();
		}
	}

	@Test
	void otherFailuresAreNotTakenForALostLock() {
		assertThat(AdvisoryLock.isNotHeld(new SQLException("invalid input syntax for type integer: \"x\"", "22P02")))
			.isFalse();
		assertThat(AdvisoryLock.isNotHeld(new SQLException("the migration lock", "42P01"))).isFalse();
	}

	private static int pid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private static boolean exists(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

}
