package dev.ratchet.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StatementClassifier}.
 */
class StatementClassifierTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			CREATE INDEX CONCURRENTLY i ON t (a)                    | CREATE INDEX CONCURRENTLY
			create unique index concurrently i on t (a)             | CREATE INDEX CONCURRENTLY
			CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a)      | CREATE INDEX CONCURRENTLY
			CREATE INDEX CONCURRENTLY ON t (a)                      | CREATE INDEX CONCURRENTLY
			DROP INDEX CONCURRENTLY i                               | DROP INDEX CONCURRENTLY
			Drop Index Concurrently If Exists i                     | DROP INDEX CONCURRENTLY
			REINDEX INDEX CONCURRENTLY i                            | REINDEX INDEX CONCURRENTLY
			REINDEX (VERBOSE) TABLE CONCURRENTLY t                  | REINDEX TABLE CONCURRENTLY
			REINDEX (CONCURRENTLY, TABLESPACE fast) INDEX i         | REINDEX INDEX CONCURRENTLY
			REINDEX SCHEMA CONCURRENTLY app                         | REINDEX SCHEMA CONCURRENTLY
			REINDEX DATABASE app                                    | REINDEX DATABASE
			REINDEX SYSTEM                                          | REINDEX SYSTEM
			REINDEX SCHEMA app                                      | REINDEX SCHEMA
			VACUUM                                                  | VACUUM
			vacuum analyze t                                        | VACUUM
			VACUUM (FULL, ANALYZE, PARALLEL 4) t                    | VACUUM
			CREATE DATABASE app                                     | CREATE DATABASE
			DROP DATABASE IF EXISTS app WITH (FORCE)                | DROP DATABASE
			ALTER DATABASE app SET TABLESPACE fast                  | ALTER DATABASE SET TABLESPACE
			ALTER DATABASE "my app; db" SET TABLESPACE fast         | ALTER DATABASE SET TABLESPACE
			CREATE TABLESPACE fast LOCATION '/ssd'                  | CREATE TABLESPACE
			DROP TABLESPACE fast                                    | DROP TABLESPACE
			ALTER SYSTEM SET work_mem = '64MB'                      | ALTER SYSTEM
			CREATE SUBSCRIPTION s CONNECTION 'host=a' PUBLICATION p | CREATE SUBSCRIPTION
			DROP SUBSCRIPTION IF EXISTS s                           | DROP SUBSCRIPTION
			ALTER SUBSCRIPTION s REFRESH PUBLICATION                | ALTER SUBSCRIPTION REFRESH PUBLICATION
			ALTER SUBSCRIPTION s SET PUBLICATION p                  | ALTER SUBSCRIPTION SET PUBLICATION
			ALTER SUBSCRIPTION s ADD PUBLICATION p WITH (copy_data = false) | ALTER SUBSCRIPTION ADD PUBLICATION
			ALTER SUBSCRIPTION s DROP PUBLICATION p WITH (refresh = true)   | ALTER SUBSCRIPTION DROP PUBLICATION
			CLUSTER                                                 | CLUSTER
			CLUSTER VERBOSE                                         | CLUSTER
			CLUSTER (VERBOSE)                                       | CLUSTER
			DISCARD ALL                                             | DISCARD ALL
			ALTER TABLE m DETACH PARTITION m_2020 CONCURRENTLY      | ALTER TABLE DETACH PARTITION CONCURRENTLY
			ALTER TABLE ONLY a.m DETACH PARTITION "m 1" CONCURRENTLY | ALTER TABLE DETACH PARTITION CONCURRENTLY
			""")
	void refusedInsideATransactionBlock(String sql, String label) {
		assertThat(StatementClassifier.classify(sql))
			.isEqualTo(new Classification(StatementKind.NON_TRANSACTIONAL, label));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			SELECT 1                                                 | SELECT
			insert into t values (1)                                 | INSERT
			WITH x AS (SELECT 1) SELECT * FROM x                     | WITH
			CREATE TABLE t (id int)                                  | CREATE
			CREATE INDEX i ON t (a)                                  | CREATE
			CREATE UNIQUE INDEX i ON t (a)                           | CREATE
			CREATE INDEX "concurrently" ON t (a)                     | CREATE
			DROP INDEX i                                             | DROP
			DROP TABLE database                                      | DROP
			REINDEX INDEX i                                          | REINDEX
			REINDEX (VERBOSE) TABLE t                                | REINDEX
			ALTER TYPE mood ADD VALUE 'meh'                          | ALTER
			ALTER DATABASE app SET work_mem = '1MB'                  | ALTER
			ALTER DATABASE app RENAME TO other                       | ALTER
			ALTER SUBSCRIPTION s DISABLE                             | ALTER
			ALTER SUBSCRIPTION s ENABLE                              | ALTER
			ALTER SUBSCRIPTION s SET (slot_name = NONE)              | ALTER
			ALTER SUBSCRIPTION s SET PUBLICATION p WITH (refresh = false) | ALTER
			ALTER SUBSCRIPTION s ADD PUBLICATION p WITH (copy_data = true, refresh = off) | ALTER
			ALTER TABLE m DETACH PARTITION m_2020                    | ALTER
			ALTER TABLE m DETACH PARTITION m_2020 FINALIZE           | ALTER
			ALTER TABLE t ADD COLUMN concurrently int                | ALTER
			CLUSTER t                                                | CLUSTER
			CLUSTER VERBOSE t USING t_pkey                           | CLUSTER
			CLUSTER (VERBOSE) t                                      | CLUSTER
			ANALYZE t                                                | ANALYZE
			REFRESH MATERIALIZED VIEW CONCURRENTLY mv                | REFRESH
			DO $$ BEGIN VACUUM; END $$                               | DO
			DISCARD PLANS                                            | DISCARD
			SET LOCAL lock_timeout = '1s'                            | SET LOCAL
			SET TRANSACTION ISOLATION LEVEL SERIALIZABLE             | SET TRANSACTION
			SET CONSTRAINTS ALL DEFERRED                             | SET CONSTRAINTS
			PREPARE q AS SELECT 1                                    | PREPARE
			START                                                    | START
			""")
	void runsInsideATransaction(String sql, String label) {
		assertThat(StatementClassifier.classify(sql)).isEqualTo(new Classification(StatementKind.TRANSACTIONAL, label));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			BEGIN                                       | BEGIN
			begin transaction isolation level serializable | BEGIN
			START TRANSACTION                           | START TRANSACTION
			COMMIT                                      | COMMIT
			commit and chain                            | COMMIT
			END                                         | END
			ROLLBACK                                    | ROLLBACK
			ROLLBACK TO SAVEPOINT s                     | ROLLBACK
			ABORT                                       | ABORT
			SAVEPOINT s                                 | SAVEPOINT
			RELEASE SAVEPOINT s                         | RELEASE
			PREPARE TRANSACTION 'tx1'                   | PREPARE TRANSACTION
			COMMIT PREPARED 'tx1'                       | COMMIT PREPARED
			ROLLBACK PREPARED 'tx1'                     | ROLLBACK PREPARED
			""")
	void controlsTransactions(String sql, String label) {
		assertThat(StatementClassifier.classify(sql))
			.isEqualTo(new Classification(StatementKind.TRANSACTION_CONTROL, label));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			SET search_path TO app, public            | SET
			set lock_timeout = '5s'                   | SET
			SET ROLE app_owner                        | SET
			SET TIME ZONE 'UTC'                       | SET
			SET transaction_timeout = 0               | SET
			SET SESSION statement_timeout = 0         | SET SESSION
			SET SESSION AUTHORIZATION app             | SET SESSION
			SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE | SET SESSION
			RESET ALL                                 | RESET
			reset search_path                         | RESET
			""")
	void setsTheSession(String sql, String label) {
		assertThat(StatementClassifier.classify(sql)).isEqualTo(new Classification(StatementKind.SESSION, label));
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE\n\tINDEX /* why */ CONCURRENTLY i ON t (a)",
			"CREATE -- unique, for lookups\nUNIQUE\r\nINDEX\rCONCURRENTLY i ON t (a)",
			"/* leading */ -- comment\nCREATE INDEX CONCURRENTLY i ON t (a)",
			"CREATE /* a /* nested */ comment */ INDEX CONCURRENTLY i ON t (a)" })
	void keywordsMaySpreadOverLinesAndComments(String sql) {
		assertThat(StatementClassifier.classify(sql))
			.isEqualTo(new Classification(StatementKind.NON_TRANSACTIONAL, "CREATE INDEX CONCURRENTLY"));
	}

	@Test
	void optionListsMayHaveCommentsAndNoSpaces() {
		assertThat(StatementClassifier.classify("VACUUM/*x*/(FULL)t").kind())
			.isEqualTo(StatementKind.NON_TRANSACTIONAL);
		assertThat(StatementClassifier.classify("REINDEX(VERBOSE)DATABASE app").label()).isEqualTo("REINDEX DATABASE");
	}

	@Test
	void emptyStatementIsTransactional() {
		assertThat(StatementClassifier.classify("")).isEqualTo(new Classification(StatementKind.TRANSACTIONAL, ""));
		assertThat(StatementClassifier.classify("-- nothing"))
			.isEqualTo(new Classification(StatementKind.TRANSACTIONAL, ""));
	}

	@Test
	void classifiesWhatTheReaderReturns() {
		String script = "-- ratchet:no-transaction\nSET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY i ON t (a);\n"
				+ "BEGIN;\nCREATE TABLE t2 (a int);\nCOMMIT;";
		assertThat(SqlScripts.sql(script)).map(StatementClassifier::classify)
			.map(Classification::kind)
			.containsExactly(StatementKind.SESSION, StatementKind.NON_TRANSACTIONAL, StatementKind.TRANSACTION_CONTROL,
					StatementKind.TRANSACTIONAL, StatementKind.TRANSACTION_CONTROL);
	}

}
