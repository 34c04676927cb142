package dev.ratchet.sql;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads scripts for the tests.
 */
final class SqlScripts {

	static final String SCRIPT = "V1__test.sql";

	private SqlScripts() {
	}

	static List<SqlStatement> read(String script) {
		return read(new StringReader(script), Placeholders.NONE);
	}

	static List<SqlStatement> read(Reader script, Placeholders placeholders) {
		try (SqlStatementReader reader = new SqlStatementReader(script, SCRIPT, placeholders)) {
			List<SqlStatement> statements = new ArrayList<>();
			for (SqlStatement statement = reader.next(); statement != null; statement = reader.next()) {
				statements.add(statement);
			}
			return statements;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> sql(String script) {
		return read(script).stream().map(SqlStatement::sql).toList();
	}

	static List<Integer> lines(String script) {
		return read(script).stream().map(SqlStatement::line).toList();
	}

	/**
	 * A reader that hands out one character per call, so every character crosses a buffer boundary.
	 */
	static final class TrickleReader extends Reader {

		private final String text;

		private int position;

		TrickleReader(String text) {
			this.text = text;
		}

		@Override
		public int read(char[] buffer, int offset, int length) {
			if (this.position == this.text.length()) {
				return -1;
			}
			buffer[offset] = this.text.charAt(this.position++);
			return 1;
		}

		@Override
		public void close() {
		}

	}

}
