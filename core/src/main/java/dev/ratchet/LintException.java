package dev.ratchet;

import dev.ratchet.lint.LintReport;

/**
 * Thrown when lint finds errors in the pending migrations, such as SQLite or MySQL syntax that
 * PostgreSQL rejects. Raised before anything of the run is applied. The message lists every error
 * with its script, line and column, and how to write it for PostgreSQL.
 */
public class LintException extends MigrationResolutionException {

	private static final long serialVersionUID = 1L;

	private final transient LintReport report;

	public LintException(LintReport report) {
		super(message(report), report.errors().get(0).script(), report.errors().get(0).line(), null);
		this.report = report;
	}

	private static String message(LintReport report) {
		return new StringBuilder(listing("Lint found ", report.errors(), "error",
				" in the pending migrations; nothing was applied:"))
			.append(System.lineSeparator())
			.append("Fix the SQL. To keep a statement as it is, put '-- ratchet:allow <rule> because <reason>' on the "
					+ "line before it, or set the rule's lint severity.")
			.toString();
	}

	/**
	 * Returns everything lint found, warnings included.
	 */
	public LintReport getReport() {
		return this.report;
	}

}
