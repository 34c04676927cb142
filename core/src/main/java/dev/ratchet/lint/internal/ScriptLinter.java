package dev.ratchet.lint.internal;

import java.util.List;
import java.util.Set;

import dev.ratchet.lint.LintFinding;
import dev.ratchet.lint.LintRule;
import dev.ratchet.lint.LintSeverity;
import dev.ratchet.sql.Classification;
import dev.ratchet.sql.SqlStatement;
import dev.ratchet.sql.SqlTokenList;

/**
 * Lints the statements of one script as they are read, in order. Get one from
 * {@link Linter#script(String)}.
 */
public final class ScriptLinter {

	private final String script;

	private final Linter linter;

	private final RunState run;

	private final ScriptState state = new ScriptState();

	ScriptLinter(String script, Linter linter, RunState run) {
		this.script = script;
		this.linter = linter;
		this.run = run;
	}

	/**
	 * Lints the next statement of the script.
	 * @param statement the statement, as the reader returned it
	 * @param classification how it relates to transactions
	 */
	public void statement(SqlStatement statement, Classification classification) {
		SqlTokenList tokens = SqlTokenList.of(statement.sql());
		Findings findings = new Findings();
		DialectCheck.check(tokens, findings);
		RiskCheck.check(tokens, classification, statement.line(), this.run, this.state, findings);
		Set<String> allowed = Directives.allowed(statement.directives(), (problem) -> report(Rules.DIRECTIVE,
				problem.comment().line(), problem.comment().column(), problem.message(), problem.hint()));
		List<Findings.Found> found = findings.all();
		for (Findings.Found finding : found) {
			if (!allowed.contains(finding.rule().id())) {
				SqlStatement.Position position = statement.position(finding.offset());
				report(finding.rule(), position.line(), position.column(), finding.message(), finding.hint());
			}
		}
	}

	/**
	 * Notes that the script ended without a statement (only comments or blank): it is applied as a
	 * no-op and recorded.
	 */
	public void noStatement() {
		report(Rules.NO_STATEMENT, 1, 1, "the file holds no SQL statement, only comments or blank lines; it is "
				+ "applied as a no-op and recorded", "write the migration, or delete the file if nothing has applied it yet");
	}

	private void report(LintRule rule, int line, int column, String message, String hint) {
		LintSeverity severity = this.linter.severity(rule);
		if (severity != LintSeverity.OFF) {
			this.linter.add(new LintFinding(rule.id(), severity, this.script, line, column, message, hint));
		}
	}

}
