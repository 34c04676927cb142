package dev.ratchet.data;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that stands still but for sleeps, which it records and passes instantly.
 */
class FakeClock implements DataClock {

	private volatile long now = 1_000_000_000L;

	final List<Duration> sleeps = new CopyOnWriteArrayList<>();

	@Override
	public long nanoTime() {
		return this.now;
	}

	@Override
	public void sleep(Duration duration) {
		this.sleeps.add(duration);
		this.now += duration.toNanos();
	}

	void advance(Duration duration) {
		this.now += duration.toNanos();
	}

}
