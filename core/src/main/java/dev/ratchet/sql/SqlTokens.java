package dev.ratchet.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the start of a statement token by token: enough to read leading keywords. Words come back
 * in upper case, quoted identifiers and strings as written, any other character on its own.
 */
final class SqlTokens {

	private final String sql;

	private final TokenScanner scanner;

	private String peeked;

	SqlTokens(String sql) {
		this.sql = sql;
		this.scanner = new TokenScanner(sql);
	}

	/**
	 * Returns the next token, or {@code null} at the end.
	 */
	String next() {
		String token = peek();
		this.peeked = null;
		return token;
	}

	/**
	 * Returns the next token without consuming it, or {@code null} at the end.
	 */
	String peek() {
		if (this.peeked == null && this.scanner.advance()) {
			String text = this.sql.substring(this.scanner.start(), this.scanner.end());
			this.peeked = (this.scanner.type() == TokenType.WORD) ? text.toUpperCase(Locale.ROOT) : text;
		}
		return this.peeked;
	}

	/**
	 * Consumes the next token if it is the given one.
	 */
	boolean accept(String token) {
		if (token.equals(peek())) {
			this.peeked = null;
			return true;
		}
		return false;
	}

	/**
	 * Consumes a parenthesized group, such as an option list, if one is next.
	 * @return the tokens inside it, empty if there is no group
	 */
	List<String> group() {
		List<String> tokens = new ArrayList<>();
		if (accept("(")) {
			int depth = 1;
			for (String token = next(); token != null; token = next()) {
				depth += token.equals("(") ? 1 : token.equals(")") ? -1 : 0;
				if (depth == 0) {
					break;
				}
				tokens.add(token);
			}
		}
		return tokens;
	}

}
