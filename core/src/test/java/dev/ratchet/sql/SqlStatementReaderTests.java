package dev.ratchet.sql;

import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how {@link SqlStatementReader} splits a script into statements.
 */
class SqlStatementReaderTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("scripts")
	void splitsOnSemicolonsOutsideQuotesAndComments(String description, String script, List<String> expected) {
		assertThat(SqlScripts.sql(script)).containsExactlyElementsOf(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scripts")
	void splitsTheSameWhenCharactersArriveOneAtATime(String description, String script, List<String> expected) {
		List<SqlStatement> statements = SqlScripts.read(new SqlScripts.TrickleReader(script), Placeholders.NONE);
		assertThat(statements).map(SqlStatement::sql).containsExactlyElementsOf(expected);
	}

	static Stream<Arguments> scripts() {
		return Stream.of(
				split("plain statements", "SELECT 1; SELECT 2;", "SELECT 1", "SELECT 2"),
				split("final statement without semicolon", "SELECT 1;\nSELECT 2", "SELECT 1", "SELECT 2"),
				split("empty statements are skipped", ";;SELECT 1;;; ;\n;SELECT 2;;", "SELECT 1", "SELECT 2"),
				split("empty script", ""),
				split("whitespace only", " \n\t\r\n "),
				split("comments only", "-- a\n/* b */\n;\n-- c"),
				split("trailing comment is not a statement", "SELECT 1; -- done\n", "SELECT 1"),
				split("leading comments are stripped", "-- hello\n/* x */  SELECT 1;", "SELECT 1"),
				split("surrounding whitespace is trimmed", "  \n SELECT\n  1  \n ; ", "SELECT\n  1"),
				split("comment inside a statement is kept", "SELECT 1 -- one; two\n, 2;", "SELECT 1 -- one; two\n, 2"),
				split("single quotes", "SELECT 'a;b'; SELECT 2", "SELECT 'a;b'", "SELECT 2"),
				split("doubled single quote", "SELECT 'it''s; fine'; SELECT 2", "SELECT 'it''s; fine'", "SELECT 2"),
				split("empty string", "SELECT ''; SELECT ''''", "SELECT ''", "SELECT ''''"),
				split("backslash in a standard string", "SELECT 'C:\\'; SELECT 2", "SELECT 'C:\\'", "SELECT 2"),
				split("escaped quote in E string", "SELECT E'it\\'s; fine'; SELECT 2", "SELECT E'it\\'s; fine'",
						"SELECT 2"),
				split("escaped quote in lower-case e string", "SELECT e'\\';'; SELECT 2", "SELECT e'\\';'", "SELECT 2"),
				split("escaped backslash in E string", "SELECT E'\\\\'; SELECT 2", "SELECT E'\\\\'", "SELECT 2"),
				split("type name ending in e is no E prefix", "SELECT name'x\\'; SELECT 2", "SELECT name'x\\'",
						"SELECT 2"),
				split("Unicode escape string", "SELECT U&'d\\0061t;a'; SELECT U&'\\\\'; SELECT 2",
						"SELECT U&'d\\0061t;a'", "SELECT U&'\\\\'", "SELECT 2"),
				split("bit strings", "SELECT B'10;1', X'1F;'; SELECT 2", "SELECT B'10;1', X'1F;'", "SELECT 2"),
				split("string over several lines", "SELECT 'a;\nb;\r\nc';\nSELECT 2", "SELECT 'a;\nb;\r\nc'",
						"SELECT 2"),
				split("dollar quote", "DO $$ BEGIN PERFORM 1; END $$; SELECT 2", "DO $$ BEGIN PERFORM 1; END $$",
						"SELECT 2"),
				split("tagged dollar quote",
						"CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql; SELECT 2",
						"CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql", "SELECT 2"),
				split("untagged dollar quote inside a tagged one", "SELECT $fn$ a $$ b; $$ c $fn$; SELECT 2",
						"SELECT $fn$ a $$ b; $$ c $fn$", "SELECT 2"),
				split("dollar quote tags are case-sensitive", "SELECT $a$ x $A$ ; $a$; SELECT 2",
						"SELECT $a$ x $A$ ; $a$", "SELECT 2"),
				split("dollar quote tag with digits and underscore", "SELECT $t_1$;$t_1$; SELECT 2",
						"SELECT $t_1$;$t_1$", "SELECT 2"),
				split("dollar quote right after a word", "SELECT x$y$ FROM t; SELECT $y$ ; $y$", "SELECT x$y$ FROM t",
						"SELECT $y$ ; $y$"),
				split("positional parameters are no dollar quotes", "PREPARE p AS SELECT $1, $2; EXECUTE p(1, 2)",
						"PREPARE p AS SELECT $1, $2", "EXECUTE p(1, 2)"),
				split("quote inside a dollar quote", "SELECT $$it's$$; SELECT 2", "SELECT $$it's$$", "SELECT 2"),
				split("plpgsql function", """
						CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
						BEGIN
							NEW.updated := now();
							RETURN NEW;
						END;
						$$ LANGUAGE plpgsql;
						SELECT 2;""", """
						CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $$
						BEGIN
							NEW.updated := now();
							RETURN NEW;
						END;
						$$ LANGUAGE plpgsql""", "SELECT 2"),
				split("quoted identifier", "SELECT 1 AS \"a;--b\"; SELECT 2", "SELECT 1 AS \"a;--b\"", "SELECT 2"),
				split("doubled quote in a quoted identifier", "SELECT 1 AS \"say \"\"hi;\"\"\"; SELECT 2",
						"SELECT 1 AS \"say \"\"hi;\"\"\"", "SELECT 2"),
				split("quote inside a line comment", "SELECT 1; -- it's\nSELECT 2;", "SELECT 1", "SELECT 2"),
				split("quote inside a kept line comment", "SELECT 1 -- don't\n; SELECT 2", "SELECT 1 -- don't",
						"SELECT 2"),
				split("line comment ended by a lone carriage return", "SELECT 1 -- x\r; SELECT 2", "SELECT 1 -- x",
						"SELECT 2"),
				split("nested block comment", "SELECT 1 /* a /* b; */ c; */; SELECT 2", "SELECT 1 /* a /* b; */ c; */",
						"SELECT 2"),
				split("nested leading block comment", "/* a /* b */ ; */ SELECT 1;", "SELECT 1"),
				split("quote inside a block comment", "SELECT /* ' */ 1; SELECT 2", "SELECT /* ' */ 1", "SELECT 2"),
				split("comment markers inside strings", "SELECT '--', '/*'; SELECT 2", "SELECT '--', '/*'", "SELECT 2"),
				split("minus and slash operators", "SELECT 3-1; SELECT 4/2", "SELECT 3-1", "SELECT 4/2"),
				split("semicolons inside a rule's parentheses",
						"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); UPDATE b SET n = n + 1;);\nSELECT 2",
						"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); UPDATE b SET n = n + 1;)",
						"SELECT 2"),
				split("parentheses in strings and comments do not count", "SELECT '(' -- (\n; SELECT ')' /* ( */; SELECT 3",
						"SELECT '(' -- (", "SELECT ')' /* ( */", "SELECT 3"),
				split("a stray closing parenthesis does not hold the next semicolon", "SELECT 1); SELECT 2",
						"SELECT 1)", "SELECT 2"),
				split("non-ASCII text", "SELECT 'ü;é', \"ñ;\"; SELECT 2", "SELECT 'ü;é', \"ñ;\"", "SELECT 2"),
				split("a wrapping BEGIN and COMMIT are left out", "BEGIN; SELECT 1; COMMIT;", "SELECT 1"),
				split("a final commit is left out", "SELECT 1;\ncommit; -- done\n", "SELECT 1"),
				split("wrapping START TRANSACTION and END WORK are left out", "start transaction;SELECT 1;END WORK",
						"SELECT 1"),
				split("a COMMIT before the end is returned", "SELECT 1; COMMIT; SELECT 2; COMMIT;", "SELECT 1", "COMMIT",
						"SELECT 2"),
				split("a BEGIN after the start is returned", "SELECT 1; BEGIN; SELECT 2", "SELECT 1", "BEGIN", "SELECT 2"),
				split("BEGIN with options is returned", "BEGIN ISOLATION LEVEL SERIALIZABLE; SELECT 1",
						"BEGIN ISOLATION LEVEL SERIALIZABLE", "SELECT 1"),
				split("ROLLBACK at the end is returned", "SELECT 1; ROLLBACK;", "SELECT 1", "ROLLBACK"));
	}

	@Test
	void scriptManagingItsOwnTransactionsKeepsBeginAndCommit() {
		assertThat(SqlScripts.sql("-- ratchet:no-transaction\nBEGIN;\nSELECT 1;\nCOMMIT;"))
			.containsExactly("BEGIN", "SELECT 1", "COMMIT");
	}

	@Test
	void returnsNullAgainAfterTheEnd() throws Exception {
		try (SqlStatementReader reader = new SqlStatementReader(new StringReader("SELECT 1"), "x.sql",
				Placeholders.NONE)) {
			assertThat(reader.next()).isEqualTo(new SqlStatement("SELECT 1", 1));
			assertThat(reader.next()).isNull();
			assertThat(reader.next()).isNull();
		}
	}

	static Arguments split(String description, String script, String... statements) {
		return Arguments.of(description, script, List.of(statements));
	}

}
