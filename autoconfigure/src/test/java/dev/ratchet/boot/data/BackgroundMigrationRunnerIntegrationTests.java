package dev.ratchet.boot.data;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.boot.test.SpringKeysetTestMigration;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.DataMigrationStatus;
import dev.ratchet.test.Await;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A background data migration in a real application: left alone during start-up, run once the
 * application is ready, stopped between batches when the application shuts down, and followed at
 * the next start-up by the versions that waited for it.
 */
class BackgroundMigrationRunnerIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@BeforeEach
	void writeMigrations() {
		this.db.files()
			.write("V1__items.sql", "CREATE TABLE item (id bigint PRIMARY KEY, done boolean, touched int NOT NULL DEFAULT 0);"
					+ "INSERT INTO item (id) SELECT generate_series(1, 30);")
			.write("V2__require_done.sql", "ALTER TABLE item ALTER COLUMN done SET NOT NULL;");
		GatedBackfill.gate = new CountDownLatch(1);
		GatedBackfill.gatedBatch = 1;
	}

	@AfterEach
	void openTheGate() {
		GatedBackfill.gate.countDown();
	}

	@Test
	void runsOnceTheApplicationIsReadyAndTheVersionsAfterItWaitForTheNextStart() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(versions()).containsExactly("1");
			Ratchet ratchet = context.getBean(Ratchet.class);
			Await.until(() -> state(ratchet) == DataMigrationState.RUNNING);
			assertThat(context.getBean(BackgroundMigrationRunner.class).isMigrating()).isTrue();
			assertThat(ratchet.dataMigrations()).singleElement()
				.satisfies((data) -> assertThat(data.waiting()).extracting(Object::toString).containsExactly("2"));
			GatedBackfill.gate.countDown();
			Await.until(() -> state(ratchet) == DataMigrationState.COMPLETED);
			assertThat(versions()).containsExactly("1", "1.1");
			assertThat(ratchet.status().pendingCount()).isEqualTo(1);
		}
		try (ConfigurableApplicationContext context = start()) {
			assertThat(versions()).containsExactly("1", "1.1", "2");
		}
	}

	@Test
	void shutdownStopsTheRunBetweenBatchesAndTheNextStartContinues() {
		GatedBackfill.gatedBatch = 2;
		try (ConfigurableApplicationContext context = start()) {
			Ratchet ratchet = context.getBean(Ratchet.class);
			Await.until(() -> ratchet.dataMigrations().get(0).batches() == 1 && GatedBackfill.waiting);
		}
		assertThat(Sql.column(this.db, "SELECT state || ' ' || batches || ' ' || processed FROM ratchet_history_data"))
			.containsExactly("RUNNING 1 10");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM item WHERE touched = 1")).isEqualTo(10);
		GatedBackfill.gate.countDown();
		try (ConfigurableApplicationContext context = start()) {
			Ratchet ratchet = context.getBean(Ratchet.class);
			Await.until(() -> state(ratchet) == DataMigrationState.COMPLETED);
		}
		assertThat(Sql.column(this.db, "SELECT DISTINCT touched FROM item")).containsExactly("1");
	}

	private ConfigurableApplicationContext start() {
		SpringApplication application = new SpringApplication(BackgroundApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> args = this.db.applicationArguments();
		return application.run(args.toArray(String[]::new));
	}

	private List<String> versions() {
		return Sql.column(this.db, "SELECT version FROM ratchet_history WHERE success ORDER BY installed_rank");
	}

	private static DataMigrationState state(Ratchet ratchet) {
		List<DataMigrationStatus> data = ratchet.dataMigrations();
		return data.get(0).state();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, RatchetAutoConfiguration.class })
	@Import(GatedBackfill.class)
	static class BackgroundApplication {

	}

	/**
	 * Marks items done, ten per batch, in the background; one batch waits at a gate the test opens.
	 */
	static class GatedBackfill extends SpringKeysetTestMigration {

		static volatile CountDownLatch gate;

		static volatile int gatedBatch;

		static volatile boolean waiting;

		private int batch;

		GatedBackfill() {
			super("1.1", "mark items done", "item", BatchOptions.defaults().withBatchSize(10).withBackground(true));
		}

		@Override
		public void processBatch(JdbcMigrationContext context, List<Long> ids) throws InterruptedException {
			context.jdbcClient()
				.sql("UPDATE item SET done = true, touched = touched + 1 WHERE id IN (:ids)")
				.param("ids", ids)
				.update();
			if (++this.batch == gatedBatch) {
				waiting = true;
				try {
					gate.await(60, TimeUnit.SECONDS);
				}
				finally {
					waiting = false;
				}
			}
		}

	}

}
