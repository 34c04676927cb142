package dev.ratchet.data;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationContext;
import dev.ratchet.Ratchet;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throttles asked before each batch: a back-off waits on the data clock and asks again; a pause is
 * seen while backing off; a failing throttle backs off instead of running; the replication lag
 * throttle reads the real {@code pg_stat_replication}.
 */
class BatchThrottleIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = Backfill.databaseWithRows(Backfill.rows(300));

	private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

	private final DataClock clock = new DataClock() {

		@Override
		public long nanoTime() {
			return System.nanoTime();
		}

		@Override
		public void sleep(Duration duration) throws InterruptedException {
			BatchThrottleIntegrationTests.this.sleeps.add(duration);
			Thread.sleep(5);
		}

	};

	@Test
	void aThrottleIsAskedBeforeEachBatchAndItsBackOffWaitsOnTheClock() {
		AtomicInteger asked = new AtomicInteger();
		BatchThrottle everyOther = (context, migration) -> {
			assertThat(context.connection().getAutoCommit()).isFalse();
			assertThat(migration.version()).hasToString("1.1");
			return (asked.incrementAndGet() % 2 == 1) ? Duration.ofMinutes(1) : Duration.ZERO;
		};
		MigrateResult result = ratchet(everyOther).migrate();
		assertThat(result.applied()).hasSize(3);
		// three batches and the empty fetch at the end: four times backed off, four times let through
		assertThat(asked).hasValue(8);
		// a long back-off is slept in slices, reading the stored state in between
		assertThat(this.sleeps).hasSize(4).containsOnly(Duration.ofSeconds(10));
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot WHERE touched = 1")).isEqualTo(300);
	}

	@Test
	void aPauseIsSeenWhileThrottled() throws Exception {
		Ratchet ratchet = ratchet((context, migration) -> Duration.ofMillis(20));
		CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(ratchet::migrate);
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (this.sleeps.size() < 3) {
			assertThat(System.nanoTime()).isLessThan(deadline);
			Thread.sleep(10);
		}
		ratchet.data().pause("1.1", "ops");
		assertThat(run.get(30, TimeUnit.SECONDS).applied()).extracting((e) -> e.migration().version().toString())
			.containsExactly("1", "1.0.0.1");
		assertThat(Sql.number(this.db, "SELECT count(*) FROM chatbot WHERE touched > 0")).isZero();
		assertThat(ratchet.dataMigrations().get(0).state()).isEqualTo(DataMigrationState.PAUSED);
	}

	@Test
	void aFailingThrottleBacksOffInsteadOfRunningABatch() {
		AtomicInteger asked = new AtomicInteger();
		BatchThrottle flaky = (context, migration) -> {
			if (asked.incrementAndGet() == 1) {
				throw new IllegalStateException("monitoring is down");
			}
			return Duration.ZERO;
		};
		assertThat(ratchet(flaky).migrate().applied()).hasSize(3);
		assertThat(this.sleeps).containsExactly(Duration.ofSeconds(10));
	}

	@Test
	void replicationLagIsZeroOnAPrimaryWithoutReplicas() throws Exception {
		try (var connection = this.db.connect()) {
			assertThat(ReplicationLagThrottle.lag(new MigrationContext(connection, "public"))).isZero();
		}
		BatchThrottle lag = BatchThrottle.replicationLag(Duration.ofSeconds(5), Duration.ofSeconds(1));
		assertThat(ratchet(lag).migrate().applied()).hasSize(3);
		assertThat(this.sleeps).isEmpty();
	}

	private Ratchet ratchet(BatchThrottle throttle) {
		return new Ratchet(this.db.configure()
			.javaMigrations(new Backfill("1.1"))
			.throttles(throttle)
			.dataClock(this.clock)
			.build());
	}

}
