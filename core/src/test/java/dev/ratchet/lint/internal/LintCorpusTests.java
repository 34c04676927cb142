package dev.ratchet.lint.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.ratchet.sql.Placeholders;
import dev.ratchet.sql.SqlStatement;
import dev.ratchet.sql.SqlStatementReader;
import dev.ratchet.sql.StatementClassifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lint corpus in {@code src/test/resources/lint/*.cases}: each case is a script, linted as a
 * run of its own, followed by the findings it must produce ({@code >>> rule line:column}), or by
 * {@code >>> none} for the correct PostgreSQL form. Tables a case does not create are existing.
 */
class LintCorpusTests {

	private static final List<String> CORPUS = List.of("dialect.cases", "risk.cases", "directives.cases");

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void findsExactlyWhatTheCaseExpects(String name, String sql, List<String> expected) {
		assertThat(lint(sql)).as(sql).containsExactlyInAnyOrderElementsOf(expected);
	}

	static List<String> lint(String sql) {
		Linter linter = new Linter(Map.of());
		ScriptLinter script = linter.script("V1__case.sql");
		try (SqlStatementReader reader = new SqlStatementReader(new StringReader(sql), "V1__case.sql",
				Placeholders.NONE)) {
			for (SqlStatement statement = reader.next(); statement != null; statement = reader.next()) {
				script.statement(statement, StatementClassifier.classify(statement.sql()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return linter.report().findings().stream().map((f) -> f.rule() + " " + f.line() + ":" + f.column()).toList();
	}

	static Stream<Arguments> cases() throws IOException {
		List<Arguments> cases = new ArrayList<>();
		for (String file : CORPUS) {
			try (InputStream in = LintCorpusTests.class.getResourceAsStream("/lint/" + file)) {
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				for (String block : text.split("(?m)^### ")) {
					if (!block.isBlank()) {
						cases.add(parse(file, block));
					}
				}
			}
		}
		return cases.stream();
	}

	private static Arguments parse(String file, String block) {
		String[] lines = block.split("\n", -1);
		StringBuilder sql = new StringBuilder();
		List<String> expected = new ArrayList<>();
		boolean expectations = false;
		for (int i = 1; i < lines.length; i++) {
			expectations = expectations || lines[i].startsWith(">>> ");
			if (!expectations) {
				sql.append(lines[i]).append('\n');
			}
			else if (lines[i].startsWith(">>> ") && !lines[i].substring(4).trim().equals("none")) {
				expected.add(lines[i].substring(4).trim());
			}
		}
		return Arguments.of(file + ": " + lines[0].trim(), sql.toString(), expected);
	}

}
