package dev.ratchet.sql;

import dev.ratchet.MigrationResolutionException;

/**
 * Recognizes psql features in a script. Ratchet sends each statement to the server over JDBC, so
 * anything psql would handle itself cannot work and is reported before a migration starts.
 */
final class PsqlFeatures {

	private PsqlFeatures() {
	}

	/**
	 * Returns the exception for a backslash meta-command such as {@code \connect}.
	 * @param command the backslash and the command's name
	 * @param script the script's name
	 * @param line the line of the backslash
	 * @return the exception to throw
	 */
	static MigrationResolutionException metaCommand(String command, String script, int line) {
		return ScriptErrors.at(script, line, "'" + command + "' is a psql meta-command, not SQL; Ratchet sends "
				+ "SQL to the server directly. Remove it" + advice(command));
	}

	private static String advice(String command) {
		return switch (command) {
			case "\\c", "\\connect" -> "; a migration runs against the database Ratchet is configured with, so "
					+ "point Ratchet (or a second Ratchet) at the other database.";
			case "\\i", "\\ir", "\\include", "\\include_relative" -> " and put the SQL of that file into this "
					+ "migration, or into a migration of its own.";
			case "\\set" -> "; for a value that differs between environments use a placeholder ${name}, "
					+ "defined with ratchet.placeholders.name.";
			case "\\copy" -> "; load rows with INSERT statements, with COPY ... FROM a file on the database "
					+ "server, or with a Java migration.";
			case "\\gexec" -> "; to run statements a query generates, EXECUTE them in a DO block.";
			default -> "; write what it does as SQL (a DO block for logic), or use a Java migration.";
		};
	}

	/**
	 * Rejects {@code COPY ... FROM STDIN}, whose data psql would send after the statement.
	 * @param sql the statement
	 * @param script the script's name
	 * @param line the statement's line
	 */
	static void rejectCopyFromStdin(String sql, String script, int line) {
		if (!sql.regionMatches(true, 0, "COPY", 0, 4)) {
			return;
		}
		SqlTokens tokens = new SqlTokens(sql);
		if (!tokens.accept("COPY")) {
			return;
		}
		String token;
		do {
			// Skips "(query)" and column lists, whose FROM is not COPY's.
			tokens.group();
			token = tokens.next();
		}
		while (token != null && !token.equals("FROM") && !token.equals("TO"));
		if ("FROM".equals(token) && tokens.accept("STDIN")) {
			throw ScriptErrors.at(script, line, "COPY ... FROM STDIN reads rows that psql sends after the "
					+ "statement, which is a psql feature; Ratchet sends SQL to the server directly. Load the rows "
					+ "with INSERT statements, with COPY ... FROM a file on the database server, or with a Java "
					+ "migration.");
		}
	}

}
