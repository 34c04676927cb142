package dev.ratchet.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.ratchet.RatchetConfiguration;
import dev.ratchet.lock.AdvisoryLock;
import dev.ratchet.test.FreshDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lock watch and the lock session: once the watch is closed, nothing of it uses the lock
 * session, so the lock can be released on it.
 */
class LockWatchIntegrationTests {

	@RegisterExtension
	final FreshDatabase db = new FreshDatabase();

	@Test
	void closeWaitsForALookInProgressOnTheLockSession() throws Exception {
		CountDownLatch lookStarted = new CountDownLatch(1);
		CountDownLatch lookMayEnd = new CountDownLatch(1);
		AtomicLong lookEnded = new AtomicLong();
		try (Connection migration = this.db.connect(); Connection lockConnection = this.db.connect()) {
			AdvisoryLock lock = AdvisoryLock.acquire(lockConnection, 42, Duration.ofSeconds(5), (holder, waited) -> {
			});
			Connection watched = slowLooks(lockConnection, lookStarted, lookMayEnd, lookEnded);
			RatchetConfiguration configuration = RatchetConfiguration.builder(this.db.dataSource())
				.lockTimeout(Duration.ofMillis(100))
				.build();
			LockWatch watch = LockWatch.start(lock, watched, 0, migration, configuration);
			CompletableFuture<Void> statement = CompletableFuture.runAsync(() -> {
				try {
					watch.run(() -> {
						try (Statement sleep = migration.createStatement()) {
							sleep.execute("SELECT pg_sleep(0.5)");
						}
					});
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			assertThat(lookStarted.await(5, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Long> closed = CompletableFuture.supplyAsync(() -> {
				watch.close();
				return System.nanoTime();
			});
			Thread.sleep(200);
			lookMayEnd.countDown();
			long closeReturned = closed.get(5, TimeUnit.SECONDS);
			statement.get(5, TimeUnit.SECONDS);
			assertThat(closeReturned).isGreaterThanOrEqualTo(lookEnded.get());
			lock.close();
		}
	}

	@Test
	void quickStatementsLeaveNoLookScheduled() throws Exception {
		try (Connection migration = this.db.connect(); Connection lockConnection = this.db.connect()) {
			AdvisoryLock lock = AdvisoryLock.acquire(lockConnection, 42, Duration.ofSeconds(5), (holder, waited) -> {
			});
			RatchetConfiguration configuration = RatchetConfiguration.builder(this.db.dataSource())
				.lockTimeout(Duration.ofSeconds(10))
				.build();
			try (LockWatch watch = LockWatch.start(lock, lockConnection, 0, migration, configuration);
					Statement statement = migration.createStatement()) {
				for (int i = 0; i < 200; i++) {
					watch.run(() -> statement.execute("SELECT 1"));
				}
				// A cancelled look that stayed queued would wake the watch's thread when due, once per statement.
				assertThat(watch.scheduledLooks()).isZero();
			}
			lock.close();
		}
	}

	/**
	 * Returns the lock connection, except that the watch's look blocks until allowed to end, as a
	 * query on a busy server does, deaf to interrupts.
	 */
	private static Connection slowLooks(Connection connection, CountDownLatch started, CountDownLatch mayEnd,
			AtomicLong ended) {
		return (Connection) Proxy.newProxyInstance(LockWatchIntegrationTests.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().equals("prepareStatement") && ((String) args[0]).contains("pg_blocking_pids")) {
						started.countDown();
						boolean waited = false;
						while (!waited) {
							try {
								mayEnd.await();
								waited = true;
							}
							catch (InterruptedException ex) {
								// A socket read goes on when interrupted.
							}
						}
						ended.set(System.nanoTime());
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

}
