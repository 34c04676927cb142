package dev.ratchet.boot.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.test.RatchetContextRunner;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code ratchet.table} and {@code ratchet.schema}: names PostgreSQL would cut fail the
 * startup, naming the property, before anything connects.
 */
class RatchetTablePropertiesTests {

	private final ApplicationContextRunner contextRunner = UnreachableDatabase.contextRunner();

	@Test
	void tableAndSchemaReachTheEngine() {
		this.contextRunner.withPropertyValues("ratchet.table=" + "t".repeat(49), "ratchet.schema=chat ops")
			.run((context) -> {
				assertThat(context.getBean(Ratchet.class).getConfiguration().getTable()).isEqualTo("t".repeat(49));
				assertThat(context.getBean(Ratchet.class).getConfiguration().getSchema()).isEqualTo("chat ops");
			});
	}

	@Test
	void aTableNameWhoseDerivedNamesPostgreSqlWouldCutFailsTheStartupNamingTheProperty() {
		RatchetContextRunner.startupFailure(this.contextRunner.withPropertyValues("ratchet.table=" + "t".repeat(50)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ratchet.table")
			.hasMessageContaining("at most 49 bytes");
	}

	@Test
	void aSchemaNameOverPostgreSqlsLimitFailsTheStartupNamingTheProperty() {
		RatchetContextRunner.startupFailure(this.contextRunner.withPropertyValues("ratchet.schema=" + "s".repeat(64)))
			.hasMessageContaining("ratchet.schema")
			.hasMessageContaining("63 bytes");
	}

}
