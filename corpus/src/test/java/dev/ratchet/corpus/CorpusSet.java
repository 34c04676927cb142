package dev.ratchet.corpus;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One migration set of the corpus: a folder {@code corpus/<name>/} of migration files written in
 * the style of a well-known project's PostgreSQL migrations, and its {@code set.properties}, or a
 * set another project ships in its jar, copied to a temporary folder at test time ({@link JarSet}):
 * <ul>
 * <li>{@code style}: whose migrations the set imitates (for the report; the SQL is our own);</li>
 * <li>{@code placeholder-replacement} ({@code true} by default) and {@code placeholder.<name>}:
 * given to both tools alike;</li>
 * <li>{@code clock-columns}: columns ({@code schema.table.column}, comma-separated) whose values the
 * scripts take from the clock ({@code CURRENT_TIMESTAMP}), so the two runs cannot match; the rows are
 * compared without them;</li>
 * <li>{@code refused}: when set, Ratchet refuses the set on purpose; the value is the start of the
 * message (after the script and line), with {@code refused.script} and {@code refused.line}.</li>
 * </ul>
 */
record CorpusSet(String name, Path directory, Properties properties) {

	/** The folder on the test classpath that holds the sets. */
	private static final String ROOT = "corpus";

	/**
	 * Returns the sets a run covers: the names in the system property {@code ratchet.corpus.sets}
	 * (comma-separated), or every set when it is {@code all} or not set.
	 */
	static Stream<CorpusSet> selected() {
		String selection = System.getProperty("ratchet.corpus.sets", "all").trim();
		List<CorpusSet> all = all();
		if (selection.isEmpty() || selection.equals("all")) {
			return all.stream();
		}
		List<String> names = Arrays.stream(selection.split(",")).map(String::trim).toList();
		List<String> unknown = names.stream().filter((n) -> all.stream().noneMatch((s) -> s.name().equals(n))).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("ratchet.corpus.sets names unknown sets " + unknown);
		}
		return all.stream().filter((set) -> names.contains(set.name()));
	}

	/**
	 * Returns every set: those written in-house, by name, then those read from jars ({@link JarSet}).
	 */
	static List<CorpusSet> all() {
		try (Stream<Path> folders = Files.list(root())) {
			return Stream.concat(folders.filter(Files::isDirectory).sorted().map(CorpusSet::load),
					JarSet.all().stream().map(JarSet::materialize)).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path root() {
		try {
			return Path.of(CorpusSet.class.getClassLoader().getResource(ROOT).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static CorpusSet load(Path directory) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(directory.resolve("set.properties"), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Corpus set " + directory + " needs a set.properties", ex);
		}
		return new CorpusSet(directory.getFileName().toString(), directory, properties);
	}

	String location() {
		return "filesystem:" + this.directory.toAbsolutePath();
	}

	String style() {
		return this.properties.getProperty("style", "");
	}

	boolean placeholderReplacement() {
		return Boolean.parseBoolean(this.properties.getProperty("placeholder-replacement", "true"));
	}

	Map<String, String> placeholders() {
		Map<String, String> values = new LinkedHashMap<>();
		for (String key : this.properties.stringPropertyNames()) {
			if (key.startsWith("placeholder.")) {
				values.put(key.substring("placeholder.".length()), this.properties.getProperty(key));
			}
		}
		return values;
	}

	/**
	 * Returns the columns filled from the clock, by table ({@code schema.table}).
	 */
	Map<String, List<String>> clockColumns() {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		for (String column : this.properties.getProperty("clock-columns", "").split(",")) {
			if (!column.isBlank()) {
				int dot = column.trim().lastIndexOf('.');
				columns.computeIfAbsent(column.trim().substring(0, dot), (table) -> new ArrayList<>())
					.add(column.trim().substring(dot + 1));
			}
		}
		return columns;
	}

	/**
	 * Returns the start of the message Ratchet refuses the set with, or {@code null} when it applies it.
	 */
	String refusal() {
		return this.properties.getProperty("refused");
	}

	String refusedScript() {
		return this.properties.getProperty("refused.script");
	}

	int refusedLine() {
		return Integer.parseInt(this.properties.getProperty("refused.line", "0"));
	}

	@Override
	public String toString() {
		return this.name;
	}

}
