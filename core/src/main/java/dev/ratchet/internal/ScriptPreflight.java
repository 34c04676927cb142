package dev.ratchet.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import dev.ratchet.MigrationResolutionException;
import dev.ratchet.lint.internal.ScriptLinter;
import dev.ratchet.resolve.SqlMigrationFile;
import dev.ratchet.sql.Classification;
import dev.ratchet.sql.Placeholders;
import dev.ratchet.sql.SqlStatement;
import dev.ratchet.sql.SqlStatementReader;
import dev.ratchet.sql.StatementClassifier;
import dev.ratchet.sql.StatementKind;

/**
 * Reads a pending script through once before anything of the run is applied: every statement must
 * be readable, every placeholder defined, and the script must be either transactional or not as a
 * whole. Streams, so a file of any size is checked in constant memory.
 * @param placeholders how placeholders are replaced
 * @param mixed whether a script mixing statements PostgreSQL refuses inside a transaction with
 * others runs without a transaction ({@code ratchet.mixed}) instead of being refused
 */
record ScriptPreflight(Placeholders placeholders, boolean mixed) {

	/**
	 * What the check found.
	 * @param transactional whether the script runs in a transaction
	 * @param statements how many statements it has
	 * @param whyNotTransactional why it runs without a transaction, or {@code null}
	 * @param touchesSession whether running it may change what the session has set for itself
	 * (role, settings): a session-level {@code SET}, {@code RESET} or {@code DISCARD}, a call of
	 * {@code set_config}, or any statement but plain DDL and DML, which may call functions that do
	 */
	record ScriptPlan(boolean transactional, int statements, String whyNotTransactional, boolean touchesSession) {
	}

	// Statements that, written plainly, change nothing of the session's own settings or role.
	private static final Set<String> SESSION_NEUTRAL = Set.of("CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE",
			"INSERT", "UPDATE", "DELETE", "TRUNCATE");

	/**
	 * Checks a script, handing each statement to lint on the way.
	 * @param file the script
	 * @param lint where its statements go
	 * @return what the check found
	 */
	ScriptPlan check(SqlMigrationFile file, ScriptLinter lint) {
		String script = file.script();
		try (SqlStatementReader reader = open(file)) {
			boolean directive = reader.noTransactionDirective();
			int count = 0;
			SqlStatement firstTransactional = null;
			SqlStatement firstNonTransactional = null;
			Classification nonTransactional = null;
			boolean touchesSession = false;
			for (SqlStatement statement = reader.next(); statement != null; statement = reader.next()) {
				count++;
				Classification classification = StatementClassifier.classify(statement.sql());
				lint.statement(statement, classification);
				touchesSession = touchesSession || touchesSession(statement, classification);
				if (classification.kind() == StatementKind.TRANSACTION_CONTROL && !directive) {
					throw new MigrationResolutionException(script + " line " + statement.line() + ": "
							+ classification.label() + " controls the transaction, but Ratchet runs each migration in a "
							+ "transaction of its own and records it in the same one. Remove BEGIN/COMMIT from the file "
							+ "(or make its first line '-- ratchet:no-transaction' to manage transactions yourself).",
							script, statement.line(), null);
				}
				if (classification.kind() == StatementKind.TRANSACTIONAL && firstTransactional == null) {
					firstTransactional = statement;
				}
				if (classification.kind() == StatementKind.NON_TRANSACTIONAL && firstNonTransactional == null) {
					firstNonTransactional = statement;
					nonTransactional = classification;
				}
			}
			if (count == 0) {
				// Flyway records such a file as applied; existing chains hold them, so it is a no-op here too.
				lint.noStatement();
			}
			boolean mixes = !directive && firstNonTransactional != null && firstTransactional != null;
			if (mixes && !this.mixed) {
				throw new MigrationResolutionException(script + " mixes " + nonTransactional.label() + " (line "
						+ firstNonTransactional.line() + "), which PostgreSQL refuses inside a transaction, with "
						+ "statements that need one (line " + firstTransactional.line() + "). Split it: move the "
						+ nonTransactional.label() + " statements into a migration of their own, which Ratchet then "
						+ "runs without a transaction; or set ratchet.mixed=true to run such files without a "
						+ "transaction.", script, firstNonTransactional.line(), null);
			}
			String why = directive ? "its first line is '-- ratchet:no-transaction'"
					: mixes ? nonTransactional.label() + " (line " + firstNonTransactional.line() + ") cannot run inside "
							+ "a transaction and ratchet.mixed is on, so the whole file runs without one"
					: (firstNonTransactional != null) ? nonTransactional.label() + " (line " + firstNonTransactional.line()
							+ ") cannot run inside a transaction" : null;
			return new ScriptPlan(why == null, count, why, touchesSession);
		}
		catch (IOException ex) {
			throw new MigrationResolutionException("Could not read " + script + " from " + file.location() + ": "
					+ ex.getMessage(), script, 0, ex);
		}
	}

	private static boolean touchesSession(SqlStatement statement, Classification classification) {
		if (classification.kind() == StatementKind.SESSION) {
			return true;
		}
		String label = classification.label();
		int space = label.indexOf(' ');
		String keyword = (space < 0) ? label : label.substring(0, space);
		return !SESSION_NEUTRAL.contains(keyword)
				|| statement.sql().toLowerCase(Locale.ROOT).contains("set_config");
	}

	SqlStatementReader open(SqlMigrationFile file) throws IOException {
		Reader reader = new InputStreamReader(file.source().open(), StandardCharsets.UTF_8);
		return new SqlStatementReader(reader, file.script(), this.placeholders);
	}

}
