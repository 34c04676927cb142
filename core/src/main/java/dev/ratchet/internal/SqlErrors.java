package dev.ratchet.internal;

import java.sql.SQLException;

/**
 * Turns what the PostgreSQL driver reports into the parts of a Ratchet error message, without
 * depending on the driver's classes.
 */
final class SqlErrors {

	private static final int EXCERPT = 160;

	private SqlErrors() {
	}

	/**
	 * PostgreSQL's message without the driver's decoration, and the detail, hint and position lines.
	 * @param message the server's primary message
	 * @param detail DETAIL and HINT text, or empty
	 * @param position the 1-based character position in the statement, or 0
	 */
	record ServerError(String message, String detail, int position) {
	}

	static ServerError parse(SQLException ex) {
		String text = String.valueOf(ex.getMessage());
		String[] lines = text.split("\\R");
		String message = lines[0].replaceFirst("^(ERROR|FATAL|PANIC):\\s*", "");
		StringBuilder detail = new StringBuilder();
		int position = 0;
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i].trim();
			if (line.startsWith("Position:")) {
				try {
					position = Integer.parseInt(line.substring("Position:".length()).trim());
				}
				catch (NumberFormatException ignored) {
					// Leave the position unknown.
				}
			}
			else if (line.startsWith("Detail:") || line.startsWith("Hint:")) {
				detail.append(' ').append(line);
			}
		}
		return new ServerError(message, detail.toString().trim(), position);
	}

	/**
	 * Returns whether the error says the connection to the server is gone (SQLSTATE class 08).
	 */
	static boolean isConnectionLoss(SQLException ex) {
		return ex.getSQLState() != null && ex.getSQLState().startsWith("08");
	}

	/**
	 * Describes an error in a few words with its SQLSTATE, saying so plainly when the connection was lost.
	 */
	static String describe(SQLException ex) {
		return (isConnectionLoss(ex) ? "the connection to the database was lost: " : "") + parse(ex).message()
				+ " (SQLSTATE " + ex.getSQLState() + ")";
	}

	/**
	 * Returns the line within a script of a position within a statement.
	 * @param sql the statement
	 * @param firstLine the statement's first line in the script
	 * @param position 1-based character position, or 0
	 * @return the line
	 */
	static int lineOf(String sql, int firstLine, int position) {
		int line = firstLine;
		for (int i = 0; i < Math.min(position - 1, sql.length()); i++) {
			if (sql.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	/**
	 * Returns the statement on one line, shortened.
	 */
	static String excerpt(String sql) {
		String flat = sql.replaceAll("\\s+", " ").trim();
		return (flat.length() > EXCERPT) ? flat.substring(0, EXCERPT) + " …" : flat;
	}

}
