package dev.ratchet.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Minimum, median and maximum of a series of samples.
 */
record Stats(double min, double median, double max, int count) {

	static Stats of(List<Double> samples) {
		if (samples.isEmpty()) {
			throw new IllegalArgumentException("no samples");
		}
		List<Double> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		int n = sorted.size();
		double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return new Stats(sorted.get(0), median, sorted.get(n - 1), n);
	}

	/**
	 * Per-round ratios a[i] / b[i]: both were measured in the same round, so the machine's load
	 * at that moment weighs on both.
	 */
	static List<Double> ratios(List<Double> a, List<Double> b) {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			ratios.add(a.get(i) / b.get(i));
		}
		return ratios;
	}

	/**
	 * Returns a − b per round, over the rounds both have.
	 */
	static List<Double> differences(List<Double> a, List<Double> b) {
		List<Double> differences = new ArrayList<>();
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			differences.add(a.get(i) - b.get(i));
		}
		return differences;
	}

	static String format(double value) {
		double abs = Math.abs(value);
		String pattern = (abs >= 100) ? "%.0f" : (abs >= 10) ? "%.1f" : (abs >= 1) ? "%.2f" : "%.3f";
		return String.format(Locale.ROOT, pattern, value);
	}

	String row(String name, String unit) {
		return "| " + name + " | " + format(this.min) + " | " + format(this.median) + " | " + format(this.max) + " | "
				+ unit + " | " + this.count + " |";
	}

	static String header() {
		return "| contender | min | median | max | unit | runs |\n|---|---:|---:|---:|---|---:|";
	}

}
