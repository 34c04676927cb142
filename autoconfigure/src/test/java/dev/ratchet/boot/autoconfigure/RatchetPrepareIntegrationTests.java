package dev.ratchet.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.boot.test.RatchetContextRunner;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine bean prepares its first run as it is created: by the time the start-up migration runs,
 * the application's pool has been started (and its first connection opened) without the run
 * touching it, so that on a cold start-up opening the pool overlaps with building the context.
 */
class RatchetPrepareIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__create_item.sql", "CREATE TABLE item (id int);");

	@Test
	void thePoolIsStartedForTheStartupRunBeforeItAsksForAConnection() {
		AtomicBoolean startedBeforeTheRun = new AtomicBoolean();
		RatchetContextRunner.withoutDataSource(this.db, DataSourceAutoConfiguration.class)
			.withPropertyValues("spring.datasource.url=" + this.db.url(),
					"spring.datasource.username=" + this.db.username(),
					"spring.datasource.password=" + ((this.db.password() != null) ? this.db.password() : ""))
			.withBean(RatchetMigrationStrategy.class, () -> (ratchet) -> {
				HikariDataSource pool = (HikariDataSource) ratchet.getConfiguration().getDataSource();
				long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				while (pool.getHikariPoolMXBean() == null && System.nanoTime() < deadline) {
					sleep();
				}
				startedBeforeTheRun.set(pool.getHikariPoolMXBean() != null);
				ratchet.migrate();
			})
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(DataSource.class);
				assertThat(startedBeforeTheRun).isTrue();
				assertThat(Sql.exists(this.db, "item")).isTrue();
			});
	}

	private static void sleep() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
