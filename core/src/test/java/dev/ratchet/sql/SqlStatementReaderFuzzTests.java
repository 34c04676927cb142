package dev.ratchet.sql;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated scripts that mix every quoting and comment form, each with semicolons, quotes and line
 * breaks inside: the reader must find exactly the statements that were joined (so no statement
 * ends inside a literal, identifier or comment), at the right lines, however the characters
 * arrive; and splitting what it returned, joined again, must give the same statements. Semicolons
 * inside parentheses stay in their statement, as psql keeps them. The seed is
 * printed ({@code -Dratchet.fuzz.seed} repeats a run); the run is bounded in count and time.
 */
class SqlStatementReaderFuzzTests {

	private static final int SCRIPTS = Integer.getInteger("ratchet.fuzz.scripts", 3000);

	private static final long MAX_MILLIS = 20_000;

	/** Characters that make a reader slip: every quote and comment opener, semicolons, line breaks. */
	private static final String TRICKY = ";;'\"$-/*\\\n\r\t abcXYZ09_(),.é€";

	private final Random random;

	private final long seed;

	SqlStatementReaderFuzzTests() {
		this.seed = Long.getLong("ratchet.fuzz.seed", System.nanoTime());
		this.random = new Random(this.seed);
	}

	@Test
	void readerFindsExactlyTheStatementsThatWereJoined() {
		System.out.println("SQL reader fuzzing: seed " + this.seed + " (repeat with -Dratchet.fuzz.seed=" + this.seed + ")");
		long deadline = System.currentTimeMillis() + MAX_MILLIS;
		int scripts = 0;
		for (; scripts < SCRIPTS && System.currentTimeMillis() < deadline; scripts++) {
			List<String> statements = new ArrayList<>();
			List<Integer> lines = new ArrayList<>();
			StringBuilder script = new StringBuilder(separator());
			int count = 1 + this.random.nextInt(6);
			for (int i = 0; i < count; i++) {
				String statement = statement();
				lines.add(1 + lineBreaks(script));
				statements.add(statement);
				script.append(statement).append(';').append(separator());
			}
			String context = "seed " + this.seed + ", script " + scripts + ":\n" + script;
			List<SqlStatement> read = SqlScripts.read(script.toString());
			assertThat(read).as(context).map(SqlStatement::sql).containsExactlyElementsOf(statements);
			assertThat(read).as(context).map(SqlStatement::line).containsExactlyElementsOf(lines);
			assertThat(SqlScripts.read(new SqlScripts.TrickleReader(script.toString()), Placeholders.NONE))
				.as(context)
				.isEqualTo(read);
			String joined = String.join(";\n", read.stream().map(SqlStatement::sql).toList());
			assertThat(SqlScripts.sql(joined)).as(context).containsExactlyElementsOf(statements);
		}
		System.out.println("SQL reader fuzzing: " + scripts + " scripts checked");
		assertThat(scripts).isGreaterThanOrEqualTo(Math.min(SCRIPTS, 200));
	}

	private String statement() {
		if (this.random.nextInt(10) == 0) {
			return atomicFunction();
		}
		StringBuilder statement = new StringBuilder(pick("SELECT", "INSERT INTO t VALUES", "UPDATE t SET x =", "DO"));
		int fragments = this.random.nextInt(8);
		for (int i = 0; i < fragments; i++) {
			statement.append(pick(" ", "\n", "\r\n", "\t ", " \n  ")).append(fragment());
		}
		// Ends on a word, so the statement's text is exactly what the reader keeps.
		return statement.append(' ').append(pick("x", "1", "t.id", "$1", "done")).toString();
	}

	private String fragment() {
		return switch (this.random.nextInt(11)) {
			case 0 -> "'" + text("'") .replace("'", "''") + "'";
			case 1 -> "E'" + escapeText() + "'";
			case 2 -> "U&'" + text("'\\").replace("'", "''") + "'";
			case 3 -> "\"" + text("\"").replace("\"", "\"\"") + "\"";
			case 4 -> "$$" + text("$") + "$$";
			case 5 -> dollarTagged();
			case 6 -> "-- " + text("\n\r") + "\n";
			case 7 -> blockComment(0);
			case 8 -> "B'1" + pick("0", "1", "") + "', X'" + pick("1F", "a0", "") + "'";
			case 9 -> pick("$1", "$2", "f(a, b)", "a::text", "x || y", "(1; (2;) ;)");
			default -> pick("id", "name", "42", "3.5", "_x", "é");
		};
	}

	private String dollarTagged() {
		String tag = pick("body", "fn", "a1", "_t", "Q");
		String body = text("");
		while (body.contains("$" + tag + "$")) {
			body = body.replace("$" + tag + "$", "");
		}
		if (body.endsWith("$") || body.endsWith("$" + tag)) {
			body = body + " ";
		}
		return "$" + tag + "$" + body + "$" + tag + "$";
	}

	private String blockComment(int depth) {
		StringBuilder comment = new StringBuilder("/*").append(text("*/"));
		if (depth < 2 && this.random.nextBoolean()) {
			comment.append(blockComment(depth + 1)).append(text("*/"));
		}
		// A final '/' or '*' would merge with the closing delimiter.
		return comment.append(" */").toString();
	}

	private String escapeText() {
		StringBuilder text = new StringBuilder();
		int length = this.random.nextInt(12);
		for (int i = 0; i < length; i++) {
			text.append(switch (this.random.nextInt(5)) {
				case 0 -> "\\'";
				case 1 -> "\\\\";
				case 2 -> "''";
				case 3 -> "\\n;";
				default -> text("'\\");
			});
		}
		return text.toString();
	}

	private String atomicFunction() {
		return "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT CASE WHEN true THEN 1 END;"
				+ pick("", "\n  SELECT ';';") + "\nEND";
	}

	/**
	 * Random tricky text without the given characters (nor "${", which would be a placeholder).
	 */
	private String text(String excluded) {
		StringBuilder text = new StringBuilder();
		int length = this.random.nextInt(10);
		while (text.length() < length) {
			char c = TRICKY.charAt(this.random.nextInt(TRICKY.length()));
			if (excluded.indexOf(c) < 0) {
				text.append(c);
			}
		}
		return text.toString();
	}

	private String separator() {
		return switch (this.random.nextInt(6)) {
			case 0 -> "";
			case 1 -> "\n";
			case 2 -> "\r\n\r\n";
			case 3 -> " -- " + text("\n\r") + "\n";
			case 4 -> "\n/* " + text("*/") + " */\n";
			default -> ";\n";
		};
	}

	private String pick(String... options) {
		return options[this.random.nextInt(options.length)];
	}

	private static int lineBreaks(CharSequence text) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
				count++;
			}
		}
		return count;
	}

}
