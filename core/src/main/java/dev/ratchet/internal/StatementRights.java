package dev.ratchet.internal;

import java.util.Locale;

/**
 * The privilege a statement needs on the object PostgreSQL refused it, read from its first word,
 * for the hint of a "permission denied" error.
 */
final class StatementRights {

	private StatementRights() {
	}

	/**
	 * Returns the privilege, or {@code null} when the first word does not tell.
	 * @param sql the statement
	 * @return for example {@code INSERT}
	 */
	static String of(String sql) {
		String stripped = sql.replaceAll("(?s)^(\\s|--[^\n]*\n|/\\*.*?\\*/)+", "");
		int end = 0;
		while (end < stripped.length() && Character.isLetter(stripped.charAt(end))) {
			end++;
		}
		return switch (stripped.substring(0, end).toUpperCase(Locale.ROOT)) {
			case "INSERT", "UPDATE", "DELETE", "TRUNCATE" -> stripped.substring(0, end).toUpperCase(Locale.ROOT);
			case "SELECT", "WITH", "COPY", "TABLE" -> "SELECT";
			case "CALL" -> "EXECUTE";
			default -> null;
		};
	}

}
