package dev.ratchet.resolve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ratchet.MigrationType;
import dev.ratchet.MigrationVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MigrationFileName}.
 */
class MigrationFileNameTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"V1_2__create_session_table.sql | SQL        | 1.2 | create session table",
			"R__user_emails_view.sql        | REPEATABLE |     | user emails view",
			"U1_2__drop_session_table.sql   | UNDO_SQL   | 1.2 | drop session table" })
	void nameGivesTypeVersionAndDescription(String fileName, MigrationType type, String version, String description) {
		MigrationFileName name = MigrationFileName.parse(fileName);
		assertThat(name.type()).isEqualTo(type);
		assertThat(name.version()).isEqualTo((version != null) ? MigrationVersion.parse(version) : null);
		assertThat(name.description()).isEqualTo(description);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "1.2", "2_1", "1.10", "2025.10.24", "20251024020000", "007" })
	void versionIsDigitsInPartsSeparatedByDotsOrUnderscores(String version) {
		assertThat(MigrationFileName.parse("V" + version + "__x.sql").version())
			.isEqualTo(MigrationVersion.parse(version));
	}

	@Test
	void descriptionIsEverythingAfterTheFirstDoubleUnderscore() {
		assertThat(MigrationFileName.parse("V3__add_user__index.sql").description()).isEqualTo("add user  index");
		assertThat(MigrationFileName.parse("V3__fix 2.1 data.sql").description()).isEqualTo("fix 2.1 data");
		assertThat(MigrationFileName.parse("V3__init.sql.sql").description()).isEqualTo("init.sql");
	}

	@ParameterizedTest
	@ValueSource(strings = { "V1.2.sql", "V1__.sql", "V1__ .sql", "V1_.sql", "V7.sql", "R__.sql" })
	void missingDescriptionIsRejected(String fileName) {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse(fileName))
			.withMessageStartingWith("the description is missing: add two underscores and a description")
			.withMessageEndingWith("__describe_the_change.sql");
	}

	@Test
	void missingDescriptionHintKeepsTheVersion() {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse("V1.2.sql"))
			.withMessageContaining("for example V1.2__describe_the_change.sql");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Vabc__x.sql | abc", "V1.a__x.sql | 1.a", "V1..2__x.sql | 1..2",
			"V1.__x.sql | 1.", "V_1__x.sql | _1", "V1-2__x.sql | 1-2" })
	void versionThatIsNotDigitsIsRejected(String fileName, String version) {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse(fileName))
			.withMessage("version '" + version
					+ "' is not digits in parts separated by '.' or '_' (for example 1, 1.2, 2_1 or 2025.10.24)");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = {
			"single underscore       | V1_init.sql       | single underscore: use two, V1__init.sql",
			"single underscore       | V1_2_init.sql     | single underscore: use two, V1_2__init.sql",
			"single underscore       | V2025.10.24_a.sql | single underscore: use two, V2025.10.24__a.sql",
			"single underscore       | R_views.sql       | single underscore: use two, R__views.sql",
			"undo, single underscore | U1_undo.sql       | single underscore: use two, U1__undo.sql",
			"version runs into the description | V1init.sql "
					+ "| separate the version from the description with two underscores: V1__init.sql",
			"version runs into the description | V1-init.sql "
					+ "| separate the version from the description with two underscores: V1__init.sql",
			"version runs into the description | V1 init.sql "
					+ "| separate the version from the description with two underscores: V1__init.sql",
			"lower-case prefix       | v1__init.sql      | prefix must be an upper-case V: V1__init.sql",
			"lower-case prefix       | r__views.sql      | prefix must be an upper-case R: R__views.sql",
			"lower-case prefix       | v1_init.sql "
					+ "| prefix must be an upper-case V, and single underscore: use two, V1__init.sql",
			"lower-case undo prefix  | u1__undo.sql      | prefix must be an upper-case U: U1__undo.sql",
			"missing version         | V__init.sql       "
					+ "| the version is missing: put it after the V, for example V1__init.sql",
			"repeatable with version | R1__views.sql "
					+ "| repeatable migrations have no version: R__views.sql (or V1__views.sql for a versioned one)",
			"upper-case extension    | V1__init.SQL      | the extension must be lower-case: V1__init.sql",
			"single underscore, mixed-case extension | V1_init.Sql | single underscore: use two, V1__init.sql",
			"missing prefix          | 1__init.sql       | the prefix V is missing: V1__init.sql" })
	void misnamedFileIsRejectedWithTheNameItShouldHave(String problem, String fileName, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse(fileName)).withMessage(message);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "Vinit.sql | the version is missing",
			"R2_1_views.sql | repeatable migrations have no version: R__views.sql" })
	void misnamedFileIsRejectedSayingFirstWhatIsWrong(String fileName, String messageStart) {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse(fileName))
			.withMessageStartingWith(messageStart);
	}

	@ParameterizedTest
	@ValueSource(strings = { "init.sql", "README.sql", "Release_notes.sql", "_V1__x.sql", "1_x.sql" })
	void otherNamesAreRejected(String fileName) {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse(fileName))
			.withMessage("the name starts with neither V<version>__ nor R__");
	}

	@Test
	void sqlFilesAreRecognisedWhateverTheCaseOfTheExtension() {
		assertThat(MigrationFileName.isSqlFile("V1__init.sql")).isTrue();
		assertThat(MigrationFileName.isSqlFile("V1__init.SQL")).isTrue();
		assertThat(MigrationFileName.isSqlFile("notes.Sql")).isTrue();
		assertThat(MigrationFileName.isSqlFile("README.md")).isFalse();
		assertThat(MigrationFileName.isSqlFile("V1__init.sql.txt")).isFalse();
		assertThat(MigrationFileName.isSqlFile("V1__init.sql~")).isFalse();
		assertThat(MigrationFileName.isSqlFile("sql")).isFalse();
	}

	@Test
	void patternNamesBothKindsOfMigration() {
		assertThat(MigrationFileName.PATTERN).contains("V<version>__<description>.sql")
			.contains("R__<description>.sql");
	}

}
