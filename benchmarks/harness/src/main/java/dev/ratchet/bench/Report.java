package dev.ratchet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * The Markdown the run produces, written to a file as it goes (so an interrupted run keeps what it
 * measured) and echoed to standard output.
 */
final class Report {

	private final Path file;

	Report(Path file) {
		this.file = file;
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path file() {
		return this.file;
	}

	void line(String text) {
		System.out.println(text);
		try {
			Files.writeString(this.file, text + "\n", StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void section(String title) {
		line("");
		line("### " + title);
		line("");
	}

	/**
	 * A table of every contender's samples, then the per-round ratio of each pair.
	 * @param pairs pairs of contender names, {numerator, denominator}
	 */
	void table(Map<String, List<Double>> samples, String unit, List<String[]> pairs) {
		line(Stats.header());
		samples.forEach((name, values) -> line(Stats.of(values).row(name, unit)));
		for (String[] pair : pairs) {
			List<Double> ratios = Stats.ratios(samples.get(pair[0]), samples.get(pair[1]));
			line(Stats.of(ratios).row("ratio " + pair[0] + " / " + pair[1] + " (per round)", "×"));
		}
		line("");
	}

}
