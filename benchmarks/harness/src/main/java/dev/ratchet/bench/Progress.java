package dev.ratchet.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * Progress lines on standard error, so a long run shows it is alive.
 */
final class Progress {

	private Progress() {
	}

	static void log(String message) {
		System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
	}

}
