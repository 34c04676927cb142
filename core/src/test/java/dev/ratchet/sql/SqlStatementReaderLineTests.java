package dev.ratchet.sql;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the line numbers and the first-line directive of {@link SqlStatementReader}.
 */
class SqlStatementReaderLineTests {

	@ParameterizedTest(name = "line break {0}")
	@ValueSource(strings = { "\n", "\r\n", "\r" })
	void statementLineIsTheLineOfItsFirstCharacter(String lineBreak) {
		String script = "SELECT 1;\nSELECT 2;\n\n\n   SELECT 3;".replace("\n", lineBreak);
		assertThat(SqlScripts.lines(script)).containsExactly(1, 2, 5);
	}

	@Test
	void mixedLineBreaksCountOnceEach() {
		assertThat(SqlScripts.lines("SELECT 1;\r\n\r\rSELECT 2;\n\r\nSELECT 3")).containsExactly(1, 4, 6);
	}

	@Test
	void statementsOnOneLineShareIt() {
		assertThat(SqlScripts.lines("SELECT 1; SELECT 2;\nSELECT 3; SELECT 4")).containsExactly(1, 1, 2, 2);
	}

	@Test
	void leadingCommentsDoNotCount() {
		assertThat(SqlScripts.lines("-- c\n/* x\r\n y */\n\n  SELECT 1;\n-- d\nSELECT 2")).containsExactly(5, 7);
	}

	@Test
	void multiLineStringsAndDollarQuotesAreCounted() {
		String script = "SELECT 'a\nb\r\nc';\nDO $$\r\nBEGIN\rEND\n$$;\n/* a\n/* b\n*/\n*/\nSELECT 3";
		assertThat(SqlScripts.lines(script)).containsExactly(1, 4, 12);
	}

	@Test
	void statementAfterASemicolonOnItsOwnLine() {
		assertThat(SqlScripts.lines("SELECT 1\n;\nSELECT 2")).containsExactly(1, 3);
	}

	@Test
	void byteOrderMarkIsIgnored() {
		assertThat(SqlScripts.read("\uFEFFSELECT 1;\nSELECT 2")).containsExactly(new SqlStatement("SELECT 1", 1),
				new SqlStatement("SELECT 2", 2));
	}

	@Test
	void byteOrderMarkAloneIsAnEmptyScript() {
		assertThat(SqlScripts.read("\uFEFF")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "-- ratchet:no-transaction", "--ratchet:no-transaction", "  --   RATCHET:No-Transaction  ",
			"-- ratchet : no-transaction", "\uFEFF-- ratchet:no-transaction", "-- ratchet:no-transaction\t" })
	void recognizesTheNoTransactionDirective(String firstLine) throws Exception {
		for (String lineBreak : new String[] { "\n", "\r\n", "\r" }) {
			SqlStatementReader reader = reader(firstLine + lineBreak + "VACUUM;");
			assertThat(reader.noTransactionDirective()).isTrue();
			SqlStatement vacuum = reader.next();
			assertThat(vacuum.sql()).isEqualTo("VACUUM");
			assertThat(vacuum.line()).isEqualTo(2);
			assertThat(vacuum.directives()).singleElement()
				.satisfies((directive) -> assertThat(directive.text()).containsIgnoringCase("no-transaction"));
			assertThat(reader.next()).isNull();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "VACUUM;", "-- ratchet:no-transaction please\nVACUUM;",
			"\n-- ratchet:no-transaction\nVACUUM;",
			"SELECT 1; -- ratchet:no-transaction", "-- ratchet:transaction", "-- no-transaction",
			"/* ratchet:no-transaction */" })
	void ignoresWhatIsNotTheNoTransactionDirective(String script) throws Exception {
		assertThat(reader(script).noTransactionDirective()).isFalse();
	}

	@Test
	void noTransactionDirectiveIsKnownAfterReadingStatements() throws Exception {
		SqlStatementReader reader = reader("-- ratchet:no-transaction\nVACUUM;\nVACUUM");
		assertThat(reader.next()).isEqualTo(
				new SqlStatement("VACUUM", 2, 1, List.of(new SqlComment("ratchet:no-transaction", 1, 1))));
		assertThat(reader.noTransactionDirective()).isTrue();
		assertThat(reader.next()).isEqualTo(new SqlStatement("VACUUM", 3));
	}

	@Test
	void veryLongFirstLineIsNoDirectiveAndStillRead() throws Exception {
		String comment = "-- " + "x".repeat(40_000);
		SqlStatementReader reader = reader(comment + "\nSELECT 1;\nSELECT 2");
		assertThat(reader.noTransactionDirective()).isFalse();
		assertThat(reader.next()).isEqualTo(new SqlStatement("SELECT 1", 2));
		assertThat(reader.next()).isEqualTo(new SqlStatement("SELECT 2", 3));
	}

	@Test
	void veryLongFirstStatementIsReadInFull() throws Exception {
		String select = "SELECT '" + "y".repeat(40_000) + "'";
		SqlStatementReader reader = reader(select + ";\nSELECT 2");
		assertThat(reader.noTransactionDirective()).isFalse();
		assertThat(reader.next()).isEqualTo(new SqlStatement(select, 1));
		assertThat(reader.next()).isEqualTo(new SqlStatement("SELECT 2", 2));
	}

	private static SqlStatementReader reader(String script) {
		return new SqlStatementReader(new StringReader(script), SqlScripts.SCRIPT, Placeholders.NONE);
	}

}
