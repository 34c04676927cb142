package dev.ratchet.resolve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.ratchet.MigrationResolutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link Location}.
 */
class LocationTests {

	@Test
	void classpathLocationIsParsed() {
		Location location = Location.parse("classpath:db/migration");
		assertThat(location.prefix()).isEqualTo("classpath");
		assertThat(location.path()).isEqualTo("db/migration");
		assertThat(location).hasToString("classpath:db/migration");
	}

	@Test
	void locationWithoutPrefixIsOnTheClasspath() {
		assertThat(Location.parse("db/migration")).isEqualTo(new Location("classpath", "db/migration"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', value = {
			"classpath path loses leading and trailing slashes | classpath:/db/migration/ | classpath:db/migration",
			"classpath path loses leading and trailing slashes | /db/migration            | classpath:db/migration",
			"prefix ignores case                               | Classpath:db/migration   | classpath:db/migration",
			"prefix ignores case                               | FILESYSTEM:/x            | filesystem:/x" })
	void locationIsWrittenInItsOneForm(String rule, String value, String written) {
		assertThat(Location.parse(value)).hasToString(written);
	}

	@Test
	void filesystemLocationKeepsItsPath() {
		assertThat(Location.parse("filesystem:/opt/app/migrations"))
			.isEqualTo(new Location("filesystem", "/opt/app/migrations"));
		assertThat(Location.parse("filesystem:sql/migrations")).hasToString("filesystem:sql/migrations");
		assertThat(Location.parse("filesystem:/opt/app/migrations/")).hasToString("filesystem:/opt/app/migrations");
		assertThat(Location.parse("filesystem:/")).hasToString("filesystem:/");
		assertThat(Location.parse("filesystem:C:\\migrations\\")).hasToString("filesystem:C:\\migrations");
		assertThat(Location.parse("filesystem:C:\\")).hasToString("filesystem:C:\\");
	}

	@Test
	void whitespaceAroundLocationIsIgnored() {
		assertThat(Location.parse("  classpath: db/migration \n")).hasToString("classpath:db/migration");
	}

	@Test
	void unknownPrefixIsAnErrorNamingTheValueAndTheValidPrefixes() {
		assertThatExceptionOfType(MigrationResolutionException.class).isThrownBy(() -> Location.parse("http:x"))
			.withMessageContaining("'http:x'")
			.withMessageContaining("classpath:")
			.withMessageContaining("filesystem:");
		assertThatExceptionOfType(MigrationResolutionException.class)
			.isThrownBy(() -> Location.parse("classpath*:db/migration"))
			.withMessageContaining("'classpath*:db/migration'");
	}

	@Test
	void locationWithoutAFolderIsAnError() {
		assertThatExceptionOfType(MigrationResolutionException.class).isThrownBy(() -> Location.parse("classpath:"))
			.withMessageContaining("'classpath:' names no folder")
			.withMessageContaining("classpath:db/migration");
		assertThatExceptionOfType(MigrationResolutionException.class).isThrownBy(() -> Location.parse("classpath:/"))
			.withMessageContaining("names no folder");
		assertThatExceptionOfType(MigrationResolutionException.class).isThrownBy(() -> Location.parse("filesystem: "))
			.withMessageContaining("'filesystem:' names no folder");
		assertThatExceptionOfType(MigrationResolutionException.class).isThrownBy(() -> Location.parse("  "))
			.withMessageContaining("empty");
	}

	@Test
	void fileOfALocationIsNamedWithTheLocation() {
		assertThat(Location.parse("classpath:db/migration").describe("chat/V3__messages.sql"))
			.isEqualTo("classpath:db/migration/chat/V3__messages.sql");
		assertThat(Location.parse("filesystem:/").describe("V1__init.sql")).isEqualTo("filesystem:/V1__init.sql");
	}

}
