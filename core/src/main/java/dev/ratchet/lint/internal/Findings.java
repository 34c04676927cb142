package dev.ratchet.lint.internal;

import java.util.ArrayList;
import java.util.List;
import dev.ratchet.lint.LintRule;

/**
 * Collects what the checks find in one statement, by offset in the statement.
 */
final class Findings {

	private final List<Found> found = new ArrayList<>();

	/**
	 * One finding before it is placed in the script.
	 * @param rule the rule
	 * @param offset where in the statement
	 * @param message what is wrong
	 * @param hint what to do
	 */
	record Found(LintRule rule, int offset, String message, String hint) {
	}

	void add(LintRule rule, int offset, String message, String hint) {
		this.found.add(new Found(rule, offset, message, hint));
	}

	boolean contains(LintRule rule) {
		return this.found.stream().anyMatch((found) -> found.rule() == rule);
	}

	List<Found> all() {
		return this.found;
	}

}
