package dev.ratchet.sql;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for SQL-standard routine bodies ({@code BEGIN ATOMIC ... END}) in
 * {@link SqlStatementReader}.
 */
class SqlStatementReaderAtomicBodyTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("scripts")
	void atomicBodyIsOneStatement(String description, String script, List<String> expected) {
		assertThat(SqlScripts.sql(script)).containsExactlyElementsOf(expected);
	}

	static Stream<Arguments> scripts() {
		return Stream.of(
				split("function",
						"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3",
						"CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END",
						"SELECT 3"),
				split("procedure", "CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); END;\nSELECT 3",
						"CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); END", "SELECT 3"),
				split("create or replace",
						"CREATE OR REPLACE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; END; SELECT 3",
						"CREATE OR REPLACE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; END", "SELECT 3"),
				split("lower case over several lines", """
						create or replace procedure p()
						language sql
						begin atomic
							delete from t;
							insert into t values (1);
						end;
						select 3;""", """
						create or replace procedure p()
						language sql
						begin atomic
							delete from t;
							insert into t values (1);
						end""", "select 3"),
				split("case expression inside", """
						CREATE FUNCTION sign_of(x int) RETURNS text LANGUAGE sql BEGIN ATOMIC
							SELECT CASE WHEN x > 0 THEN 'positive' ELSE CASE WHEN x < 0 THEN 'negative' END END;
							SELECT 'x';
						END;
						SELECT 3""", """
						CREATE FUNCTION sign_of(x int) RETURNS text LANGUAGE sql BEGIN ATOMIC
							SELECT CASE WHEN x > 0 THEN 'positive' ELSE CASE WHEN x < 0 THEN 'negative' END END;
							SELECT 'x';
						END""", "SELECT 3"),
				split("comment between BEGIN and ATOMIC",
						"CREATE FUNCTION f() RETURNS int BEGIN -- body\n ATOMIC SELECT 1; END; SELECT 3",
						"CREATE FUNCTION f() RETURNS int BEGIN -- body\n ATOMIC SELECT 1; END", "SELECT 3"),
				split("END inside a string of the body",
						"CREATE FUNCTION f() RETURNS text BEGIN ATOMIC SELECT 'END;'; END; SELECT 3",
						"CREATE FUNCTION f() RETURNS text BEGIN ATOMIC SELECT 'END;'; END", "SELECT 3"),
				split("column called begin inside the body",
						"CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT begin FROM t; END; SELECT 3",
						"CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT begin FROM t; END", "SELECT 3"),
				split("function called begin with a parameter called atomic",
						"CREATE FUNCTION begin(atomic int) RETURNS int LANGUAGE sql RETURN atomic; SELECT 3",
						"CREATE FUNCTION begin(atomic int) RETURNS int LANGUAGE sql RETURN atomic", "SELECT 3"),
				split("plain BEGIN is a statement of its own", "SELECT 0; BEGIN; SELECT 1; END; SELECT 2", "SELECT 0", "BEGIN",
						"SELECT 1", "END", "SELECT 2"),
				split("BEGIN ATOMIC outside CREATE FUNCTION", "SELECT 1 AS begin, 2 AS atomic; SELECT 3",
						"SELECT 1 AS begin, 2 AS atomic", "SELECT 3"),
				split("table with begin and atomic columns", "CREATE TABLE t (begin int, atomic int); SELECT 3",
						"CREATE TABLE t (begin int, atomic int)", "SELECT 3"),
				split("function with a dollar-quoted body",
						"CREATE FUNCTION f() RETURNS int AS $$ BEGIN ATOMIC $$ LANGUAGE sql; SELECT 3",
						"CREATE FUNCTION f() RETURNS int AS $$ BEGIN ATOMIC $$ LANGUAGE sql", "SELECT 3"));
	}

	static Arguments split(String description, String script, String... statements) {
		return Arguments.of(description, script, List.of(statements));
	}

}
