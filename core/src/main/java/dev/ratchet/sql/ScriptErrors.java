package dev.ratchet.sql;

import dev.ratchet.MigrationResolutionException;

/**
 * Builds the exceptions for a place in a script, so every message starts the same way.
 */
final class ScriptErrors {

	private static final int EXCERPT_LENGTH = 30;

	private ScriptErrors() {
	}

	/**
	 * Returns an exception whose message reads {@code <script> line <line>: <problem>}.
	 * @param script the script's name
	 * @param line the 1-based line at fault
	 * @param problem what is wrong and what to do about it
	 * @return the exception to throw
	 */
	static MigrationResolutionException at(String script, int line, String problem) {
		return new MigrationResolutionException(script + " line " + line + ": " + problem, script, line, null);
	}

	/**
	 * Returns the start of a piece of text on one line, to quote it in a message.
	 * @param text the text
	 * @param start where the piece starts
	 * @return at most 30 characters, with line breaks shown as spaces and "..." when cut
	 */
	static String excerpt(CharSequence text, int start) {
		int end = Math.min(text.length(), start + EXCERPT_LENGTH);
		String excerpt = text.subSequence(start, end).toString().replaceAll("\\s+", " ");
		return (end < text.length()) ? excerpt + "..." : excerpt;
	}

}
