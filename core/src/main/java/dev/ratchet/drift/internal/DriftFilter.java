package dev.ratchet.drift.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.ratchet.drift.SchemaObjectKind;

/**
 * Which objects drift detection looks at: none when it is off ({@code ratchet.drift.enabled}),
 * otherwise every object but those matching one of the {@code ratchet.drift.ignore} patterns,
 * written {@code kind:name}. The kind is one of {@link SchemaObjectKind} in lower case
 * ({@code table}, {@code materialized_view}, …) or {@code *}; a pattern without a kind is
 * {@code *:name}. In the name, {@code *} matches any characters. An ignored table takes its
 * columns, constraints, indexes, triggers and owned sequences with it.
 */
public final class DriftFilter {

	/**
	 * Looks at everything.
	 */
	public static final DriftFilter ALL = new DriftFilter(true, List.of());

	private final boolean enabled;

	private final List<Rule> rules;

	private DriftFilter(boolean enabled, List<Rule> rules) {
		this.enabled = enabled;
		this.rules = rules;
	}

	/**
	 * Creates a filter.
	 * @param enabled whether drift is looked for at all
	 * @param patterns the objects to leave out
	 * @return the filter
	 * @throws IllegalArgumentException for a pattern with an unknown kind, naming the valid ones
	 */
	public static DriftFilter of(boolean enabled, List<String> patterns) {
		List<Rule> rules = new ArrayList<>();
		for (String pattern : patterns) {
			rules.add(Rule.parse(pattern.strip()));
		}
		return new DriftFilter(enabled, List.copyOf(rules));
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Returns whether an object is left out: it is ignored, or it belongs to a partition (made at run
	 * time, say by pg_partman; older snapshots may still list them).
	 */
	boolean leavesOut(SchemaObject object, Set<String> partitions) {
		if (partitions.contains(object.name()) && object.kind() == SchemaObjectKind.TABLE
				|| object.parent() != null && partitions.contains(object.parent())) {
			return true;
		}
		for (Rule rule : this.rules) {
			if (rule.matches(object)) {
				return true;
			}
		}
		return false;
	}

	private record Rule(SchemaObjectKind kind, Pattern name) {

		static Rule parse(String pattern) {
			int colon = pattern.indexOf(':');
			String kind = (colon >= 0) ? pattern.substring(0, colon).strip().toLowerCase(Locale.ROOT) : "*";
			String name = (colon >= 0) ? pattern.substring(colon + 1).strip() : pattern;
			SchemaObjectKind objectKind = null;
			if (!kind.equals("*")) {
				objectKind = Arrays.stream(SchemaObjectKind.values())
					.filter((candidate) -> candidate.name().equalsIgnoreCase(kind.replace(' ', '_')))
					.findFirst()
					.orElseThrow(() -> new IllegalArgumentException("ratchet.drift.ignore pattern '" + pattern
							+ "' names the kind '" + kind + "'; use one of " + kinds() + " or *, as in table:quartz_*"));
			}
			String regex = Arrays.stream(name.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
			return new Rule(objectKind, Pattern.compile(regex));
		}

		boolean matches(SchemaObject object) {
			if (this.kind == null || this.kind == object.kind()) {
				return this.name.matcher(object.name()).matches();
			}
			return this.kind == SchemaObjectKind.TABLE && object.parent() != null
					&& this.name.matcher(object.parent()).matches();
		}

		private static String kinds() {
			return Arrays.stream(SchemaObjectKind.values())
				.map((kind) -> kind.name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
		}

	}

}
