package dev.ratchet.sql;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ratchet.MigrationResolutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Placeholders}.
 */
class PlaceholdersTests {

	private final Placeholders placeholders = Placeholders
		.of(Map.of("schema", "app", "owner", "app_owner", "db.name-1:x", "main"));

	@Test
	void textWithoutPlaceholdersIsReturnedAsIs() {
		String text = "SELECT $1, '$', '{x}', $$ $ { $$";
		assertThat(this.placeholders.replace(text, "V1.sql", 1)).isSameAs(text);
		assertThat(Placeholders.NONE.replace(text, "V1.sql", 1)).isSameAs(text);
	}

	@Test
	void offLeavesEveryMarkerAsWritten() {
		String text = "INSERT INTO template (body) VALUES ('Dear ${user.name}, see ${link}')";
		assertThat(Placeholders.OFF.replace(text, "V1.sql", 1)).isSameAs(text);
	}

	@Test
	void customMarkersReplaceOnlyTheirOwnPlaceholders() {
		Placeholders custom = Placeholders.of(Map.of("schema", "app"), "%(", ")%");
		assertThat(custom.replace("CREATE TABLE %(schema)%.t (v text DEFAULT '${schema}')", "V1.sql", 1))
			.isEqualTo("CREATE TABLE app.t (v text DEFAULT '${schema}')");
		assertThat(custom.replace("SELECT '%(' || 'x)%'", "V1.sql", 1)).isEqualTo("SELECT '%(' || 'x)%'");
	}

	@Test
	void customMarkersNameTheUndefinedPlaceholderAsWritten() {
		assertThatExceptionOfType(MigrationResolutionException.class)
			.isThrownBy(() -> Placeholders.of(Map.of(), "[[", "]]").replace("SELECT '[[tenant]]'", "V2.sql", 4))
			.withMessageStartingWith("V2.sql line 4: placeholder [[tenant]] is not defined (no placeholders are defined)")
			.withMessageEndingWith("set ratchet.placeholder-replacement=false).");
	}

	@Test
	void emptyMarkersAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Placeholders.of(Map.of(), "", "}"))
			.withMessageContaining("prefix and suffix must not be empty");
	}

	@Test
	void replacesEveryPlaceholder() {
		assertThat(this.placeholders.replace("CREATE TABLE ${schema}.t (); ALTER TABLE ${schema}.t OWNER TO ${owner}",
				"V1.sql", 1))
			.isEqualTo("CREATE TABLE app.t (); ALTER TABLE app.t OWNER TO app_owner");
	}

	@Test
	void replacesAdjacentPlaceholdersAndPlaceholdersAtTheEdges() {
		assertThat(this.placeholders.replace("${schema}${owner}", "V1.sql", 1)).isEqualTo("appapp_owner");
	}

	@Test
	void replacesInsideLiteralsQuotedIdentifiersAndComments() {
		String text = "SELECT '${schema}', \"${owner}\", $$${schema}$$ -- ${owner}";
		assertThat(this.placeholders.replace(text, "V1.sql", 1))
			.isEqualTo("SELECT 'app', \"app_owner\", $$app$$ -- app_owner");
	}

	@Test
	void namesMayContainDigitsDotsColonsAndDashes() {
		assertThat(this.placeholders.replace("USE ${db.name-1:x}", "V1.sql", 1)).isEqualTo("USE main");
	}

	@Test
	void replacementIsNotReplacedAgain() {
		Placeholders nested = Placeholders.of(Map.of("a", "${b}", "b", "no"));
		assertThat(nested.replace("${a}", "V1.sql", 1)).isEqualTo("${b}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "${", "${ schema }", "${1abc}", "${}", "$${", "${schema", "text ${ ends",
			"a ~ '^x${2}$'" })
	void leavesWhatIsNoPlaceholder(String text) {
		assertThat(Placeholders.NONE.replace(text, "V1.sql", 1)).isEqualTo(text);
	}

	@Test
	void undefinedPlaceholderNamesScriptLineAndProperty() {
		assertThatExceptionOfType(MigrationResolutionException.class)
			.isThrownBy(() -> this.placeholders.replace("SELECT 1,\n  2,\r\n  3,\r  '${tenant}'", "V3__x.sql", 10))
			.withMessage("V3__x.sql line 13: placeholder ${tenant} is not defined "
					+ "(defined: db.name-1:x, owner, schema). "
					+ "Define it with the property ratchet.placeholders.tenant, or fix its name (if the script's ${...} "
					+ "is data, not a placeholder, set ratchet.placeholder-replacement=false).")
			.satisfies((ex) -> assertThat(ex.getScript()).isEqualTo("V3__x.sql"))
			.satisfies((ex) -> assertThat(ex.getLine()).isEqualTo(13));
	}

	@Test
	void noPlaceholdersMeansEveryPlaceholderIsUndefined() {
		assertThatExceptionOfType(MigrationResolutionException.class)
			.isThrownBy(() -> Placeholders.NONE.replace("SELECT '${schema}'", "V1.sql", 4))
			.withMessageStartingWith(
					"V1.sql line 4: placeholder ${schema} is not defined (no placeholders are defined)");
	}

	@Test
	void namesAreCaseSensitive() {
		assertThatExceptionOfType(MigrationResolutionException.class)
			.isThrownBy(() -> this.placeholders.replace("${Schema}", "V1.sql", 1))
			.withMessageContaining("placeholder ${Schema} is not defined");
	}

	@Test
	void emptyValuesAreAllowed() {
		assertThat(Placeholders.of(Map.of("suffix", "")).replace("t${suffix}", "V1.sql", 1)).isEqualTo("t");
	}

	@Test
	void noValuesBehaveLikeNone() {
		assertThat(Placeholders.of(Map.of())).isSameAs(Placeholders.NONE);
	}

	@Test
	void missingValueIsRejected() {
		Map<String, String> values = new HashMap<>();
		values.put("schema", null);
		assertThatIllegalArgumentException().isThrownBy(() -> Placeholders.of(values))
			.withMessageContaining("Placeholder 'schema' has no value");
	}

	@Test
	void laterChangesToTheMapDoNotLeakIn() {
		Map<String, String> values = new HashMap<>(Map.of("schema", "app"));
		Placeholders copied = Placeholders.of(values);
		values.put("schema", "other");
		assertThat(copied.replace("${schema}", "V1.sql", 1)).isEqualTo("app");
	}

	@Test
	void readerReplacesAfterSplitting() {
		Placeholders values = Placeholders.of(Map.of("sep", ";", "code", "1; DROP TABLE t"));
		assertThat(SqlScripts.read(new StringReader("SELECT '${sep}'; SELECT ${code};"), values)).containsExactly(
				new SqlStatement("SELECT ';'", 1), new SqlStatement("SELECT 1; DROP TABLE t", 1, 18, List.of()));
	}

	@Test
	void readerReportsTheLineOfThePlaceholder() {
		assertThatExceptionOfType(MigrationResolutionException.class)
			.isThrownBy(() -> SqlScripts.read(new StringReader("SELECT 1;\n\n-- ${skipped}\nSELECT\r\n  '${x}';"),
					Placeholders.NONE))
			.withMessageStartingWith(SqlScripts.SCRIPT + " line 5: placeholder ${x} is not defined");
	}

}
