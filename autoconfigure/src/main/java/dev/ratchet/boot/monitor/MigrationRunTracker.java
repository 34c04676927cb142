package dev.ratchet.boot.monitor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.ratchet.MigrationEvent;
import dev.ratchet.MigrationListener;
import dev.ratchet.RatchetException;

/**
 * Remembers what this instance's {@code migrate} runs did: whether one is in progress, and how the
 * last one ended. A {@link MigrationListener}, so it sees every run of the process, the one at
 * start-up included; the endpoint and the health contributor read it.
 */
public class MigrationRunTracker implements MigrationListener {

	private final Clock clock;

	private final AtomicInteger running = new AtomicInteger();

	private final AtomicInteger backgroundRunning = new AtomicInteger();

	private final AtomicLong finished = new AtomicLong();

	// Runs on other threads are other runs: count each one's migrations on its own thread.
	private final ThreadLocal<AtomicInteger> appliedInRun = new ThreadLocal<>();

	private final ThreadLocal<Boolean> backgroundRun = new ThreadLocal<>();

	private volatile LastRun lastRun;

	public MigrationRunTracker() {
		this(Clock.systemUTC());
	}

	MigrationRunTracker(Clock clock) {
		this.clock = clock;
	}

	@Override
	public void onEvent(MigrationEvent event) {
		if (event instanceof MigrationEvent.RunStarted started) {
			(started.background() ? this.backgroundRunning : this.running).incrementAndGet();
			this.backgroundRun.set(started.background());
			this.appliedInRun.set(new AtomicInteger());
		}
		else if (event instanceof MigrationEvent.MigrationApplied) {
			AtomicInteger applied = this.appliedInRun.get();
			if (applied != null) {
				applied.incrementAndGet();
			}
		}
		else if (event instanceof MigrationEvent.RunCompleted completed) {
			finish(completed.result().appliedCount(), completed.result().duration(), null);
		}
		else if (event instanceof MigrationEvent.RunFailed failed) {
			AtomicInteger applied = this.appliedInRun.get();
			finish((applied != null) ? applied.get() : 0, failed.duration(), failed.failure());
		}
	}

	private void finish(int appliedCount, Duration duration, RatchetException failure) {
		Instant finishedAt = this.clock.instant();
		this.lastRun = new LastRun(finishedAt.minus(duration), finishedAt, appliedCount, duration, failure);
		this.appliedInRun.remove();
		boolean background = Boolean.TRUE.equals(this.backgroundRun.get());
		this.backgroundRun.remove();
		(background ? this.backgroundRunning : this.running).updateAndGet((count) -> Math.max(0, count - 1));
		this.finished.incrementAndGet();
	}

	/**
	 * Returns whether a {@code migrate} run of this instance is in progress, in the foreground (not a
	 * run of background data migrations, which goes on while the application serves traffic).
	 */
	public boolean isRunning() {
		return this.running.get() > 0;
	}

	/**
	 * Returns whether a run of background data migrations of this instance is in progress.
	 */
	public boolean isRunningInBackground() {
		return this.backgroundRunning.get() > 0;
	}

	/**
	 * Returns how many runs of this instance have ended, so that a cached status can tell it is stale.
	 */
	public long finishedRuns() {
		return this.finished.get();
	}

	/**
	 * Returns how the last run of this instance ended, or {@code null} if none has.
	 */
	public LastRun getLastRun() {
		return this.lastRun;
	}

	/**
	 * How a run ended.
	 * @param startedAt when it started
	 * @param finishedAt when it ended
	 * @param appliedCount how many migrations it applied
	 * @param duration how long it took
	 * @param failure why it failed, or {@code null} when it succeeded
	 */
	public record LastRun(Instant startedAt, Instant finishedAt, int appliedCount, Duration duration,
			RatchetException failure) {
	}

}
