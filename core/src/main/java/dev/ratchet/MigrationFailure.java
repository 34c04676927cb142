package dev.ratchet;

import java.io.Serializable;

/**
 * How a migration failed, whether it was applied or dry-run: where, with which SQLSTATE and
 * message, and how to fix it when Ratchet knows.
 * @param line the 1-based line of the failing statement, or 0 when unknown (Java migrations)
 * @param sqlState the SQLSTATE, or {@code null} (an exception of a Java migration)
 * @param message PostgreSQL's message, or the Java migration's
 * @param statement an excerpt of the failing statement, or {@code null}
 * @param hint how to fix it, for errors Ratchet knows a fix for, or {@code null}
 */
public record MigrationFailure(int line, String sqlState, String message, String statement,
		String hint) implements Serializable {

}
