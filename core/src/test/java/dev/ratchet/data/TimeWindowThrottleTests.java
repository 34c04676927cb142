package dev.ratchet.data;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The time window throttle, on an injected clock.
 */
class TimeWindowThrottleTests {

	@Test
	void aWindowAcrossMidnightLetsBatchesRunAtNightOnly() throws Exception {
		assertThat(backOff("22:00-06:00", "2026-12-03T23:30:00Z")).isZero();
		assertThat(backOff("22:00-06:00", "2026-12-03T22:00:00Z")).isZero();
		assertThat(backOff("22:00-06:00", "2026-12-03T03:00:00Z")).isZero();
		assertThat(backOff("22:00-06:00", "2026-12-03T06:00:00Z")).isEqualTo(Duration.ofHours(16));
		assertThat(backOff("22:00-06:00", "2026-12-03T12:15:00Z")).isEqualTo(Duration.ofHours(9).plusMinutes(45));
	}

	@Test
	void aWindowWithinADayWaitsForTomorrowOnceItClosed() throws Exception {
		assertThat(backOff("01:00-05:00", "2026-12-03T02:00:00Z")).isZero();
		assertThat(backOff("01:00-05:00", "2026-12-03T00:30:00Z")).isEqualTo(Duration.ofMinutes(30));
		assertThat(backOff("01:00-05:00", "2026-12-03T05:00:00Z")).isEqualTo(Duration.ofHours(20));
	}

	@Test
	void theWindowIsInTheClocksZone() throws Exception {
		Clock berlin = Clock.fixed(Instant.parse("2026-12-03T21:30:00Z"), ZoneId.of("Europe/Berlin"));
		assertThat(BatchThrottle.window("22:00-06:00", berlin).backOff(null, null)).isZero();
	}

	@Test
	void aWindowThatCannotBeReadNamesTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> BatchThrottle.window("22-6", Clock.systemUTC()))
			.withMessageContaining("'22-6' (ratchet.data.window)")
			.withMessageContaining("22:00-06:00");
		assertThatIllegalArgumentException().isThrownBy(() -> BatchThrottle.window("06:00-06:00", Clock.systemUTC()));
	}

	private static Duration backOff(String window, String now) throws Exception {
		return BatchThrottle.window(window, Clock.fixed(Instant.parse(now), ZoneOffset.UTC)).backOff(null, null);
	}

}
