package dev.ratchet.sql;

import java.io.IOException;
import java.io.Reader;

import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ratchet.MigrationResolutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for the SQL that {@link SqlStatementReader} refuses, and how it says so.
 */
class SqlStatementReaderErrorTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			string literal    | SELECT 1;\\n\\nSELECT 'abc;\\n;     | 3 | string literal 'abc; ; is never closed
			escape string     | SELECT E'it\\';\\nSELECT 2          | 1 | escape string E'it\\'; SELECT 2 is never
			quoted identifier | SELECT 1 AS "a;\\nb                | 1 | quoted identifier "a; b is never closed
			dollar quote      | SELECT 1;\\nDO $$\\nBEGIN END;      | 2 | dollar quote $$ is never closed
			tagged dollar     | SELECT 1;\\r\\nDO $body$ $$ $$;     | 2 | dollar quote $body$ is never closed
			misspelt tag      | DO $body$ SELECT 1; $Body$;        | 1 | dollar quote $body$ is never closed
			block comment     | SELECT 1 /* a;\\n SELECT 2;         | 1 | block comment /* is never closed
			nested comment    | SELECT 1;\\n/* a /* b */ SELECT 2; | 2 | block comment /* is never closed
			""")
	void unterminatedTextIsReportedAtTheLineItStarts(String what, String script, int line, String problem) {
		readFails(script.replace("\\n", "\n").replace("\\r", "\r"))
			.withMessageStartingWith(SqlScripts.SCRIPT + " line " + line + ": " + problem)
			.satisfies((ex) -> assertThat(ex.getScript()).isEqualTo(SqlScripts.SCRIPT))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(line));
	}

	@Test
	void unclosedAtomicBodyIsReportedAtItsBegin() {
		readFails("SELECT 1;\nCREATE PROCEDURE p()\nBEGIN\n  ATOMIC\n  SELECT CASE WHEN b THEN 1 END;\nSELECT 2;")
			.withMessage(SqlScripts.SCRIPT + " line 3: BEGIN ATOMIC body is never closed by END (the file ends first). "
					+ "End the body with END; each CASE inside it needs its own END.");
	}

	@Test
	void unclosedParenthesisIsReportedAtItsLine() {
		readFails("SELECT 1;\nCREATE RULE r AS ON DELETE TO t\n  DO ALSO (DELETE FROM a;\nSELECT 2;")
			.withMessage(SqlScripts.SCRIPT + " line 3: '(' is never closed (the file ends first), so every ';' after "
					+ "it stays inside the statement. Close the parenthesis.");
	}

	@Test
	void unterminatedStringSaysHowToClose() {
		readFails("SELECT 'it's'")
			.withMessageContaining("Close it with '; write '' for a quote inside the string");
	}

	@Test
	void unterminatedDollarQuoteSaysWhichTagCloses() {
		readFails("DO $fn$ x $FN$")
			.withMessageContaining("Add the closing $fn$ where the quoted text ends");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			\\connect other                   | \\connect | point Ratchet
			\\c other                         | \\c       | point Ratchet
			\\copy t FROM 'data.csv' CSV      | \\copy    | INSERT statements
			\\i common.sql                    | \\i       | put the SQL of that file
			\\ir common.sql                   | \\ir      | put the SQL of that file
			\\set schema app                  | \\set     | ratchet.placeholders.name
			\\echo hello                      | \\echo    | write what it does as SQL
			SELECT 'CREATE TABLE t()' \\gexec | \\gexec   | EXECUTE them in a DO block
			""")
	void psqlMetaCommandIsRefused(String command, String name, String advice) {
		String script = "SELECT 1;\n\n-- psql\n\n\n\n" + command + "\nSELECT 2;";
		readFails(script)
			.withMessageStartingWith(SqlScripts.SCRIPT + " line 7: '" + name + "' is a psql meta-command, not SQL; "
					+ "Ratchet sends SQL to the server directly. Remove it")
			.withMessageContaining(advice)
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(7));
	}

	@Test
	void metaCommandOnTheLineAfterAQueryIsRefused() {
		readFails("SELECT format('DROP TABLE %I', name)\nFROM old\r\n\\gexec")
			.withMessageStartingWith(SqlScripts.SCRIPT + " line 3: '\\gexec' is a psql meta-command");
	}

	@Test
	void backslashesInsideQuotesAndCommentsAreNoMetaCommands() {
		assertThat(SqlScripts.sql("SELECT '\\connect', $$\\c$$, \"\\i\" -- \\set\n/* \\copy */;"))
			.containsExactly("SELECT '\\connect', $$\\c$$, \"\\i\" -- \\set\n/* \\copy */");
	}

	@ParameterizedTest
	@ValueSource(strings = { "COPY t FROM STDIN;", "copy t (a, b) from stdin with (format csv);",
			"COPY\n t\nFROM\n  stdin",
			"Copy public.t FROM Stdin;\n1\t2\n\\.\n", "COPY \"t\" (a) /* data */ FROM -- psql\nSTDIN" })
	void copyFromStdinIsRefused(String copy) {
		readFails("SELECT 1;\n" + copy)
			.withMessageStartingWith(SqlScripts.SCRIPT + " line 2: COPY ... FROM STDIN reads rows that psql sends")
			.withMessageContaining("with INSERT statements, with COPY ... FROM a file on the database server, "
					+ "or with a Java migration");
	}

	@ParameterizedTest
	@ValueSource(strings = { "COPY t FROM '/var/lib/data.csv' WITH (FORMAT csv)", "COPY t FROM PROGRAM 'cat x'",
			"COPY (SELECT * FROM stdin) TO '/tmp/out'", "COPY t TO STDOUT", "SELECT * FROM stdin",
			"COPY stdin FROM '/x'" })
	void serverSideCopyIsFine(String copy) {
		assertThat(SqlScripts.sql(copy)).containsExactly(copy);
	}

	@Test
	void failureOfTheUnderlyingReaderPassesThrough() {
		Reader failing = new Reader() {

			@Override
			public int read(char[] buffer, int offset, int length) throws IOException {
				throw new IOException("disk gone");
			}

			@Override
			public void close() {
			}

		};
		SqlStatementReader reader = new SqlStatementReader(failing, SqlScripts.SCRIPT, Placeholders.NONE);
		assertThatIOException().isThrownBy(reader::next).withMessage("disk gone");
	}

	private static ThrowableAssertAlternative<MigrationResolutionException> readFails(String script) {
		return assertThatExceptionOfType(MigrationResolutionException.class).isThrownBy(() -> SqlScripts.read(script));
	}

}
