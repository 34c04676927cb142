package dev.ratchet.lock;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.ratchet.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Releasing the lock notifies its channel, a waiter listens on it only while it waits, and a waiter
 * stops waiting when told its work is done.
 */
class LockNotificationsIntegrationTests {

	private static final long KEY = AdvisoryLock.keyFor("public", "ratchet_history");

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@Test
	void releaseNotifiesTheLocksChannel() throws Exception {
		try (Connection listener = this.db.connect(); Connection holder = this.db.connect()) {
			try (Statement statement = listener.createStatement()) {
				statement.execute("LISTEN \"" + AdvisoryLock.channel(KEY) + "\"");
			}
			AdvisoryLock lock = AdvisoryLock.acquire(holder, KEY, Duration.ofSeconds(5), (h, w) -> {
			});
			PGConnection pg = listener.unwrap(PGConnection.class);
			assertThat(pg.getNotifications(200)).as("nothing before the release").isNullOrEmpty();
			lock.close();
			PGNotification[] received = pg.getNotifications(10_000);
			assertThat(received).isNotNull().hasSize(1);
			assertThat(received[0].getName()).isEqualTo(AdvisoryLock.channel(KEY));
		}
	}

	@Test
	void waiterListensWhileWaitingOnlyAndTakesTheLockOnRelease() throws Exception {
		try (Connection waiter = this.db.connect(); Connection holder = this.db.connect()) {
			AdvisoryLock held = AdvisoryLock.acquire(holder, KEY, Duration.ofSeconds(5), (h, w) -> {
			});
			AtomicInteger checks = new AtomicInteger();
			CompletableFuture<AdvisoryLock> waiting = CompletableFuture.supplyAsync(() -> {
				try {
					return AdvisoryLock.acquire(waiter, KEY, Duration.ofSeconds(30), (h, w) -> {
					}, () -> {
						checks.incrementAndGet();
						return false;
					});
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			while (checks.get() == 0) {
				Thread.sleep(10);
			}
			assertThat(waiting).isNotDone();
			held.close();
			AdvisoryLock taken = waiting.get(30, TimeUnit.SECONDS);
			assertThat(taken).isNotNull();
			assertThat(taken.isHeld()).isTrue();
			try (Statement statement = waiter.createStatement();
					var rs = statement.executeQuery("SELECT count(*) FROM pg_listening_channels()")) {
				rs.next();
				assertThat(rs.getInt(1)).as("channels the waiter still listens on").isZero();
			}
			taken.close();
		}
	}

	@Test
	void waiterStopsWaitingWhenItsWorkIsDone() throws Exception {
		try (Connection waiter = this.db.connect(); Connection holder = this.db.connect()) {
			AdvisoryLock held = AdvisoryLock.acquire(holder, KEY, Duration.ofSeconds(5), (h, w) -> {
			});
			AtomicInteger checks = new AtomicInteger();
			AdvisoryLock taken = AdvisoryLock.acquire(waiter, KEY, Duration.ofSeconds(30), (h, w) -> {
			}, () -> checks.incrementAndGet() >= 3);
			assertThat(taken).isNull();
			assertThat(checks).hasValue(3);
			assertThat(held.isHeld()).isTrue();
			held.close();
		}
	}

}
