package dev.ratchet.lint;

import java.util.List;

import dev.ratchet.lint.internal.Rules;

/**
 * Every lint rule. Dialect rules find SQLite, MySQL and SQL Server constructs that PostgreSQL
 * rejects or reads differently, and are errors by default. Risk rules find changes that lock or
 * break a running system, and are warnings by default; a table created earlier in the same run is
 * not "existing" for them.
 * <p>
 * A finding is silenced in the SQL with {@code -- ratchet:allow <rule>[, <rule>] because <reason>}
 * written before the statement (after the previous one), inside it, or after its {@code ;} on the
 * same line. Without a reason it silences nothing and is reported as {@code lint.directive}.
 */
public final class LintRules {

	private LintRules() {
	}

	/**
	 * Returns every rule.
	 */
	public static List<LintRule> all() {
		return Rules.ALL;
	}

	/**
	 * Returns the rule with the given id, or {@code null} if there is none.
	 * @param id the rule id
	 */
	public static LintRule find(String id) {
		return Rules.find(id);
	}

}
