package dev.ratchet.lint.internal;

import dev.ratchet.sql.SqlTokenList;

/**
 * A possibly schema-qualified name in a statement, known by its last part as PostgreSQL reads it.
 * @param name the last part: lower case unless quoted
 * @param next the index of the token after the name
 */
record TableName(String name, int next) {

	/**
	 * Reads the name starting at a token.
	 * @return the name, or {@code null} if the token is no identifier
	 */
	static TableName read(SqlTokenList tokens, int index) {
		String name = tokens.identifier(index);
		if (name == null) {
			return null;
		}
		int next = index + 1;
		while (tokens.isSymbol(next, '.') && tokens.identifier(next + 1) != null) {
			name = tokens.identifier(next + 1);
			next += 2;
		}
		return new TableName(name, next);
	}

}
