package dev.ratchet.sql;

import java.io.IOException;
import java.io.Reader;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link SqlStatementReader} streams large scripts quickly.
 */
class SqlStatementReaderStreamingTests {

	private static final int STATEMENTS = 600_000;

	@Test
	@Timeout(value = 30, unit = TimeUnit.SECONDS)
	void readsFiftyMegabytesOfInsertsOneStatementAtATime() throws IOException {
		GeneratedScript script = new GeneratedScript(STATEMENTS);
		int count = 0;
		SqlStatement last = null;
		try (SqlStatementReader reader = new SqlStatementReader(script, "V2__data.sql", Placeholders.NONE)) {
			for (SqlStatement statement = reader.next(); statement != null; statement = reader.next()) {
				count++;
				last = statement;
			}
		}
		assertThat(script.length).isGreaterThan(50_000_000L);
		assertThat(count).isEqualTo(STATEMENTS);
		String lastSql = GeneratedScript.statement(STATEMENTS - 1).strip().replaceAll(";$", "");
		assertThat(last).isEqualTo(new SqlStatement(lastSql, 2 * STATEMENTS - 1));
	}

	/**
	 * A script of two-line INSERT statements, made up as it is read.
	 */
	static final class GeneratedScript extends Reader {

		private final int statements;

		private int next;

		private String current = "";

		private int position;

		long length;

		GeneratedScript(int statements) {
			this.statements = statements;
		}

		static String statement(int i) {
			return "INSERT INTO items (id, name, note)\r\n\tVALUES (" + i + ", 'item " + i
					+ "', 'a; b -- not a comment');\n";
		}

		@Override
		public int read(char[] buffer, int offset, int length) {
			if (this.position == this.current.length()) {
				if (this.next == this.statements) {
					return -1;
				}
				this.current = statement(this.next++);
				this.position = 0;
				this.length += this.current.length();
			}
			int count = Math.min(length, this.current.length() - this.position);
			this.current.getChars(this.position, this.position + count, buffer, offset);
			this.position += count;
			return count;
		}

		@Override
		public void close() {
		}

	}

}
