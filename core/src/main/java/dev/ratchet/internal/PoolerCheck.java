package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.ratchet.DatabaseConnectionException;
import dev.ratchet.PoolerPolicy;

/**
 * Makes sure the migration lock means something: a transaction-mode pooler (PgBouncer, Supavisor,
 * Neon's pooled endpoint) runs each transaction on whichever server session is free, so a session
 * lock taken through it does not keep other instances out. Known pooler URLs give it away, and so
 * does behaviour: Ratchet's two connections landing on the same server session, or the lock
 * connection moving between sessions. Runs before the lock is taken; costs one query.
 */
final class PoolerCheck {

	private static final Logger logger = LoggerFactory.getLogger("dev.ratchet");

	private PoolerCheck() {
	}

	/**
	 * Checks the lock and migration sessions, refusing or warning as the policy says.
	 * @throws DatabaseConnectionException when a pooler is found and the policy is {@link PoolerPolicy#FAIL}
	 */
	static void verify(Session lock, Session migration, PoolerPolicy policy) throws SQLException {
		check(lock, migration, policy);
	}

	/**
	 * Checks the migration session's URL only (no second session to compare with: a run that finds
	 * nothing to do takes no lock), refusing or warning as the policy says.
	 * @throws DatabaseConnectionException when the URL names a transaction pooler and the policy is
	 * {@link PoolerPolicy#FAIL}
	 */
	static void verifyUrl(Session migration, PoolerPolicy policy) throws SQLException {
		check(migration, null, policy);
	}

	private static void check(Session lock, Session migration, PoolerPolicy policy) throws SQLException {
		String url = url(lock.connection());
		String reason = JdbcUrls.transactionPooler(url);
		if (reason == null && migration != null) {
			reason = behaviour(lock, migration);
		}
		if (reason == null) {
			if (migration == null) {
				return;
			}
			if (JdbcUrls.usesPgBouncerPort(url)) {
				logger.info("The migration URL {} uses port 6432, PgBouncer's default. Ratchet's session lock is safe "
						+ "with PgBouncer in session mode only; its connections show no sign of transaction mode.",
						JdbcUrls.redact(url));
			}
			return;
		}
		String message = "Ratchet's migration connection goes through a connection pooler in transaction mode ("
				+ reason + "; URL " + JdbcUrls.redact(url) + "). Such a pooler does not keep a session lock, so "
				+ "another instance could migrate at the same time. Set ratchet.url to the database's direct URL "
				+ "(Supabase: db.<project>.supabase.co port 5432, or the pooler's session mode on port 5432; Neon: "
				+ "the host without -pooler)";
		if (policy == PoolerPolicy.FAIL) {
			throw new DatabaseConnectionException(message + ", or set ratchet.pooler-policy=warn to go on anyway.",
					null);
		}
		logger.warn("{}.", message);
	}

	private static String behaviour(Session lock, Session migration) throws SQLException {
		if (lock.backendPid() == migration.backendPid()) {
			return "both of Ratchet's connections reached the same server session, pid " + lock.backendPid();
		}
		int now = backendPid(lock.connection());
		if (now != lock.backendPid()) {
			return "the lock connection moved from server session " + lock.backendPid() + " to " + now
					+ " between transactions";
		}
		return null;
	}

	private static int backendPid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private static String url(Connection connection) {
		try {
			return connection.getMetaData().getURL();
		}
		catch (SQLException ex) {
			return null;
		}
	}

}
