package dev.ratchet.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits the start of a statement into tokens, skipping whitespace and comments: enough to read
 * leading keywords. Words come back in upper case, quoted identifiers and strings as written, any
 * other character on its own.
 */
final class SqlTokens {

	private final String sql;

	private int position;

	private String peeked;

	SqlTokens(String sql) {
		this.sql = sql;
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
		if (this.peeked == null) {
			this.peeked = scan();
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

	private String scan() {
		skipWhitespaceAndComments();
		if (this.position >= this.sql.length()) {
			return null;
		}
		int start = this.position;
		char c = this.sql.charAt(this.position++);
		if (isWordPart(c)) {
			while (this.position < this.sql.length() && isWordPart(this.sql.charAt(this.position))) {
				this.position++;
			}
			return this.sql.substring(start, this.position).toUpperCase(Locale.ROOT);
		}
		if (c == '"' || c == '\'') {
			skipQuoted(c);
			return this.sql.substring(start, this.position);
		}
		return String.valueOf(c);
	}

	private void skipQuoted(char quote) {
		while (true) {
			int end = this.sql.indexOf(quote, this.position);
			if (end < 0) {
				this.position = this.sql.length();
				return;
			}
			this.position = end + 1;
			if (this.position == this.sql.length() || this.sql.charAt(this.position) != quote) {
				return;
			}
			// A doubled quote stands for one quote inside the text.
			this.position++;
		}
	}

	private void skipWhitespaceAndComments() {
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			if (Character.isWhitespace(c)) {
				this.position++;
			}
			else if (this.sql.startsWith("--", this.position)) {
				while (this.position < this.sql.length() && this.sql.charAt(this.position) != '\n'
						&& this.sql.charAt(this.position) != '\r') {
					this.position++;
				}
			}
			else if (this.sql.startsWith("/*", this.position)) {
				skipBlockComment();
			}
			else {
				return;
			}
		}
	}

	private void skipBlockComment() {
		int depth = 0;
		do {
			if (this.sql.startsWith("/*", this.position)) {
				depth++;
				this.position += 2;
			}
			else if (this.sql.startsWith("*/", this.position)) {
				depth--;
				this.position += 2;
			}
			else {
				this.position++;
			}
		}
		while (depth > 0 && this.position < this.sql.length());
	}

	private static boolean isWordPart(char c) {
		return Character.isLetterOrDigit(c) || c == '_' || c == '$';
	}

}
