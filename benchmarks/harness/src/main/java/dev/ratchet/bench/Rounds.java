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

	/**
	 * One timed run that measures several things at once (wall time and CPU time, say).
	 */
	@FunctionalInterface
	interface MultiTrial {

		double[] run() throws Exception;

	}

	record Contender(String name, MultiTrial trial) {

		Contender(String name, Trial trial) {
			this(name, () -> new double[] { trial.run() });
		}

	}

	private Rounds() {
	}

	static Map<String, List<Double>> alternate(int warmups, int rounds, List<Contender> contenders) throws Exception {
		return alternateMetrics(warmups, rounds, contenders).get(0);
	}

	/**
	 * Like {@link #alternate}, for trials that measure several metrics.
	 * @return per metric (in the order the trials return them), each contender's samples
	 */
	static List<Map<String, List<Double>>> alternateMetrics(int warmups, int rounds, List<Contender> contenders)
			throws Exception {
		List<Map<String, List<Double>>> metrics = new ArrayList<>();
		Map<String, List<Double>> samples = new LinkedHashMap<>();
		contenders.forEach((c) -> samples.put(c.name(), new ArrayList<>()));
		metrics.add(samples);
		for (int round = 0; round < warmups + rounds; round++) {
			// Rotate who goes first, so no contender always runs right after the same one.
			for (int i = 0; i < contenders.size(); i++) {
				Contender contender = contenders.get((i + round) % contenders.size());
				double[] values = contender.trial().run();
				if (round >= warmups) {
					for (int m = 0; m < values.length; m++) {
						if (metrics.size() <= m) {
							Map<String, List<Double>> metric = new LinkedHashMap<>();
							contenders.forEach((c) -> metric.put(c.name(), new ArrayList<>()));
							metrics.add(metric);
						}
						metrics.get(m).get(contender.name()).add(values[m]);
					}
				}
			}
			Progress.log("  round " + (round + 1) + "/" + (warmups + rounds) + ((round < warmups) ? " (warm-up)" : "")
					+ " " + last(samples));
		}
		return metrics;
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
