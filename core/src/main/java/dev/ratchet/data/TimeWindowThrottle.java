package dev.ratchet.data;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;

import dev.ratchet.MigrationContext;
import dev.ratchet.MigrationDescriptor;

/**
 * Lets batches run within a daily time window only; see {@link BatchThrottle#window}.
 */
final class TimeWindowThrottle implements BatchThrottle {

	private final LocalTime start;

	private final LocalTime end;

	private final Clock clock;

	TimeWindowThrottle(LocalTime start, LocalTime end, Clock clock) {
		if (start.equals(end)) {
			throw new IllegalArgumentException("window starts and ends at " + start);
		}
		this.start = start;
		this.end = end;
		this.clock = clock;
	}

	@Override
	public Duration backOff(MigrationContext context, MigrationDescriptor migration) {
		return untilOpen(LocalDateTime.now(this.clock));
	}

	Duration untilOpen(LocalDateTime now) {
		LocalTime time = now.toLocalTime();
		boolean open = this.start.isBefore(this.end)
				? !time.isBefore(this.start) && time.isBefore(this.end)
				: !time.isBefore(this.start) || time.isBefore(this.end);
		if (open) {
			return Duration.ZERO;
		}
		LocalDateTime opens = now.toLocalDate().atTime(this.start);
		if (!opens.isAfter(now)) {
			opens = opens.plusDays(1);
		}
		return Duration.between(now, opens);
	}

	@Override
	public String toString() {
		return "time window " + this.start + "-" + this.end;
	}

}
