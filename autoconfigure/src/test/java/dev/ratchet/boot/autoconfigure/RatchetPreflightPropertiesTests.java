package dev.ratchet.boot.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.ratchet.PoolerPolicy;
import dev.ratchet.Ratchet;
import dev.ratchet.lint.LintSeverity;
import dev.ratchet.boot.test.RatchetContextRunner;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static dev.ratchet.boot.autoconfigure.UnreachableDatabase.configuration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the pre-flight properties, {@code ratchet.pooler-policy} and
 * {@code ratchet.lint.severity.<rule-id>}: they reach the engine, and a rule id that does not exist
 * fails the start-up. Nothing here connects.
 */
class RatchetPreflightPropertiesTests {

	private final ApplicationContextRunner contextRunner = UnreachableDatabase.contextRunner();

	@Test
	void poolerPolicyReachesTheEngine() {
		this.contextRunner.withPropertyValues("ratchet.pooler-policy=warn")
			.run((context) -> assertThat(configuration(context.getBean(Ratchet.class)).getPoolerPolicy())
				.isEqualTo(PoolerPolicy.WARN));
	}

	@Test
	void poolerPolicyRefusesByDefault() {
		this.contextRunner.run((context) -> assertThat(configuration(context.getBean(Ratchet.class)).getPoolerPolicy())
			.isEqualTo(PoolerPolicy.FAIL));
	}

	@Test
	void lintSeveritiesReachTheEngineByFullRuleId() {
		this.contextRunner
			.withPropertyValues("ratchet.lint.severity.dialect.datetime=off",
					"ratchet.lint.severity.risk.index-not-concurrent=error", "ratchet.lint.severity.risk.drop=Warning")
			.run((context) -> assertThat(configuration(context.getBean(Ratchet.class)).getLintSeverities())
				.isEqualTo(Map.of("dialect.datetime", LintSeverity.OFF, "risk.index-not-concurrent", LintSeverity.ERROR,
						"risk.drop", LintSeverity.WARNING)));
	}

	@Test
	void unknownLintRuleFailsTheStartupNamingThePropertyAndTheValidRules() {
		RatchetContextRunner.startupFailure(this.contextRunner.withPropertyValues("ratchet.lint.severity.dialect.date-time=off"))
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.hasMessageContaining("ratchet.lint.severity.dialect.date-time")
			.hasMessageContaining("There is no lint rule 'dialect.date-time'")
			.hasMessageContaining("Valid rule ids: dialect.datetime, ")
			.hasMessageContaining("risk.index-not-concurrent");
	}

	@Test
	void unknownLintSeverityFailsTheStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("ratchet.lint.severity.dialect.datetime=ignore")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("Failed to bind properties under 'ratchet.lint.severity.dialect.datetime'"));
	}

}
