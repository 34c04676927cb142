package dev.ratchet.data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.ratchet.MigrationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replication lag throttle against a real streaming replica: made by {@code .ci/streaming-replica}
 * (a primary and a replica by {@code pg_basebackup}), whose URLs come in
 * {@code RATCHET_TEST_PRIMARY_JDBC_URL} and {@code RATCHET_TEST_REPLICA_JDBC_URL}; skipped without
 * them. Pausing the replica's replay makes it lag while the primary writes.
 */
class ReplicationLagThrottleIntegrationTests {

	private String primary;

	private String replica;

	@BeforeEach
	void requireReplica() {
		this.primary = System.getenv("RATCHET_TEST_PRIMARY_JDBC_URL");
		this.replica = System.getenv("RATCHET_TEST_REPLICA_JDBC_URL");
		Assumptions.assumeTrue(this.primary != null && this.replica != null,
				"No streaming replica: run .ci/streaming-replica and set RATCHET_TEST_PRIMARY_JDBC_URL and "
						+ "RATCHET_TEST_REPLICA_JDBC_URL to test the replication lag throttle against one");
	}

	@Test
	void backsOffWhileTheReplicaLagsAndGoesOnOnceItCaughtUp() throws Exception {
		BatchThrottle throttle = BatchThrottle.replicationLag(Duration.ofSeconds(1), Duration.ofMillis(500));
		try (Connection primary = DriverManager.getConnection(this.primary);
				Connection replica = DriverManager.getConnection(this.replica)) {
			MigrationContext context = new MigrationContext(primary, "public");
			execute(primary, "DROP TABLE IF EXISTS lag_probe; CREATE TABLE lag_probe (x int)");
			awaitBackOff(throttle, context, primary, Duration.ZERO);
			execute(replica, "SELECT pg_wal_replay_pause()");
			try {
				assertThat(awaitBackOff(throttle, context, primary, Duration.ofMillis(500)))
					.isEqualTo(Duration.ofMillis(500));
				assertThat(ReplicationLagThrottle.lag(context)).isGreaterThan(Duration.ofSeconds(1));
			}
			finally {
				execute(replica, "SELECT pg_wal_replay_resume()");
			}
			assertThat(awaitBackOff(throttle, context, primary, Duration.ZERO)).isZero();
		}
	}

	/**
	 * Writes on the primary until the throttle answers {@code expected}, for at most 60 seconds.
	 */
	private static Duration awaitBackOff(BatchThrottle throttle, MigrationContext context, Connection primary,
			Duration expected) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		Duration backOff;
		while (!(backOff = throttle.backOff(context, null)).equals(expected)) {
			assertThat(System.nanoTime()).as("waiting for a back-off of %s, last %s", expected, backOff)
				.isLessThan(deadline);
			execute(primary, "INSERT INTO lag_probe VALUES (1)");
			Thread.sleep(200);
		}
		return backOff;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
