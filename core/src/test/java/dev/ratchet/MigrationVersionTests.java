package dev.ratchet;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MigrationVersionTests {

	@Test
	void partsCompareNumerically() {
		List<String> sorted = Stream.of("2", "1.10", "1.9", "1", "1.2.3", "2025.10.24", "20251024020000", "1_11")
			.map(MigrationVersion::parse)
			.sorted()
			.map(MigrationVersion::toString)
			.toList();
		assertThat(sorted).containsExactly("1", "1.2.3", "1.9", "1.10", "1.11", "2", "2025.10.24", "20251024020000");
	}

	@Test
	void underscoreAndDotAreTheSameSeparator() {
		assertThat(MigrationVersion.parse("2_1")).isEqualTo(MigrationVersion.parse("2.1"))
			.hasSameHashCodeAs(MigrationVersion.parse("2.1"))
			.hasToString("2.1");
	}

	@Test
	void trailingZeroPartsDoNotCount() {
		assertThat(MigrationVersion.parse("1.0")).isEqualTo(MigrationVersion.parse("1"));
		assertThat(MigrationVersion.parse("1.0.0").compareTo(MigrationVersion.parse("1"))).isZero();
		assertThat(MigrationVersion.parse("1.0.1")).isGreaterThan(MigrationVersion.parse("1"));
	}

	@Test
	void leadingZerosDoNotCount() {
		assertThat(MigrationVersion.parse("001")).isEqualTo(MigrationVersion.parse("1"));
		// longer than a long's digits, so parsed the other way, and still the same version
		assertThat(MigrationVersion.parse("0000000000000000000000001.2")).isEqualTo(MigrationVersion.parse("1.2"))
			.hasSameHashCodeAs(MigrationVersion.parse("1.2"));
	}

	@Test
	void versionsLongerThanALongAreFine() {
		assertThat(MigrationVersion.parse("99999999999999999999")).isGreaterThan(MigrationVersion.parse("20251024020000"));
		assertThat(MigrationVersion.parse("999999999999999999")).isLessThan(MigrationVersion.parse("1000000000000000000"))
			.isGreaterThan(MigrationVersion.parse("999999999999999998"));
		assertThat(MigrationVersion.parse("1.99999999999999999999")).isGreaterThan(MigrationVersion.parse("1.999999999999999999"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a", "1.", ".1", "1..2", "1-2", "v1", "1 2", "1.a", "_1", "1_", "1._2", "1__2", "\u0661", "1.\u0662", "+1", "-1", " 1", "1 " })
	void malformedVersionIsRejectedWithTheRule(String text) {
		assertThat(MigrationVersion.isValid(text)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationVersion.parse(text))
			.withMessageContaining("'" + text + "' is not a version")
			.withMessageContaining("digits in parts separated by '.' or '_'");
	}

}
