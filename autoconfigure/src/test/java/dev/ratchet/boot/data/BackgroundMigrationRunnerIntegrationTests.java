package dev.ratchet.boot.data;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.autoconfigure.RatchetAutoConfiguration;
import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.DataMigrationStatus;
import dev.ratchet.test.MigrationFiles;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestDatabase;

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

	@TempDir
	private Path migrations;

	private TestDatabase.Db db;

	private String location;

	@BeforeEach
	void createDatabase() {
		this.db = TestDatabase.createDatabase();
		this.location = new MigrationFiles(this.migrations)
			.write("V1__items.sql", "CREATE TABLE item (id bigint PRIMARY KEY, done boolean, touched int NOT NULL DEFAULT 0);"
					+ "INSERT INTO item (id) SELECT generate_series(1, 30);")
			.write("V2__require_done.sql", "ALTER TABLE item ALTER COLUMN done SET NOT NULL;")
			.location();
		GatedBackfill.gate = new CountDownLatch(1);
		GatedBackfill.gatedBatch = 1;
	}

	@AfterEach
	void dropDatabase() {
		GatedBackfill.gate.countDown();
		this.db.close();
	}

	@Test
	void runsOnceTheApplicationIsReadyAndTheVersionsAfterItWaitForTheNextStart() {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(versions()).containsExactly("1");
			Ratchet ratchet = context.getBean(Ratchet.class);
			await(() -> state(ratchet) == DataMigrationState.RUNNING);
			assertThat(context.getBean(BackgroundMigrationRunner.class).isMigrating()).isTrue();
			assertThat(ratchet.dataMigrations()).singleElement()
				.satisfies((data) -> assertThat(data.waiting()).extracting(Object::toString).containsExactly("2"));
			GatedBackfill.gate.countDown();
			await(() -> state(ratchet) == DataMigrationState.COMPLETED);
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
			await(() -> ratchet.dataMigrations().get(0).batches() == 1 && GatedBackfill.waiting);
		}
		assertThat(Sql.column(this.db, "SELECT state || ' ' || batches || ' ' || processed FROM ratchet_history_data"))
			.containsExactly("RUNNING 1 10");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM item WHERE touched = 1")).isEqualTo(10);
		GatedBackfill.gate.countDown();
		try (ConfigurableApplicationContext context = start()) {
			Ratchet ratchet = context.getBean(Ratchet.class);
			await(() -> state(ratchet) == DataMigrationState.COMPLETED);
		}
		assertThat(Sql.column(this.db, "SELECT DISTINCT touched FROM item")).containsExactly("1");
	}

	private ConfigurableApplicationContext start() {
		SpringApplication application = new SpringApplication(BackgroundApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + this.db.url(),
				"--spring.datasource.username=" + this.db.username(), "--ratchet.locations=" + this.location));
		if (this.db.password() != null) {
			args.add("--spring.datasource.password=" + this.db.password());
		}
		return application.run(args.toArray(String[]::new));
	}

	private List<String> versions() {
		return Sql.column(this.db, "SELECT version FROM ratchet_history WHERE success ORDER BY installed_rank");
	}

	private static DataMigrationState state(Ratchet ratchet) {
		List<DataMigrationStatus> data = ratchet.dataMigrations();
		return data.get(0).state();
	}

	private static void await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within 60 s").isLessThan(deadline);
			try {
				Thread.sleep(25);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, RatchetAutoConfiguration.class })
	@Import(GatedBackfill.class)
	static class BackgroundApplication {

	}

	/**
	 * Marks items done, ten per batch, in the background; one batch waits at a gate the test opens.
	 */
	static class GatedBackfill implements SpringBatchedMigration<Long> {

		static volatile CountDownLatch gate;

		static volatile int gatedBatch;

		static volatile boolean waiting;

		private int batch;

		@Override
		public String version() {
			return "1.1";
		}

		@Override
		public String description() {
			return "mark items done";
		}

		@Override
		public BatchOptions options() {
			return BatchOptions.defaults().withBatchSize(10).withBackground(true);
		}

		@Override
		public List<Long> nextBatch(JdbcMigrationContext context, String after, int limit) {
			return context.jdbcClient()
				.sql("SELECT id FROM item WHERE id > :after ORDER BY id LIMIT :limit")
				.param("after", (after != null) ? Long.parseLong(after) : 0)
				.param("limit", limit)
				.query(Long.class)
				.list();
		}

		@Override
		public String keyOf(Long id) {
			return String.valueOf(id);
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
