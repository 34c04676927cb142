package dev.ratchet.sql;

import java.util.List;

/**
 * One SQL statement of a script, ready to send to PostgreSQL.
 *
 * @param sql the statement without leading whitespace and comments, trailing whitespace or the
 * terminating {@code ;}, with placeholders replaced
 * @param line the 1-based line of the statement's first significant character in the script
 * @param column the 1-based column of that character
 * @param directives the {@code -- ratchet:} comments that belong to the statement: those written
 * since the previous statement, inside it, and after its {@code ;} on the same line
 */
public record SqlStatement(String sql, int line, int column, List<SqlComment> directives) {

	public SqlStatement {
		directives = List.copyOf(directives);
	}

	/**
	 * Creates a statement that starts at the first column and has no directives.
	 * @param sql the statement
	 * @param line its line
	 */
	public SqlStatement(String sql, int line) {
		this(sql, line, 1, List.of());
	}

	/**
	 * Returns where in the script an offset in the statement is.
	 * @param offset an offset in {@link #sql()}
	 * @return the 1-based line and column
	 */
	public Position position(int offset) {
		int line = this.line;
		int lineStart = 0;
		for (int i = 0; i < offset && i < this.sql.length(); i++) {
			char c = this.sql.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 >= this.sql.length() || this.sql.charAt(i + 1) != '\n'))) {
				line++;
				lineStart = i + 1;
			}
		}
		return new Position(line, (line == this.line) ? this.column + offset : offset - lineStart + 1);
	}

	/**
	 * A place in a script.
	 * @param line the 1-based line
	 * @param column the 1-based column
	 */
	public record Position(int line, int column) {
	}

}
