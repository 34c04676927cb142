package dev.ratchet.internal;

import java.sql.SQLException;

/**
 * Describes what a data migration's code threw, in one line: PostgreSQL's message and SQLSTATE when
 * a SQL error is among the causes (a Spring {@code DataAccessException} wraps one), else the message.
 */
final class DataErrors {

	private DataErrors() {
	}

	static String describe(Throwable ex) {
		SQLException sql = sqlCause(ex);
		if (sql != null) {
			return SqlErrors.parse(sql).message() + " (SQLSTATE " + sql.getSQLState() + ")";
		}
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getName();
	}

	static SQLException sqlCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				return sql;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return null;
	}

	/**
	 * Returns whether a failure is the thread being interrupted (the application shutting down)
	 * rather than a failure of the migration.
	 */
	static boolean isInterruption(Throwable ex) {
		if (Thread.currentThread().isInterrupted()) {
			return true;
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InterruptedException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
