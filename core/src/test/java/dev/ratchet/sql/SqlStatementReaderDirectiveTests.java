package dev.ratchet.sql;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader hands each statement its column and its {@code -- ratchet:} comments.
 */
class SqlStatementReaderDirectiveTests {

	@Test
	void statementKnowsTheColumnItStartsAt() {
		assertThat(SqlScripts.read("SELECT 1;  SELECT 2;\n\tSELECT 3")).extracting(SqlStatement::column)
			.containsExactly(1, 12, 2);
	}

	@Test
	void commentsBeforeAStatementBelongToIt() {
		List<SqlStatement> statements = SqlScripts.read("""
				SELECT 1;
				-- ratchet:allow risk.drop because unused
				-- an ordinary comment
				DROP TABLE t;""");
		assertThat(statements.get(0).directives()).isEmpty();
		assertThat(statements.get(1).directives())
			.containsExactly(new SqlComment("ratchet:allow risk.drop because unused", 2, 1));
	}

	@Test
	void commentAfterTheSemicolonOnTheSameLineBelongsToTheStatementBefore() {
		List<SqlStatement> statements = SqlScripts.read("DROP TABLE t; -- ratchet:allow risk.drop because x\nSELECT 1");
		assertThat(statements.get(0).directives()).extracting(SqlComment::line, SqlComment::column)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 15));
		assertThat(statements.get(1).directives()).isEmpty();
	}

	@Test
	void commentInsideAStatementBelongsToIt() {
		List<SqlStatement> statements = SqlScripts.read("ALTER TABLE t\n  DROP COLUMN c -- ratchet:allow risk.drop because x\n;");
		assertThat(statements).singleElement()
			.satisfies((statement) -> assertThat(statement.directives()).extracting(SqlComment::line).containsExactly(2));
	}

	@Test
	void minusAfterASemicolonIsNotMistakenForAComment() {
		assertThat(SqlScripts.sql("SELECT 1; -1;")).containsExactly("SELECT 1", "-1");
	}

	@Test
	void positionOfAnOffsetCountsLinesAndColumns() {
		SqlStatement statement = new SqlStatement("CREATE TABLE t (\r\n  at DATETIME\r)", 4, 7, List.of());
		assertThat(statement.position(0)).isEqualTo(new SqlStatement.Position(4, 7));
		assertThat(statement.position(statement.sql().indexOf("DATETIME"))).isEqualTo(new SqlStatement.Position(5, 6));
		assertThat(statement.position(statement.sql().indexOf(")"))).isEqualTo(new SqlStatement.Position(6, 1));
	}

}
