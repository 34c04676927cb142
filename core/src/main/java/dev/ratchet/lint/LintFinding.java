package dev.ratchet.lint;

/**
 * One thing lint found in a pending script.
 * @param rule the rule id, for example {@code dialect.datetime}
 * @param severity {@link LintSeverity#WARNING} or {@link LintSeverity#ERROR}
 * @param script the script, for example {@code V3__add_sessions.sql}
 * @param line the 1-based line
 * @param column the 1-based column
 * @param message what is wrong, one sentence
 * @param hint how to write it for PostgreSQL, or how to do it safely
 */
public record LintFinding(String rule, LintSeverity severity, String script, int line, int column, String message,
		String hint) {

	/**
	 * Returns the finding as one line, for example {@code V3__add_sessions.sql line 12 column 20:
	 * DATETIME is not a PostgreSQL type (SQLite/MySQL). Use timestamptz (or timestamp).
	 * [dialect.datetime]}.
	 */
	@Override
	public String toString() {
		return this.script + " line " + this.line + " column " + this.column + ": " + this.message + " " + this.hint
				+ " [" + this.rule + "]";
	}

}
