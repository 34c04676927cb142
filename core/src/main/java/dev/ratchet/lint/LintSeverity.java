package dev.ratchet.lint;

/**
 * How much a lint finding matters.
 */
public enum LintSeverity {

	/**
	 * The rule is not checked.
	 */
	OFF,

	/**
	 * The finding is reported as information only: the expected kind of risk, as a {@code DROP
	 * COLUMN} in an undo script.
	 */
	INFO,

	/**
	 * The finding is reported and logged; the run goes on.
	 */
	WARNING,

	/**
	 * The finding stops {@code migrate} before anything of the run is applied.
	 */
	ERROR

}
