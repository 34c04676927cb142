package dev.ratchet;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.lock.AdvisoryLock;
import dev.ratchet.test.FreshDatabase;
import dev.ratchet.test.Sql;
import dev.ratchet.test.TestJavaMigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The migration lock: waiting, reporting the holder, timing out, and never staying held.
 */
class LockIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase().withMigration("V1__a.sql", "CREATE TABLE a (id int);");

	private Connection holdLock() throws Exception {
		Connection holder = this.db.connect();
		try (Statement statement = holder.createStatement()) {
			statement.execute("SET application_name = 'deploy-job-42'");
			statement.execute("SELECT pg_advisory_lock(" + AdvisoryLock.keyFor("public", "ratchet_history") + ")");
		}
		return holder;
	}

	/**
	 * Returns a Ratchet that waits half a second for the migration lock.
	 */
	private Ratchet waitingHalfASecond() {
		return new Ratchet(this.db.configure().lockWaitTimeout(Duration.ofMillis(500)).build());
	}

	@Test
	void waitingInstanceReportsTheHolderAndTimesOut() throws Exception {
		List<MigrationEvent> events = new CopyOnWriteArrayList<>();
		try (Connection holder = holdLock()) {
			Ratchet ratchet = new Ratchet(this.db.configure()
				.lockWaitTimeout(Duration.ofMillis(700))
				.listeners(events::add)
				.build());
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(ratchet::migrate)
				.withMessageContaining("Timed out after PT0.7S")
				.withMessageContaining("application \"deploy-job-42\"")
				.withMessageContaining("ratchet.lock.wait-timeout")
				.satisfies((ex) -> assertThat(ex.getHolder()).startsWith("pid "));
		}
		assertThat(events).first().isInstanceOf(MigrationEvent.RunStarted.class);
		assertThat(events).element(1).isInstanceOfSatisfying(MigrationEvent.LockWaiting.class,
				(waiting) -> assertThat(waiting.holder()).contains("deploy-job-42", "client"));
		assertThat(events).last().isInstanceOf(MigrationEvent.RunFailed.class);
		assertThat(Sql.exists(this.db, "a")).isFalse();
	}

	@Test
	void waitingInstanceProceedsOnceTheLockIsReleased() throws Exception {
		Connection holder = holdLock();
		java.util.concurrent.CountDownLatch waiting = new java.util.concurrent.CountDownLatch(1);
		CompletableFuture<MigrateResult> run = CompletableFuture.supplyAsync(() -> new Ratchet(RatchetConfiguration
			.builder(this.db.dataSource())
			.locations(this.db.files().location())
			.listeners((event) -> {
				if (event instanceof MigrationEvent.LockWaiting) {
					waiting.countDown();
				}
			})
			.build()).migrate());
		assertThat(waiting.await(30, TimeUnit.SECONDS)).as("the instance reports that it waits").isTrue();
		Thread.sleep(200);
		assertThat(run).isNotDone();
		assertThat(Sql.exists(this.db, "a")).isFalse();
		holder.close();
		MigrateResult result = run.get(30, TimeUnit.SECONDS);
		assertThat(result.appliedCount()).isEqualTo(1);
		assertThat(result.lockWait()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void runWithNothingToApplyNeedsNoLock() throws Exception {
		Ratchet ratchet = waitingHalfASecond();
		ratchet.migrate();
		try (Connection holder = holdLock()) {
			MigrateResult result = ratchet.migrate();
			assertThat(result.appliedCount()).isZero();
			assertThat(result.currentVersion()).hasToString("1");
			assertThat(result.lockWait()).isZero();
			// A pending migration does need the lock, and waits for it.
			this.db.files().write("V2__b.sql", "CREATE TABLE b (id int);");
			Ratchet newer = waitingHalfASecond();
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(newer::migrate);
		}
	}

	@Test
	void driftSeenWithoutTheLockIsConfirmedUnderIt() throws Exception {
		Ratchet ratchet = waitingHalfASecond();
		ratchet.migrate();
		Sql.execute(this.db, "CREATE TABLE made_by_hand (id int)");
		try (Connection holder = holdLock()) {
			// It could be another instance's migration in progress: only the lock holder can tell.
			assertThatExceptionOfType(LockTimeoutException.class).isThrownBy(ratchet::migrate);
		}
		MigrateResult result = ratchet.migrate();
		assertThat(result.drift().isDrifted()).isTrue();
		assertThat(result.drift().differences()).anySatisfy((d) -> assertThat(d.toString()).contains("made_by_hand"));
	}

	@Test
	void waiterWhoseWorkTheHolderDidLeavesWithoutTakingTheLock() throws Exception {
		this.db.files().write("V2__slow.sql", "SELECT pg_sleep(1.5); CREATE TABLE slow (id int);");
		List<MigrationEvent> firstEvents = new CopyOnWriteArrayList<>();
		List<MigrationEvent> secondEvents = new CopyOnWriteArrayList<>();
		java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
		CompletableFuture<MigrateResult> first = CompletableFuture.supplyAsync(() -> new Ratchet(RatchetConfiguration
			.builder(this.db.dataSource())
			.locations(this.db.files().location())
			.listeners(firstEvents::add, (event) -> {
				if (event instanceof MigrationEvent.MigrationStarted) {
					started.countDown();
				}
			})
			.build()).migrate());
		assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
		MigrateResult second = new Ratchet(this.db.configure()
			.listeners(secondEvents::add)
			.build()).migrate();
		assertThat(first.get(30, TimeUnit.SECONDS).appliedCount()).isEqualTo(2);
		assertThat(second.appliedCount()).isZero();
		assertThat(second.currentVersion()).hasToString("2");
		assertThat(second.lockWait()).isPositive();
		assertThat(secondEvents).anyMatch(MigrationEvent.LockWaiting.class::isInstance);
		assertThat(secondEvents).noneMatch(MigrationEvent.LockAcquired.class::isInstance);
		assertThat(secondEvents).last().isInstanceOf(MigrationEvent.RunCompleted.class);
		assertThat(firstEvents).anyMatch(MigrationEvent.LockAcquired.class::isInstance);
	}

	@Test
	void lockIsReleasedAfterAFailedRun() {
		this.db.files().write("V2__bad.sql", "CREATE TABLE b (id nonsense_type);");
		Ratchet ratchet = new Ratchet(
				this.db.configure().build());
		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(ratchet::migrate);
		assertThat(Sql.number(this.db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).isZero();
		assertThat(Sql.number(this.db, "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'ratchet %'"
				+ " AND datname = current_database()"))
			.isZero();
	}

	@Test
	void ratchetSessionsSayRatchetAndAskForClientChecks() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		JavaMigration probe = new TestJavaMigration("2", "look at sessions", (context) -> {
			try (Statement statement = context.connection().createStatement();
					var rs = statement.executeQuery("SELECT application_name FROM pg_stat_activity"
							+ " WHERE application_name LIKE 'ratchet %' AND datname = current_database() ORDER BY 1")) {
				while (rs.next()) {
					seen.add(rs.getString(1));
				}
			}
			try (Statement statement = context.connection().createStatement();
					var rs = statement.executeQuery("SELECT current_setting('client_connection_check_interval')")) {
				rs.next();
				seen.add("check=" + rs.getString(1));
			}
		});
		new Ratchet(this.db.configure()
			.javaMigrations(probe)
			.build()).migrate();
		assertThat(seen).hasSize(3);
		assertThat(seen.get(0)).startsWith("ratchet lock ");
		assertThat(seen.get(1)).startsWith("ratchet migrate ");
		assertThat(seen.get(2)).isEqualTo("check=5s");
	}

}
