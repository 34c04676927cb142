package dev.ratchet.boot.data;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.ratchet.MigrateResult;
import dev.ratchet.MigrationFailedException;
import dev.ratchet.Ratchet;
import dev.ratchet.RatchetException;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the pending background data migrations ({@link Ratchet#migrateBackground()}) in a thread of
 * its own once the application is ready, while it serves traffic. Start-up applied the migrations
 * before them ({@link Ratchet#migrateUntilBackground()}); the versions after them wait for the next
 * start-up. Every instance starts one: the first takes the migration lock, the others wait for it
 * and take over after the last committed batch if that instance goes away. When the application
 * shuts down, the run stops between two batches (waiting up to 30 seconds for the current one),
 * and the next start continues from there.
 */
public class BackgroundMigrationRunner implements ApplicationListener<ApplicationReadyEvent>, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(BackgroundMigrationRunner.class);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	private final Ratchet ratchet;

	private volatile Thread thread;

	private volatile boolean running;

	private volatile boolean stopping;

	private volatile boolean again;

	public BackgroundMigrationRunner(Ratchet ratchet) {
		this.ratchet = ratchet;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		synchronized (this) {
			if (this.thread != null || this.stopping) {
				return;
			}
			this.thread = new Thread(this::migrate, "ratchet-background");
			this.thread.setDaemon(true);
			this.thread.start();
		}
	}

	/**
	 * Runs the pending background data migrations again, for a migration an operator resumed: starts
	 * a run unless one is under way, in which case that run goes on once it ends. Does nothing before
	 * the application is ready or once it stops.
	 */
	public void runAgain() {
		synchronized (this) {
			if (this.thread == null || this.stopping) {
				return;
			}
			this.again = true;
			if (!this.thread.isAlive()) {
				this.thread = new Thread(this::migrate, "ratchet-background");
				this.thread.setDaemon(true);
				this.thread.start();
			}
		}
	}

	/**
	 * Returns whether a background run is under way in this instance: waiting for the lock or migrating.
	 */
	public boolean isMigrating() {
		Thread current = this.thread;
		return current != null && current.isAlive();
	}

	private void migrate() {
		do {
			this.again = false;
			migrateOnce();
		}
		while (this.again && !this.stopping);
	}

	private void migrateOnce() {
		try {
			MigrateResult result = this.ratchet.migrateBackground();
			if (!result.applied().isEmpty()) {
				logger.info("Background data migrations done; the versions after them are applied at the next start-up");
			}
		}
		catch (MigrationFailedException ex) {
			// The failure itself is logged with its MigrationFailed event.
			logger.error("A background data migration failed; the application keeps running, and the next start-up "
					+ "continues it after its last committed batch once the cause is fixed");
		}
		catch (RatchetException ex) {
			if (this.stopping) {
				logger.debug("Background data migrations stopped with the application", ex);
			}
			else {
				logger.error("Background data migrations could not run: " + ex.getMessage(), ex);
			}
		}
		catch (RuntimeException ex) {
			logger.error("Background data migrations could not run", ex);
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.stopping = true;
		Thread current;
		synchronized (this) {
			current = this.thread;
		}
		if (current != null && current.isAlive()) {
			current.interrupt();
			try {
				current.join(STOP_TIMEOUT.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (current.isAlive()) {
				logger.warn("The background data migration did not stop within " + STOP_TIMEOUT.toSeconds()
						+ " s; its current batch is rolled back when the connection closes, and the next start-up "
						+ "continues after the last committed batch");
			}
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
