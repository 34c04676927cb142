package dev.ratchet.sql;

import java.util.Arrays;
import java.util.Locale;

/**
 * The tokens of one statement, outside comments: strings, dollar quotes and quoted identifiers are
 * single tokens, so what is inside them is never mistaken for SQL. Compact (offsets only), so a
 * large statement costs a few integers per token.
 */
public final class SqlTokenList {

	private final String sql;

	private TokenType[] types = new TokenType[16];

	private int[] starts = new int[16];

	private int[] ends = new int[16];

	private int size;

	private SqlTokenList(String sql) {
		this.sql = sql;
	}

	/**
	 * Splits a statement into tokens.
	 * @param sql the statement
	 * @return its tokens
	 */
	public static SqlTokenList of(String sql) {
		SqlTokenList list = new SqlTokenList(sql);
		TokenScanner scanner = new TokenScanner(sql);
		while (scanner.advance()) {
			list.add(scanner.type(), scanner.start(), scanner.end());
		}
		return list;
	}

	private void add(TokenType type, int start, int end) {
		if (this.size == this.starts.length) {
			int capacity = this.size * 2;
			this.types = Arrays.copyOf(this.types, capacity);
			this.starts = Arrays.copyOf(this.starts, capacity);
			this.ends = Arrays.copyOf(this.ends, capacity);
		}
		this.types[this.size] = type;
		this.starts[this.size] = start;
		this.ends[this.size] = end;
		this.size++;
	}

	/**
	 * Returns the statement the tokens are from.
	 */
	public String sql() {
		return this.sql;
	}

	public int size() {
		return this.size;
	}

	/**
	 * Returns the type of a token, or {@code null} when the index is out of range.
	 */
	public TokenType type(int index) {
		return inRange(index) ? this.types[index] : null;
	}

	/**
	 * Returns the offset in the statement where a token starts.
	 */
	public int start(int index) {
		return this.starts[index];
	}

	/**
	 * Returns the offset in the statement just after a token.
	 */
	public int end(int index) {
		return this.ends[index];
	}

	/**
	 * Returns a token as written, or {@code null} when the index is out of range.
	 */
	public String text(int index) {
		return inRange(index) ? this.sql.substring(this.starts[index], this.ends[index]) : null;
	}

	/**
	 * Returns whether a token is the given keyword (or unquoted identifier), in any case.
	 * @param index the token, possibly out of range
	 * @param word the word in upper case
	 */
	public boolean isWord(int index, String word) {
		return type(index) == TokenType.WORD && this.ends[index] - this.starts[index] == word.length()
				&& this.sql.regionMatches(true, this.starts[index], word, 0, word.length());
	}

	/**
	 * Returns whether a token is one of the given keywords.
	 * @param index the token, possibly out of range
	 * @param words the words in upper case
	 */
	public boolean isAnyWord(int index, String... words) {
		for (String word : words) {
			if (isWord(index, word)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Returns whether a token is the given single character.
	 * @param index the token, possibly out of range
	 * @param symbol the character
	 */
	public boolean isSymbol(int index, char symbol) {
		return type(index) == TokenType.SYMBOL && this.sql.charAt(this.starts[index]) == symbol;
	}

	/**
	 * Returns a word in upper case, or {@code null} when the token is not a word.
	 */
	public String word(int index) {
		return (type(index) == TokenType.WORD) ? text(index).toUpperCase(Locale.ROOT) : null;
	}

	/**
	 * Returns an identifier as PostgreSQL reads it: an unquoted one in lower case, a quoted one
	 * without its quotes; {@code null} for any other token.
	 */
	public String identifier(int index) {
		if (type(index) == TokenType.WORD) {
			return text(index).toLowerCase(Locale.ROOT);
		}
		if (type(index) == TokenType.QUOTED_IDENTIFIER) {
			String text = text(index);
			return text.substring(1, Math.max(1, text.length() - 1)).replace("\"\"", "\"");
		}
		return null;
	}

	private boolean inRange(int index) {
		return index >= 0 && index < this.size;
	}

}
