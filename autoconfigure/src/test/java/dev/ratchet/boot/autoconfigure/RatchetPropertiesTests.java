package dev.ratchet.boot.autoconfigure;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.ratchet.RatchetConfiguration;
import dev.ratchet.boot.command.Output;
import dev.ratchet.lint.LintRule;
import dev.ratchet.lint.LintRules;
import dev.ratchet.tenant.RatchetTenants;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RatchetProperties}.
 */
class RatchetPropertiesTests {

	private final RatchetConfiguration engineDefaults = RatchetConfiguration.builder(new SimpleDriverDataSource())
		.build();

	@Test
	void defaultsMatchEngineDefaults() {
		RatchetProperties properties = new RatchetProperties();
		assertThat(properties.getLocations()).isEqualTo(this.engineDefaults.getLocations());
		assertThat(properties.getSchema()).isEqualTo(this.engineDefaults.getSchema());
		assertThat(properties.getTable()).isEqualTo(this.engineDefaults.getTable());
		assertThat(properties.getLock().getWaitTimeout()).isEqualTo(this.engineDefaults.getLockWaitTimeout());
		assertThat(properties.isBaselineOnMigrate()).isEqualTo(this.engineDefaults.isBaselineOnMigrate());
		assertThat(properties.getBaselineVersion()).isEqualTo(this.engineDefaults.getBaselineVersion().toString());
		assertThat(properties.isOutOfOrder()).isEqualTo(this.engineDefaults.isOutOfOrder());
		assertThat(properties.getTarget()).isEqualTo(this.engineDefaults.getTarget());
		assertThat(properties.getPlaceholders()).isEqualTo(this.engineDefaults.getPlaceholders());
		assertThat(properties.isPlaceholderReplacement()).isEqualTo(this.engineDefaults.isPlaceholderReplacement());
		assertThat(properties.getPlaceholderPrefix()).isEqualTo(this.engineDefaults.getPlaceholderPrefix());
		assertThat(properties.getPlaceholderSuffix()).isEqualTo(this.engineDefaults.getPlaceholderSuffix());
		assertThat(properties.getLockTimeout()).isEqualTo(this.engineDefaults.getLockTimeout());
		assertThat(properties.getStatementTimeout()).isEqualTo(this.engineDefaults.getStatementTimeout());
		assertThat(properties.getLockRetries()).isEqualTo(this.engineDefaults.getLockRetries());
		assertThat(properties.getLockRetryDelay()).isEqualTo(this.engineDefaults.getLockRetryDelay());
		assertThat(properties.getPoolerPolicy()).isEqualTo(this.engineDefaults.getPoolerPolicy());
		assertThat(properties.getLint().getSeverity()).isEqualTo(this.engineDefaults.getLintSeverities());
		assertThat(properties.isMixed()).isEqualTo(this.engineDefaults.isMixed()).isFalse();
		assertThat(properties.getDrift().isEnabled()).isEqualTo(this.engineDefaults.isDriftEnabled()).isTrue();
		assertThat(properties.getDrift().getIgnore()).isEqualTo(this.engineDefaults.getDriftIgnore()).isEmpty();
	}

