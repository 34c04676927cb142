package dev.ratchet.lint.internal;

/**
 * What lint learned from the statements of one script so far.
 */
final class ScriptState {

	boolean lockTimeoutSet;

	boolean lockTimeoutReported;

	/**
	 * The line of an explicit {@code BEGIN} not yet ended, or 0.
	 */
	int transactionLine;

}
