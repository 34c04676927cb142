package dev.ratchet.lint.internal;

import java.util.Locale;
import java.util.Set;

import dev.ratchet.lint.LintRule;
import dev.ratchet.lint.internal.DialectFunctions.ForeignFunction;
import dev.ratchet.lint.internal.DialectTypes.ForeignType;
import dev.ratchet.sql.SqlTokenList;
import dev.ratchet.sql.TokenType;

/**
 * Finds SQLite, MySQL and SQL Server syntax in a statement, token by token. Strings, dollar
 * quotes, quoted identifiers and comments are single tokens, so their content never matches.
 */
final class DialectCheck {

	// Keywords that cannot be the column name a type follows.
	private static final Set<String> NOT_A_NAME = Set.of("ADD", "ALL", "ALTER", "AND", "ANY", "ARRAY", "ASC",
			"BETWEEN", "BY", "CASE", "CAST", "CHECK", "COLLATE", "COLUMN", "CONSTRAINT", "CREATE", "DEFAULT", "DESC",
			"DISTINCT", "DO", "DROP", "ELSE", "END", "EXCEPT", "EXISTS", "FALSE", "FETCH", "FOR", "FOREIGN", "FROM",
			"GRANT", "GROUP", "HAVING", "IF", "ILIKE", "IN", "INDEX", "INTERSECT", "INTO", "IS", "JOIN", "LIKE", "LIMIT",
			"NOT", "NULL", "OFFSET", "ON", "ONLY", "OR", "ORDER", "PERFORM", "PRIMARY", "REFERENCES", "RENAME",
			"RETURN", "RETURNING", "SELECT", "SET", "SOME", "TABLE", "THEN", "TO", "TRUE", "UNION", "UNIQUE", "UPDATE",
			"USING", "VALUES", "WHEN", "WHERE", "WINDOW", "WITH");

