package dev.ratchet.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fix that comes with common PostgreSQL errors.
 */
class ErrorHintsTests {

	@Test
	void typeOfAnExtensionSaysToCreateTheExtension() {
		assertThat(ErrorHints.hint("42704", "type \"vector\" does not exist"))
			.startsWith("Type vector comes from the extension vector: create it in a migration before this one with "
					+ "CREATE EXTENSION IF NOT EXISTS vector;");
		assertThat(ErrorHints.hint("42704", "type \"public.geography\" does not exist"))
			.contains("CREATE EXTENSION IF NOT EXISTS postgis;");
	}

	@Test
	void typeOfAnotherDatabaseSaysWhatToWriteInstead() {
		assertThat(ErrorHints.hint("42704", "type \"datetime\" does not exist"))
			.isEqualTo("PostgreSQL has no DATETIME type (SQLite/MySQL). Use timestamptz (or timestamp).");
		assertThat(ErrorHints.hint("42704", "type \"longtext\" does not exist")).endsWith("Use text.");
	}

	@Test
	void unknownTypeHasNoHint() {
		assertThat(ErrorHints.hint("42704", "type \"timestmptz\" does not exist")).isNull();
	}

	@Test
	void functionsOfExtensionsAndOtherDatabases() {
		assertThat(ErrorHints.hint("42883", "function uuid_generate_v4() does not exist"))
			.contains("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\";", "gen_random_uuid()");
		assertThat(ErrorHints.hint("42883", "function datetime(unknown) does not exist"))
			.startsWith("datetime() is not a PostgreSQL function (SQLite). Use now()");
		assertThat(ErrorHints.hint("42883", "function ifnull(text, unknown) does not exist")).endsWith("Use coalesce(a, b).");
	}

	@Test
	void permissionDeniedForSchemaSaysToGrantOrUseTheOwner() {
		assertThat(ErrorHints.hint("42501", "permission denied for schema public"))
			.contains("GRANT USAGE, CREATE ON SCHEMA public TO <migration user>", "schema's owner", "PostgreSQL 15");
		assertThat(ErrorHints.hint("42501", "must be owner of table session")).startsWith("Only the owner of session");
	}

	@Test
	void permissionDeniedNamesTheRightAndTheObject() {
		assertThat(ErrorHints.hint("42501", "permission denied for database shop"))
			.contains("CREATE on database shop", "GRANT CREATE ON DATABASE shop");
		assertThat(ErrorHints.hint("42501", "permission denied for table ratchet_history"))
			.contains("ratchet_history", "SELECT to read the status", "INSERT, UPDATE and DELETE to migrate");
		assertThat(ErrorHints.hint("42501", "permission denied for table orders", "-- fill\n  insert into orders values (1)"))
			.startsWith("The user lacks INSERT on table orders.")
			.contains("GRANT INSERT ON TABLE orders TO <migration user>");
		assertThat(ErrorHints.hint("42501", "permission denied for table orders", "UPDATE orders SET x = 1"))
			.contains("GRANT UPDATE ON TABLE orders");
		assertThat(ErrorHints.hint("42501", "permission denied for sequence orders_id_seq"))
			.contains("USAGE, SELECT or UPDATE on sequence orders_id_seq");
		assertThat(ErrorHints.hint("42501", "permission denied for function f", "SELECT f()"))
			.contains("EXECUTE on function f");
	}

	@Test
	void sslRequiredSaysToAddSslmode() {
		String sslmode = "add sslmode=require to the URL";
		assertThat(ErrorHints.hint("28000", "FATAL: no pg_hba.conf entry for host \"10.0.0.5\", user \"app\", "
				+ "database \"app\", no encryption")).contains(sslmode);
		assertThat(ErrorHints.hint("28000", "FATAL: no pg_hba.conf entry for host \"10.0.0.5\", user \"app\", "
				+ "database \"app\", SSL off")).contains(sslmode);
		assertThat(ErrorHints.hint("XX000", "SSL connection is required")).contains(sslmode);
		assertThat(ErrorHints.hint("08P01", "connection is insecure (try using `sslmode=require`)")).contains(sslmode);
	}

	@Test
	void failedPasswordSaysWhichSettingsToCheckWithoutRepeatingAnything() {
		assertThat(ErrorHints.hint("28P01", "FATAL: password authentication failed for user \"app\""))
			.isEqualTo("Check the user and password Ratchet connects with (ratchet.username and ratchet.password, "
					+ "or spring.datasource.username and spring.datasource.password).");
	}

	@Test
	void lockTimeoutAndMissingColumn() {
		assertThat(ErrorHints.hint("55P03", "canceling statement due to lock timeout")).contains("pg_stat_activity");
		assertThat(ErrorHints.hint("42703", "column \"source\" does not exist")).contains("drifted");
	}

	@Test
	void otherErrorsHaveNoHint() {
		assertThat(ErrorHints.hint("23505", "duplicate key value violates unique constraint \"a_pkey\"")).isNull();
		assertThat(ErrorHints.hint(null, null)).isNull();
	}

}
