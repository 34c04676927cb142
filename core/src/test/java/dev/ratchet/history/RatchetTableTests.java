package dev.ratchet.history;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import dev.ratchet.RatchetConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The names of Ratchet's tables, their quoting and their DDL, and the identifier lengths a
 * configuration may use.
 */
class RatchetTableTests {

	@Test
	void everyTableIsNamedAfterTheHistoryTable() {
		assertThat(RatchetTable.tableNames("migration_log")).containsExactly("migration_log", "migration_log_data",
				"migration_log_data_failures", "migration_log_data_claims", "migration_log_snapshot");
	}

	@Test
	void namesAreQuotedWithInnerQuotesDoubled() {
		assertThat(RatchetTable.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(RatchetTable.DATA.qualifiedName("chat ops", "Migration_Log"))
			.isEqualTo("\"chat ops\".\"Migration_Log_data\"");
		assertThat(new HistoryTable("chat ops", "Migration_Log").getQualifiedName())
			.isEqualTo("\"chat ops\".\"Migration_Log\"");
	}

	@Test
	void eachTableShipsItsDdlAsAResourceWithThePlaceholder() throws IOException {
		for (RatchetTable table : RatchetTable.values()) {
			String resource = read(table);
			assertThat(resource).as(table.resourceName()).contains("CREATE TABLE IF NOT EXISTS " + RatchetTable.PLACEHOLDER);
			String ddl = table.ddl("\"s\".\"t\"");
			assertThat(ddl).contains("CREATE TABLE IF NOT EXISTS \"s\".\"t\" (").doesNotContain(RatchetTable.PLACEHOLDER);
		}
	}

	@Test
	void aHistoryTableNameWhoseDerivedNamesFitIsAccepted() {
		String longest = "h".repeat(RatchetTable.MAX_IDENTIFIER_BYTES - "_data_failures".length());
		assertThatNoException().isThrownBy(() -> builder().table(longest).build());
	}

	@Test
	void aHistoryTableNameWhoseDerivedNamesWouldBeCutIsAConfigurationError() {
		String tooLong = "h".repeat(RatchetTable.MAX_IDENTIFIER_BYTES - "_data_failures".length() + 1);
		assertThatIllegalArgumentException().isThrownBy(() -> builder().table(tooLong).build())
			.withMessageContaining("ratchet.table")
			.withMessageContaining("63 bytes")
			.withMessageContaining("at most 49 bytes")
			.withMessageContaining(tooLong + "_data_failures");
	}

	@Test
	void identifierLengthsAreCountedInBytes() {
		// 25 characters, 50 bytes in UTF-8.
		String table = "é".repeat(25);
		assertThatIllegalArgumentException().isThrownBy(() -> builder().table(table).build())
			.withMessageContaining("is 50 bytes long");
	}

	@Test
	void aSchemaNameOverTheLimitIsAConfigurationError() {
		assertThatNoException().isThrownBy(() -> builder().schema("s".repeat(63)).build());
		assertThatIllegalArgumentException().isThrownBy(() -> builder().schema("s".repeat(64)).build())
			.withMessageContaining("ratchet.schema")
			.withMessageContaining("64 bytes long")
			.withMessageContaining("63 bytes");
	}

	private static RatchetConfiguration.Builder builder() {
		return RatchetConfiguration.builder(new PGSimpleDataSource());
	}

	private static String read(RatchetTable table) throws IOException {
		try (InputStream in = RatchetTable.class.getResourceAsStream(table.resourceName())) {
			assertThat(in).as(table.resourceName()).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
