package dev.ratchet.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.ratchet.data.BatchOptions;
import dev.ratchet.data.DataClock;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTests {

	private long now = 5_000_000_000L;

	private final DataClock clock = new DataClock() {

		@Override
		public long nanoTime() {
			return PacerTests.this.now;
		}

		@Override
		public void sleep(Duration duration) {
			PacerTests.this.now += duration.toNanos();
		}

	};

	@Test
	void noThrottleMeansNoWait() {
		Pacer pacer = new Pacer(BatchOptions.defaults(), this.clock, this.now);
		assertThat(pacer.delay(1_000_000)).isZero();
	}

	@Test
	void pauseIsWaitedAfterEveryBatch() {
		Pacer pacer = new Pacer(BatchOptions.defaults().withPauseBetweenBatches(Duration.ofSeconds(2)), this.clock,
				this.now);
		assertThat(pacer.delay(1000)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void maximumRateWaitsUntilTheAverageRateIsBackAtTheLimit() {
		Pacer pacer = new Pacer(BatchOptions.defaults().withMaxItemsPerSecond(100), this.clock, this.now);
		this.now += Duration.ofMillis(200).toNanos();
		// 100 items at 100/s are due after 1 s; 200 ms have passed.
		assertThat(pacer.delay(100)).isEqualTo(Duration.ofMillis(800));
		this.now += Duration.ofSeconds(5).toNanos();
		assertThat(pacer.delay(200)).isZero();
	}

	@Test
	void longerOfPauseAndRateWins() {
		Pacer pacer = new Pacer(
				BatchOptions.defaults().withPauseBetweenBatches(Duration.ofMillis(100)).withMaxItemsPerSecond(100),
				this.clock, this.now);
		assertThat(pacer.delay(50)).isEqualTo(Duration.ofMillis(500));
		assertThat(pacer.delay(1)).isEqualTo(Duration.ofMillis(100));
	}

}
