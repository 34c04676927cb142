package dev.ratchet.internal;

import java.sql.SQLException;
import java.time.Duration;

import dev.ratchet.RatchetConfiguration;

/**
 * Puts the configured {@code lock_timeout} and {@code statement_timeout} on the migration session,
 * so they apply to every migration statement (and are reset when the session is closed).
 */
final class StatementTimeouts {

	private StatementTimeouts() {
	}

	static void apply(Session session, RatchetConfiguration configuration) throws SQLException {
		set(session, "lock_timeout", configuration.getLockTimeout());
		set(session, "statement_timeout", configuration.getStatementTimeout());
	}

	private static void set(Session session, String setting, Duration timeout) throws SQLException {
		if (timeout != null) {
			session.set(setting, timeout.toMillis() + "ms");
		}
	}

}