	@Test
	void defaultsMatchContract() {
		RatchetProperties properties = new RatchetProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getMode()).isEqualTo(RatchetProperties.Mode.MIGRATE);
		assertThat(properties.getCommand()).isNull();
		assertThat(properties.getOutput()).isEqualTo(Output.TEXT);
		assertThat(properties.getUrl()).isNull();
		assertThat(properties.getHealth().isFailOnDrift()).isFalse();
	}

	@Test
	void generatedMetadataDescribesEveryPropertyWithEngineDefaults() throws Exception {
		JsonNode metadata = metadata();
		Map<String, JsonNode> properties = new TreeMap<>();
		metadata.get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
		assertThat(properties).containsOnlyKeys("ratchet.enabled", "ratchet.mode", "ratchet.command", "ratchet.output",
				"ratchet.locations", "ratchet.schema", "ratchet.table", "ratchet.url", "ratchet.username",
				"ratchet.password", "ratchet.lock.wait-timeout", "ratchet.baseline-on-migrate",
				"ratchet.baseline-version", "ratchet.out-of-order", "ratchet.placeholders", "ratchet.placeholder-replacement",
				"ratchet.placeholder-prefix", "ratchet.placeholder-suffix", "ratchet.lock-timeout",
				"ratchet.statement-timeout", "ratchet.lock-retries", "ratchet.lock-retry-delay", "ratchet.health.cache-ttl",
				"management.health.migrations.enabled", "management.endpoint.migrations.access",
				"management.endpoint.migrations.cache.time-to-live", "ratchet.pooler-policy", "ratchet.lint.severity",
				"ratchet.health.fail-on-drift", "ratchet.drift.cache-ttl", "ratchet.target", "ratchet.undo",
				"ratchet.adopt.enabled", "ratchet.adopt.flyway-table",
				"ratchet.data.window", "ratchet.data.max-replication-lag", "ratchet.data.replication-lag-back-off",
				"ratchet.data.operator-role", "ratchet.data.parallelism", "ratchet.repair.complete-cancelled", "ratchet.console.enabled", "ratchet.console.path",
				"ratchet.mixed", "ratchet.drift.enabled", "ratchet.drift.ignore",
				"ratchet.tenant", "ratchet.tenants.schemas", "ratchet.tenants.query", "ratchet.tenants.locations",
				"ratchet.tenants.parallelism", "ratchet.tenants.on-failure");
		properties.forEach((name, property) -> assertThat(property.path("description").asString()).as(name)
			.isNotBlank()
			.doesNotStartWith("The "));
		assertThat(properties.get("ratchet.table").get("defaultValue").asString())
			.isEqualTo(this.engineDefaults.getTable());
		assertThat(properties.get("ratchet.target").get("defaultValue").asString())
			.isEqualTo(this.engineDefaults.getTarget());
		assertThat(properties.get("ratchet.baseline-version").get("defaultValue").asString())
			.isEqualTo(this.engineDefaults.getBaselineVersion().toString());
		assertThat(DurationStyle.detectAndParse(properties.get("ratchet.lock.wait-timeout").get("defaultValue").asString()))
			.isEqualTo(this.engineDefaults.getLockWaitTimeout());
		assertThat(DurationStyle.detectAndParse(properties.get("ratchet.lock-retry-delay").get("defaultValue").asString()))
			.isEqualTo(this.engineDefaults.getLockRetryDelay());
		assertThat(properties.get("ratchet.lock-retries").get("defaultValue").asInt())
			.isEqualTo(this.engineDefaults.getLockRetries());
		assertThat(properties.get("ratchet.lock-timeout").has("defaultValue")).isFalse();
		assertThat(properties.get("ratchet.statement-timeout").has("defaultValue")).isFalse();
		List<String> locations = properties.get("ratchet.locations")
			.get("defaultValue")
			.valueStream()
			.map(JsonNode::asString)
			.toList();
		assertThat(locations).isEqualTo(this.engineDefaults.getLocations());
		assertThat(properties.get("ratchet.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("ratchet.mode").get("defaultValue").asString()).isEqualTo("migrate");
		assertThat(properties.get("ratchet.pooler-policy").get("defaultValue").asString())
			.isEqualToIgnoringCase(this.engineDefaults.getPoolerPolicy().name());
		assertThat(properties.get("ratchet.health.fail-on-drift").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("ratchet.adopt.enabled").get("defaultValue").asBoolean())
			.isEqualTo(this.engineDefaults.isAdoptEnabled());
		assertThat(properties.get("ratchet.adopt.flyway-table").get("defaultValue").asString())
			.isEqualTo(this.engineDefaults.getAdoptFlywayTable());
		assertThat(DurationStyle.detectAndParse(properties.get("ratchet.drift.cache-ttl").get("defaultValue").asString()))
			.isEqualTo(new RatchetProperties().getDrift().getCacheTtl());
		assertThat(DurationStyle.detectAndParse(properties.get("ratchet.health.cache-ttl").get("defaultValue").asString()))
			.isEqualTo(new RatchetProperties().getHealth().getCacheTtl());
		assertThat(properties.get("management.health.migrations.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("ratchet.mixed").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("ratchet.drift.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("ratchet.tenants.locations").get("defaultValue").get(0).asString())
			.isEqualTo(RatchetTenants.DEFAULT_LOCATION)
			.isEqualTo(new RatchetProperties().getTenants().getLocations().get(0));
		assertThat(properties.get("ratchet.tenants.parallelism").get("defaultValue").asInt())
			.isEqualTo(RatchetTenants.DEFAULT_PARALLELISM)
			.isEqualTo(new RatchetProperties().getTenants().getParallelism());
		assertThat(properties.get("ratchet.tenants.on-failure").get("defaultValue").asString()).isEqualTo("fail");
		assertThat(properties.get("ratchet.data.parallelism").get("defaultValue").asInt())
			.isEqualTo(this.engineDefaults.getDataParallelism())
			.isEqualTo(new RatchetProperties().getData().getParallelism());
	}

	@Test
	void generatedMetadataOffersEveryLintRuleAsASeverityKey() throws Exception {
		JsonNode metadata = metadata();
		JsonNode hint = metadata.get("hints")
			.valueStream()
			.filter((candidate) -> candidate.get("name").asString().equals("ratchet.lint.severity.keys"))
			.findFirst()
			.orElseThrow();
		assertThat(hint.get("values").valueStream().map((value) -> value.get("value").asString()))
			.containsExactlyElementsOf(LintRules.all().stream().map(LintRule::id).toList());
		hint.get("values").forEach((value) -> assertThat(value.get("description").asString()).isNotBlank());
	}

	private JsonNode metadata() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated configuration metadata").isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
