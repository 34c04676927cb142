package dev.ratchet.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs contenders in alternation (A B C A B C …) so that the machine's changing load falls on all
 * of them alike. Warm-up rounds run the same way and are discarded.
 */
final class Rounds {

	/**
	 * One timed run of a contender. Set-up and clean-up happen inside, outside the timed part.
	 */
	@FunctionalInterface
	interface Trial {

		/**
		 * Runs once.
		 * @return the measured value (milliseconds unless the scenario says otherwise)
		 */
		double run() throws Exception;

	}

	record Contender(String name, Trial trial) {
	}

	private Rounds() {
	}

	static Map<String, List<Double>> alternate(int warmups, int rounds, List<Contender> contenders) throws Exception {
		Map<String, List<Double>> samples = new LinkedHashMap<>();
		contenders.forEach((c) -> samples.put(c.name(), new ArrayList<>()));
		for (int round = 0; round < warmups + rounds; round++) {
			// Rotate who goes first, so no contender always runs right after the same one.
			for (int i = 0; i < contenders.size(); i++) {
				Contender contender = contenders.get((i + round) % contenders.size());
				double value = contender.trial().run();
				if (round >= warmups) {
					samples.get(contender.name()).add(value);
				}
			}
			Progress.log("  round " + (round + 1) + "/" + (warmups + rounds) + ((round < warmups) ? " (warm-up)" : "")
					+ " " + last(samples));
		}
		return samples;
	}

	private static String last(Map<String, List<Double>> samples) {
		StringBuilder line = new StringBuilder();
		samples.forEach((name, values) -> {
			if (!values.isEmpty()) {
				line.append(name).append('=').append(Stats.format(values.get(values.size() - 1))).append(' ');
			}
		});
		return line.toString().trim();
	}

}
