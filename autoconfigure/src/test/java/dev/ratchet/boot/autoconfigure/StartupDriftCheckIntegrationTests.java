package dev.ratchet.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.monitor.DriftMonitor;
import dev.ratchet.drift.DriftReport;
import dev.ratchet.test.Await;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start-up with nothing to apply leaves the drift comparison until the application is ready,
 * unless health is to fail on drift, and still reports drift then.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupDriftCheckIntegrationTests {

	private static final String DRIFT = "these changes were made outside Ratchet's migrations";

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@BeforeEach
	void migrateThenChangeByHand() {
		this.db.files().write("V1__session.sql", "CREATE TABLE session (id bigint PRIMARY KEY);");
		this.db.ratchet().migrate();
		Sql.execute(this.db, "ALTER TABLE session ADD COLUMN source text");
	}

	@Test
	void comparesOnceTheApplicationIsReadyAndLogsTheDrift(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getBean(Ratchet.class).getConfiguration().isDriftCheckAtStartup()).isFalse();
			Await.until(() -> output.getOut().contains(DRIFT));
			assertThat(output.getOut()).contains("column session.source added: text");
			assertThat(logLines(output.getOut(), DRIFT)).hasSize(1);
		}
	}

	@Test
	void healthAskedRightAfterStartUpReusesThatComparison(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("--ratchet.drift.cache-ttl=10m")) {
			Await.until(() -> output.getOut().contains(DRIFT));
			// Undone by hand: a new comparison would find no drift; the monitor still has the start-up's.
			Sql.execute(this.db, "ALTER TABLE session DROP COLUMN source");
			Ratchet ratchet = context.getBean(Ratchet.class);
			DriftReport drift = context.getBean(DriftMonitor.class).drift(ratchet.inspect());
			assertThat(drift.isDrifted()).isTrue();
			assertThat(ratchet.drift().isDrifted()).isFalse();
		}
	}

	@Test
	void comparesDuringStartUpWhenHealthFailsOnDrift(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("--ratchet.health.fail-on-drift=true")) {
			assertThat(context.getBean(Ratchet.class).getConfiguration().isDriftCheckAtStartup()).isTrue();
			// Logged by the start-up's own run, before the context was ready.
			assertThat(output.getOut()).contains(DRIFT, "column session.source added: text");
			assertThat(context.getBeanProvider(StartupDriftCheck.class).getIfAvailable()).isNotNull();
			assertThat(logLines(output.getOut(), DRIFT)).hasSize(1);
		}
	}

	private ConfigurableApplicationContext start(String... extra) {
		SpringApplication application = new SpringApplication(DriftApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> args = new ArrayList<>(this.db.applicationArguments());
		args.addAll(List.of(extra));
		return application.run(args.toArray(String[]::new));
	}

	private static List<String> logLines(String output, String text) {
		return output.lines().filter((line) -> line.contains(text)).toList();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, RatchetAutoConfiguration.class })
	static class DriftApplication {

	}

}
