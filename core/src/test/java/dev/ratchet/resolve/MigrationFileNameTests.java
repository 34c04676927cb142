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

	@Test
	void versionedNameGivesVersionAndDescription() {
		MigrationFileName name = MigrationFileName.parse("V1_2__create_session_table.sql");
		assertThat(name.type()).isEqualTo(MigrationType.SQL);
		assertThat(name.version()).isEqualTo(MigrationVersion.parse("1.2"));
		assertThat(name.description()).isEqualTo("create session table");
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

	@Test
	void repeatableNameGivesDescriptionAndNoVersion() {
		MigrationFileName name = MigrationFileName.parse("R__user_emails_view.sql");
		assertThat(name.type()).isEqualTo(MigrationType.REPEATABLE);
		assertThat(name.version()).isNull();
		assertThat(name.description()).isEqualTo("user emails view");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"V1_init.sql      | single underscore: use two, V1__init.sql",
			"V1_2_init.sql    | single underscore: use two, V1_2__init.sql",
			"V2025.10.24_a.sql | single underscore: use two, V2025.10.24__a.sql",
			"R_views.sql      | single underscore: use two, R__views.sql" })
	void singleUnderscoreIsRejectedWithTheFixedName(String fileName, String hint) {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse(fileName)).withMessage(hint);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"V1init.sql  | separate the version from the description with two underscores: V1__init.sql",
			"V1-init.sql | separate the version from the description with two underscores: V1__init.sql",
			"V1 init.sql | separate the version from the description with two underscores: V1__init.sql" })
	void versionRunningIntoTheDescriptionIsRejected(String fileName, String hint) {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse(fileName)).withMessage(hint);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"v1__init.sql  | prefix must be an upper-case V: V1__init.sql",
			"r__views.sql  | prefix must be an upper-case R: R__views.sql",
			"v1_init.sql   | prefix must be an upper-case V, and single underscore: use two, V1__init.sql" })
	void lowerCasePrefixIsRejected(String fileName, String hint) {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse(fileName)).withMessage(hint);
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

	@Test
	void missingVersionIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse("V__init.sql"))
			.withMessage("the version is missing: put it after the V, for example V1__init.sql");
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse("Vinit.sql"))
			.withMessageStartingWith("the version is missing");
	}

	@Test
	void repeatableWithVersionIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse("R1__views.sql"))
			.withMessage("repeatable migrations have no version: R__views.sql (or V1__views.sql for a versioned one)");
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse("R2_1_views.sql"))
			.withMessageStartingWith("repeatable migrations have no version: R__views.sql");
	}

	@Test
	void upperCaseExtensionIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse("V1__init.SQL"))
			.withMessage("the extension must be lower-case: V1__init.sql");
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse("V1_init.Sql"))
			.withMessage("single underscore: use two, V1__init.sql");
	}

	@Test
	void undoNameGivesTheVersionItUndoes() {
		MigrationFileName name = MigrationFileName.parse("U1_2__drop_session_table.sql");
		assertThat(name.type()).isEqualTo(MigrationType.UNDO_SQL);
		assertThat(name.version()).isEqualTo(MigrationVersion.parse("1.2"));
		assertThat(name.description()).isEqualTo("drop session table");
	}

	@Test
	void misnamedUndoGetsAHintInItsOwnForm() {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse("U1_undo.sql"))
			.withMessage("single underscore: use two, U1__undo.sql");
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse("u1__undo.sql"))
			.withMessage("prefix must be an upper-case U: U1__undo.sql");
	}

	@Test
	void missingPrefixIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationFileName.parse("1__init.sql"))
			.withMessage("the prefix V is missing: V1__init.sql");
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
