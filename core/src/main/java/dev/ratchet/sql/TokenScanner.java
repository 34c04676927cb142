package dev.ratchet.sql;

/**
 * Finds the tokens of one statement, left to right, skipping whitespace and comments. A string
 * ({@code '...'}, {@code E'...'}, {@code B'...'}, {@code X'...'}, {@code N'...'}, a dollar quote),
 * a quoted identifier or a word is one token; any other character is a token of its own. Keeps no
 * text: the current token is its type and offsets into the statement.
 */
final class TokenScanner {

	private final String sql;

	private int position;

	private TokenType type;

	private int start;

	TokenScanner(String sql) {
		this.sql = sql;
	}

	/**
	 * Moves to the next token.
	 * @return whether there is one
	 */
	boolean advance() {
		skipWhitespaceAndComments();
		if (this.position >= this.sql.length()) {
			this.type = null;
			return false;
		}
		this.start = this.position;
		char c = this.sql.charAt(this.position++);
		if (isPrefixedString(c)) {
			boolean escapes = c == 'E' || c == 'e';
			this.position++;
			skipString(escapes);
			this.type = TokenType.STRING;
		}
		else if (isIdentifierStart(c)) {
			skipWhile(true);
			this.type = TokenType.WORD;
		}
		else if (c >= '0' && c <= '9') {
			skipWhile(false);
			this.type = TokenType.NUMBER;
		}
		else if (c == '\'') {
			skipString(false);
			this.type = TokenType.STRING;
		}
		else if (c == '"') {
			skipQuotedIdentifier();
			this.type = TokenType.QUOTED_IDENTIFIER;
		}
		else if (c == '$' && skipDollarQuote()) {
			this.type = TokenType.STRING;
		}
		else {
			this.type = TokenType.SYMBOL;
		}
		return true;
	}

	TokenType type() {
		return this.type;
	}

	int start() {
		return this.start;
	}

	int end() {
		return this.position;
	}

	private boolean isPrefixedString(char c) {
		return "EeBbXxNn".indexOf(c) >= 0 && this.position < this.sql.length() && this.sql.charAt(this.position) == '\'';
	}

	private void skipWhile(boolean identifier) {
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			boolean part = isIdentifierStart(c) || (c >= '0' && c <= '9') || (identifier ? c == '$' : c == '.');
			if (!part) {
				return;
			}
			this.position++;
		}
	}

	private void skipString(boolean backslashEscapes) {
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position++);
			if (c == '\\' && backslashEscapes) {
				this.position++;
			}
			else if (c == '\'') {
				if (this.position >= this.sql.length() || this.sql.charAt(this.position) != '\'') {
					return;
				}
				// A doubled quote stands for one quote inside the text.
				this.position++;
			}
		}
		this.position = Math.min(this.position, this.sql.length());
	}

	private void skipQuotedIdentifier() {
		while (this.position < this.sql.length()) {
			if (this.sql.charAt(this.position++) == '"') {
				if (this.position >= this.sql.length() || this.sql.charAt(this.position) != '"') {
					return;
				}
				this.position++;
			}
		}
	}

	/**
	 * Skips a dollar quote whose {@code $} was read; leaves a parameter such as {@code $1} alone.
	 */
	private boolean skipDollarQuote() {
		int tagEnd = this.position;
		while (tagEnd < this.sql.length()) {
			char c = this.sql.charAt(tagEnd);
			if (!isIdentifierStart(c) && !(tagEnd > this.position && c >= '0' && c <= '9')) {
				break;
			}
			tagEnd++;
		}
		if (tagEnd >= this.sql.length() || this.sql.charAt(tagEnd) != '$') {
			return false;
		}
		String delimiter = this.sql.substring(this.start, tagEnd + 1);
		int close = this.sql.indexOf(delimiter, tagEnd + 1);
		this.position = (close < 0) ? this.sql.length() : close + delimiter.length();
		return true;
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

	private static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
	}

}
