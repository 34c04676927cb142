package dev.ratchet.sql;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens of a statement, with strings, dollar quotes, quoted identifiers and comments kept whole.
 */
class SqlTokenListTests {

	@Test
	void splitsWordsSymbolsAndConstants() {
		assertThat(tokens("SELECT a.b, 1.5e3 FROM t WHERE x = $1")).containsExactly("WORD:SELECT", "WORD:a", "SYMBOL:.",
				"WORD:b", "SYMBOL:,", "NUMBER:1.5e3", "WORD:FROM", "WORD:t", "WORD:WHERE", "WORD:x", "SYMBOL:=",
				"SYMBOL:$", "NUMBER:1");
	}

	@Test
	void stringsAndQuotedIdentifiersAreSingleTokens() {
		assertThat(tokens("SELECT 'it''s `x`', E'a\\'b', \"we\"\"ird\", B'101'")).containsExactly("WORD:SELECT",
				"STRING:'it''s `x`'", "SYMBOL:,", "STRING:E'a\\'b'", "SYMBOL:,", "QUOTED_IDENTIFIER:\"we\"\"ird\"",
				"SYMBOL:,", "STRING:B'101'");
	}

	@Test
	void dollarQuotesAreSingleTokens() {
		assertThat(tokens("DO $body$ BEGIN PERFORM datetime('now'); END $body$")).containsExactly("WORD:DO",
				"STRING:$body$ BEGIN PERFORM datetime('now'); END $body$");
		assertThat(tokens("SELECT $$a$$")).containsExactly("WORD:SELECT", "STRING:$$a$$");
	}

	@Test
	void commentsAreSkipped() {
		assertThat(tokens("SELECT -- DATETIME\n /* `x` /* nested */ */ 1")).containsExactly("WORD:SELECT", "NUMBER:1");
	}

	@Test
	void identifiersReadAsPostgreSqlReadsThem() {
		SqlTokenList tokens = SqlTokenList.of("Users \"Users\" \"a\"\"b\"");
		assertThat(tokens.identifier(0)).isEqualTo("users");
		assertThat(tokens.identifier(1)).isEqualTo("Users");
		assertThat(tokens.identifier(2)).isEqualTo("a\"b");
		assertThat(tokens.isWord(0, "USERS")).isTrue();
		assertThat(tokens.isWord(1, "USERS")).isFalse();
		assertThat(tokens.isWord(5, "USERS")).isFalse();
	}

	private static List<String> tokens(String sql) {
		SqlTokenList tokens = SqlTokenList.of(sql);
		List<String> result = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			result.add(tokens.type(i) + ":" + tokens.text(i));
		}
		return result;
	}

}