	// Words that may follow a type in a column definition, cast or declaration.
	private static final Set<String> AFTER_TYPE = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "CHECK",
			"REFERENCES", "CONSTRAINT", "COLLATE", "GENERATED", "UNSIGNED", "ZEROFILL", "AUTO_INCREMENT",
			"AUTOINCREMENT", "IDENTITY", "CHARACTER", "CHARSET", "COMMENT", "PRECISION", "USING", "ARRAY", "WITH",
			"WITHOUT", "ON", "AS", "LANGUAGE");

	private final SqlTokenList tokens;

	private final Findings findings;

	private DialectCheck(SqlTokenList tokens, Findings findings) {
		this.tokens = tokens;
		this.findings = findings;
	}

	static void check(SqlTokenList tokens, Findings findings) {
		DialectCheck check = new DialectCheck(tokens, findings);
		for (int i = 0; i < tokens.size(); i++) {
			if (tokens.type(i) == TokenType.WORD) {
				check.word(i, tokens.word(i));
			}
			else if (tokens.isSymbol(i, '`')) {
				check.once(Rules.BACKTICK, i, "`Backtick` quoted identifiers are MySQL's; PostgreSQL reads a "
						+ "backtick as an error.", "Use \"double quotes\", or no quotes for lower-case names.");
			}
			else if (tokens.isSymbol(i, '[') && check.isBracketedName(i)) {
				check.once(Rules.BRACKET, i, "[Bracket] quoted identifiers are SQL Server's; PostgreSQL reads "
						+ "brackets as array subscripts.", "Use \"double quotes\", or no quotes for lower-case names.");
			}
		}
	}

	private void word(int i, String word) {
		ForeignFunction function = DialectFunctions.find(word);
		if (function != null && isCall(i, word)) {
			add(Rules.FUNCTION, i, word.toLowerCase(Locale.ROOT) + "() is not a PostgreSQL function (" + function.dialects()
					+ ").", function.advice());
			return;
		}
		ForeignType type = DialectTypes.find(word);
		if (isMaxLength(i, word)) {
			add(Rules.MAX_LENGTH, i, word + "(MAX) is SQL Server's; PostgreSQL takes no MAX length.",
					word.equals("VARBINARY") ? "Use bytea." : "Use text.");
		}
		else if (type != null && isType(i) && !(word.equals("DOUBLE") && this.tokens.isWord(i + 1, "PRECISION"))) {
			add(type.rule(), i, word + " is not a PostgreSQL type (" + type.dialects() + ").", type.advice());
		}
		else {
			syntax(i, word);
		}
	}

	private void syntax(int i, String word) {
		switch (word) {
			case "INT", "INTEGER", "SMALLINT", "BIGINT" -> {
				if (isType(i) && this.tokens.isSymbol(i + 1, '(') && this.tokens.type(i + 2) == TokenType.NUMBER) {
					add(Rules.DISPLAY_WIDTH, i, word + "(" + this.tokens.text(i + 2) + ") is MySQL's display "
							+ "width; PostgreSQL integers take none.", "Write " + word.toLowerCase(Locale.ROOT) + " alone.");
				}
			}
			case "ENUM" -> {
				// CREATE TYPE status AS ENUM ('a', 'b') is PostgreSQL's own.
				if (isType(i) && !this.tokens.isWord(i - 1, "AS") && this.tokens.isSymbol(i + 1, '(')
						&& this.tokens.type(i + 2) == TokenType.STRING) {
					add(Rules.ENUM_TYPE, i, "ENUM(...) as a column type is MySQL's.", "Create the type first "
							+ "(CREATE TYPE status AS ENUM ('a', 'b')) and use it, or use text with a CHECK constraint.");
				}
			}
			case "UNSIGNED", "ZEROFILL" -> {
				if (follows(i)) {
					add(Rules.UNSIGNED, i, word + " is MySQL's; PostgreSQL numbers have no such attribute.",
							"Drop it, and add CHECK (column >= 0) where negative values must be refused.");
				}
			}
			case "AUTOINCREMENT", "AUTO_INCREMENT" -> {
				if (!this.tokens.isSymbol(i - 1, '.')) {
					add(Rules.AUTOINCREMENT, i, word + " is " + (word.equals("AUTOINCREMENT") ? "SQLite's" : "MySQL's")
							+ "; PostgreSQL has no such keyword.", "Use bigint GENERATED ALWAYS AS IDENTITY (or "
									+ "bigserial) for the column, and drop table-level AUTO_INCREMENT options.");
				}
			}
			case "IDENTITY" -> {
				if (this.tokens.isSymbol(i + 1, '(') && this.tokens.type(i + 2) == TokenType.NUMBER) {
					add(Rules.IDENTITY, i, "IDENTITY(seed, increment) is SQL Server's.",
							"Use GENERATED ALWAYS AS IDENTITY (or bigserial).");
				}
			}
			case "GO" -> {
				if (isAloneOnItsLine(i)) {
					add(Rules.GO, i, "GO is a SQL Server batch separator, not SQL.",
							"End each statement with ; and remove the GO lines.");
				}
			}
			case "PRAGMA" -> {
				if (i == 0) {
					add(Rules.PRAGMA, i, "PRAGMA is SQLite's; PostgreSQL has none.", "Remove it: PostgreSQL "
							+ "always enforces foreign keys; settings go in SET or ALTER DATABASE ... SET.");
				}
			}
			case "ENGINE", "CHARSET", "ROW_FORMAT", "COLLATE" -> {
				if (this.tokens.isSymbol(i + 1, '=')) {
					once(Rules.TABLE_OPTION, i, word + "= is a MySQL table option.", "Remove the table options: "
							+ "PostgreSQL has one storage engine, and the database's encoding applies to every table.");
				}
			}
			case "ON" -> {
				if (this.tokens.isWord(i + 1, "UPDATE")
						&& this.tokens.isAnyWord(i + 2, "CURRENT_TIMESTAMP", "NOW", "LOCALTIMESTAMP")) {
					add(Rules.ON_UPDATE, i, "ON UPDATE " + this.tokens.word(i + 2) + " on a column is MySQL's.",
							"Use a BEFORE UPDATE trigger that sets the column (NEW.updated_at := now()).");
				}
			}
			default -> {
			}
		}
	}

	/**
	 * Returns whether the word at {@code i} stands where a type does: after a column name, a cast,
	 * {@code AS}, {@code TYPE} or {@code RETURNS}, and before what may follow a type.
	 */
	private boolean isType(int i) {
		if (this.tokens.isSymbol(i - 1, ':') && this.tokens.isSymbol(i - 2, ':')) {
			return true;
		}
		boolean declared = this.tokens.isAnyWord(i - 1, "AS", "TYPE", "RETURNS");
		boolean afterName = this.tokens.type(i - 1) == TokenType.QUOTED_IDENTIFIER
				|| (this.tokens.type(i - 1) == TokenType.WORD && !NOT_A_NAME.contains(this.tokens.word(i - 1)));
		return (declared || afterName) && endsType(i + 1);
	}

	private boolean endsType(int next) {
		if (next >= this.tokens.size() || this.tokens.isSymbol(next, ',') || this.tokens.isSymbol(next, ')')
				|| this.tokens.isSymbol(next, '(') || this.tokens.isSymbol(next, '[')) {
			return true;
		}
		return this.tokens.type(next) == TokenType.WORD && AFTER_TYPE.contains(this.tokens.word(next));
	}

	private boolean isCall(int i, String word) {
		// DATETIME(3) is MySQL's type with fractional seconds, datetime('now') SQLite's function.
		boolean typeWithPrecision = this.tokens.type(i + 2) == TokenType.NUMBER && DialectTypes.find(word) != null;
		return this.tokens.isSymbol(i + 1, '(') && !typeWithPrecision && !this.tokens.isSymbol(i - 1, '.')
				&& !this.tokens.isAnyWord(i - 1, "FUNCTION", "PROCEDURE");
	}

	private boolean isMaxLength(int i, String word) {
		return (word.equals("VARCHAR") || word.equals("NVARCHAR") || word.equals("VARBINARY"))
				&& this.tokens.isSymbol(i + 1, '(') && this.tokens.isWord(i + 2, "MAX");
	}

	private boolean follows(int i) {
		return i > 0 && !this.tokens.isSymbol(i - 1, '(') && !this.tokens.isSymbol(i - 1, ',')
				&& !this.tokens.isSymbol(i - 1, '.');
	}

	private boolean isBracketedName(int i) {
		if (this.tokens.type(i + 1) != TokenType.WORD
				|| !(this.tokens.isSymbol(i + 2, ']') || this.tokens.type(i + 2) == TokenType.WORD)
				|| this.tokens.isWord(i - 1, "ARRAY")) {
			return false;
		}
		if (i == 0 || this.tokens.isSymbol(i - 1, '(') || this.tokens.isSymbol(i - 1, ',')
				|| this.tokens.isSymbol(i - 1, '.')) {
			return true;
		}
		// "arr[1]" subscripts an expression; "TABLE [users]" names something.
		return this.tokens.type(i - 1) == TokenType.WORD && this.tokens.end(i - 1) < this.tokens.start(i);
	}

	private boolean isAloneOnItsLine(int i) {
		String sql = this.tokens.sql();
		for (int k = this.tokens.start(i) - 1; k >= 0 && sql.charAt(k) != '\n' && sql.charAt(k) != '\r'; k--) {
			if (!Character.isWhitespace(sql.charAt(k))) {
				return false;
			}
		}
		for (int k = this.tokens.end(i); k < sql.length() && sql.charAt(k) != '\n' && sql.charAt(k) != '\r'; k++) {
			char c = sql.charAt(k);
			if (c == '-' && sql.startsWith("--", k)) {
				return true;
			}
			if (!Character.isWhitespace(c) && !Character.isDigit(c)) {
				return false;
			}
		}
		return true;
	}

	private void once(LintRule rule, int i, String message, String hint) {
		if (!this.findings.contains(rule)) {
			add(rule, i, message, hint);
		}
	}

	private void add(LintRule rule, int i, String message, String hint) {
		this.findings.add(rule, this.tokens.start(i), message, hint);
	}

}
