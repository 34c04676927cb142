package dev.ratchet.data;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import dev.ratchet.MigrationContext;
import dev.ratchet.MigrationDescriptor;

/**
 * Backs off while a streaming replica lags; see {@link BatchThrottle#replicationLag}.
 */
final class ReplicationLagThrottle implements BatchThrottle {

	// replay_lag is NULL for a replica that has caught up and stayed idle.
	private static final String LAG = """
			SELECT coalesce(max(extract(epoch FROM replay_lag)) * 1000, 0)::bigint FROM pg_stat_replication""";

	private final Duration maxLag;

	private final Duration backOff;

	ReplicationLagThrottle(Duration maxLag, Duration backOff) {
		if (maxLag.isNegative() || backOff.isNegative() || backOff.isZero()) {
			throw new IllegalArgumentException("maxLag must not be negative and backOff must be positive, were "
					+ maxLag + " and " + backOff);
		}
		this.maxLag = maxLag;
		this.backOff = backOff;
	}

	@Override
	public Duration backOff(MigrationContext context, MigrationDescriptor migration) throws SQLException {
		return (lag(context).compareTo(this.maxLag) > 0) ? this.backOff : Duration.ZERO;
	}

	/**
	 * Returns the largest replay lag of the primary's streaming replicas, zero without any.
	 */
	static Duration lag(MigrationContext context) throws SQLException {
		try (Statement statement = context.connection().createStatement(); ResultSet rs = statement.executeQuery(LAG)) {
			rs.next();
			return Duration.ofMillis(rs.getLong(1));
		}
	}

	@Override
	public String toString() {
		return "replication lag above " + this.maxLag.toMillis() + " ms";
	}

}
